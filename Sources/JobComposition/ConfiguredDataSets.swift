import ICWSWire

/// One dataset of a job's configuration, with the list it sits in.
public struct ConfiguredDataSet: Hashable, Sendable {
    public let kind: DataSetKind
    public let entry: DataSetConfig

    /// The names of the columns asked for, in the configuration's order.
    public var columnNames: [String] { entry.column.map(\.name) }
}

extension JobConfig {
    /// Every dataset of the configuration, tables first, then views: the one conversion from a
    /// configuration to its datasets (the CLI's checks and summary, the server's rules, resubmit).
    public var dataSets: [ConfiguredDataSet] {
        tableConfigs.map { ConfiguredDataSet(kind: .table, entry: $0) }
            + viewConfigs.map { ConfiguredDataSet(kind: .view, entry: $0) }
    }
}

extension JobDraft {
    /// The draft that gives `config` back (its name, datasets with their columns, window and sites).
    public init(of config: JobConfig) {
        self.init(name: config.name,
                  dataSets: config.dataSets.map { DataSetChoice(name: $0.entry.name, kind: $0.kind, columns: $0.columnNames) },
                  window: TimeWindow(of: config), siteIds: config.siteIds)
    }
}

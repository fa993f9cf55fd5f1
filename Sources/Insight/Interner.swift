import ICWSWire

/// One copy of each repeated part of the configurations and runs the model keeps: texts (dataset
/// and column names, sites, users, job names, errors), column lists, dataset lists. A job's
/// configuration is decoded from the server's JSON with strings and arrays of its own; interned,
/// jobs that share a dataset or a column share its memory (Swift strings and arrays are
/// references to one buffer), so N jobs of a few dozen shapes cost a few dozen configurations.
struct Interner: Sendable {
    private var texts: Set<String> = []
    private var columnLists: Set<[ColumnRef]> = []
    private var dataSetLists: Set<[DataSetConfig]> = []
    private var siteLists: Set<[SiteIdFilter]> = []
    private var foldedLists: Set<[String]> = []
    private var foldedNames: [String: String] = [:]

    /// Strings of up to 15 UTF-8 bytes live inside the `String` itself: nothing to share.
    mutating func text(_ text: String) -> String {
        text.utf8.count <= 15 ? text : texts.insert(text).memberAfterInsert
    }

    mutating func text(_ text: String?) -> String? { text.map { self.text($0) } }

    /// `name` folded by `fold`, folded once per distinct name (names repeat across jobs).
    mutating func folded(name: String, by fold: (String) -> String) -> String {
        if let known = foldedNames[name] { return known }
        let folded = text(fold(name))
        foldedNames[name] = folded
        return folded
    }

    /// Folded column names of a key (see `ExtractContent`).
    mutating func folded(_ names: [String]) -> [String] {
        foldedLists.insert(names.map { text($0) }).memberAfterInsert
    }

    /// The datasets and sites of `config` interned (what `ExtractShape` reads); the rest as is.
    mutating func shapeParts(of config: JobConfig) -> JobConfig {
        var config = config
        if let tables = config.tables { config.tables = TableList(dataSets(tables.tableList)) }
        if let views = config.views { config.views = ViewList(dataSets(views.viewList)) }
        if let sites = config.siteIdFilters {
            config.siteIdFilters = siteLists.insert(sites.map { SiteIdFilter(name: text($0.name)) }).memberAfterInsert
        }
        return config
    }

    private mutating func dataSets(_ sets: [DataSetConfig]) -> [DataSetConfig] {
        let interned = sets.map { set in
            DataSetConfig(name: text(set.name), dateTimeFilterColumn: text(set.dateTimeFilterColumn),
                          siteIdFilterColumn: text(set.siteIdFilterColumn),
                          column: columnLists.insert(set.column.map { ColumnRef(name: text($0.name)) }).memberAfterInsert)
        }
        return dataSetLists.insert(interned).memberAfterInsert
    }
}

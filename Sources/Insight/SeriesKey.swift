import Foundation
import ICWSWire

/// What makes jobs "the same extract" (docs/insight.md, "Series"): the tables and views they read
/// (kind and name, case-insensitive), the columns of each (a set: case-insensitive, order and
/// repeats ignored), the sites (a set; none means every site) and the length class of the window.
/// Never the job's name, user, filter columns or the window's position in time.
public struct SeriesKey: Hashable, Sendable, Comparable {
    public let content: ExtractContent
    public let window: WindowClass
    /// Short and stable (the same on every run and machine): 10 hex digits of a hash of `canonical`.
    /// Computed once: lists sort by it, and hashing the canonical text at every comparison was
    /// half of a `series list` of 10,000 series.
    public let id: String

    public init(content: ExtractContent, window: WindowClass) {
        self.content = content
        self.window = window
        id = content.hashPrefix(window)
    }

    /// The full key as text, e.g. `t:iagentqueuestats(cname,siteid)|sites:1|daily`.
    public var canonical: String { content.canonical + "|" + window.word }

    public static func < (a: SeriesKey, b: SeriesKey) -> Bool { (a.content.canonical, a.window) < (b.content.canonical, b.window) }

    /// The short id stands for the whole key (equal keys have equal ids): the list and the detail
    /// pane look series up on every frame, and hashing every dataset and column cost more than drawing.
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// The datasets and sites of a key, in canonical (folded, sorted) form.
public struct ExtractContent: Hashable, Sendable {
    public struct DataSet: Hashable, Sendable, Comparable {
        public let isView: Bool
        /// Folded (lower case).
        public let name: String
        /// Folded, sorted, without repeats.
        public let columns: [String]

        public static func < (a: DataSet, b: DataSet) -> Bool {
            (a.name, a.isView ? 1 : 0, a.columns.joined(separator: ",")) < (b.name, b.isView ? 1 : 0, b.columns.joined(separator: ","))
        }
    }

    /// Sorted, without repeats.
    public let dataSets: [DataSet]
    /// Trimmed, sorted, without repeats; empty means every site.
    public let sites: [String]
    public let canonical: String

    public init(config: JobConfig) {
        var interner = Interner()
        self.init(config: config, interner: &interner)
    }

    /// Names and column lists shared with the other keys of `interner`'s model.
    init(config: JobConfig, interner: inout Interner) {
        func fold(_ configs: [DataSetConfig], view: Bool) -> [DataSet] {
            configs.map { DataSet(isView: view, name: interner.folded(name: $0.name, by: Self.folded),
                                  columns: interner.folded(Array(Set($0.column.map { interner.folded(name: $0.name, by: Self.folded) })).sorted())) }
        }
        dataSets = Array(Set(fold(config.tableConfigs, view: false) + fold(config.viewConfigs, view: true))).sorted()
        sites = Array(Set(config.siteIds.map { interner.text($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty })).sorted()
        let sets = dataSets.map { ($0.isView ? "v:" : "t:") + $0.name + "(" + $0.columns.joined(separator: ",") + ")" }
        canonical = sets.joined(separator: ";") + "|sites:" + (sites.isEmpty ? "*" : sites.joined(separator: ","))
    }

    /// The canonical text stands for the whole content (it is made from it).
    public func hash(into hasher: inout Hasher) { hasher.combine(canonical) }

    private static func folded(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    func hashPrefix(_ window: WindowClass) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a 64
        for byte in (canonical + "|" + window.word).utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(10))
    }
}

/// The part of a configuration the key reads, to look keys up without folding the same
/// configuration again: jobs of a series repeat it exactly. Equality compares all of it; the hash
/// reads only names, column counts and the first and last columns (hashing every column of every
/// job cost more than the rest of the model).
struct ExtractShape: Hashable {
    let tables: TableList?
    let views: ViewList?
    let sites: [SiteIdFilter]?

    init(_ config: JobConfig) {
        tables = config.tables
        views = config.views
        sites = config.siteIdFilters
    }

    func hash(into hasher: inout Hasher) {
        for dataSet in (tables?.tableList ?? []) + (views?.viewList ?? []) {
            hasher.combine(dataSet.name)
            hasher.combine(dataSet.column.count)
            hasher.combine(dataSet.column.first)
            hasher.combine(dataSet.column.last)
        }
        hasher.combine(tables?.tableList.count)
        hasher.combine(sites)
    }
}

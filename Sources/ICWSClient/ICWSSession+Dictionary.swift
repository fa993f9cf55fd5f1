import Foundation
import ICWSWire

/// What one server's data dictionary calls answered. It changes only on a server upgrade, so it is
/// kept for the session and dropped when a login lands on another server (a switchover partner).
struct DictionaryCache: Sendable {
    var server: ICWSServer?
    /// The `data-dictionary` feature version; `.some(nil)` when the server does not list it.
    var featureVersion: Int??
    var tables: DictionaryTables?
    var views: DictionaryViews?
    var dataSetNames: [String]?

    /// Empties the cache unless it belongs to `server`.
    mutating func keep(for server: ICWSServer) {
        if self.server != server { self = DictionaryCache(server: server) }
    }
}

extension ICWSSession {
    /// Every table and view (GET data-dictionary/tables and data-dictionary/views), cached for the
    /// session. Entries that do not decode are skipped, logged, and listed in `problems`.
    /// Throws `.featureMissing` when the server lacks `data-dictionary` version 2.
    public func dataDictionary() async throws -> DataDictionary {
        let tables = try await dictionaryTables()
        let views = try await dictionaryViews()
        return DataDictionary(tables: tables.tableList, views: views.viewList, problems: tables.problems + views.problems)
    }

    /// GET data-dictionary/data-set-names, cached; nameless entries are left out.
    public func dataSetNames() async throws -> [String] {
        try await requireDataDictionary()
        if let cached = dictionaryCache.dataSetNames { return cached }
        let answer = try await sessionCall(.GET, ICWSPath.dictionaryDataSetNames)
        let names = try answer.decode(DataSetNameList.self, request: "GET data-dictionary/data-set-names")
            .dataSetNameList.compactMap(\.name)
        dictionaryCache.dataSetNames = names
        return names
    }

    /// The server's `data-dictionary` version, nil when it does not offer the feature (cached).
    public func dataDictionaryVersion() async throws -> Int? {
        let server = try await connect().server
        dictionaryCache.keep(for: server)
        if let known = dictionaryCache.featureVersion { return known }
        let version = try await fetchFeatures(server).first { $0.featureId == ICWSProtocol.dataDictionaryFeature }?.version
        dictionaryCache.featureVersion = .some(version)
        return version
    }

    func dictionaryTables() async throws -> DictionaryTables {
        try await requireDataDictionary()
        if let cached = dictionaryCache.tables { return cached }
        let answer = try await sessionCall(.GET, ICWSPath.dictionaryTables)
        let tables = try answer.decode(DictionaryTables.self, request: "GET data-dictionary/tables")
        logSkipped(tables.problems)
        dictionaryCache.tables = tables
        return tables
    }

    func dictionaryViews() async throws -> DictionaryViews {
        try await requireDataDictionary()
        if let cached = dictionaryCache.views { return cached }
        let answer = try await sessionCall(.GET, ICWSPath.dictionaryViews)
        let views = try answer.decode(DictionaryViews.self, request: "GET data-dictionary/views")
        logSkipped(views.problems)
        dictionaryCache.views = views
        return views
    }

    /// `.featureMissing` unless the server offers `data-dictionary` version 2 or later.
    func requireDataDictionary() async throws {
        let version = try await dataDictionaryVersion()
        guard let version, version >= ICWSProtocol.minimumDataDictionaryVersion else {
            let offered = version.map { "the server offers version \($0)" } ?? "the server does not offer the data-dictionary feature"
            throw ICWSError.featureMissing(
                "composing jobs needs data-dictionary version \(ICWSProtocol.minimumDataDictionaryVersion) or later; \(offered)")
        }
    }

    private func logSkipped(_ problems: [String]) {
        for problem in problems { logger.warning("skipped a dictionary entry: \(VisibleText.ascii(problem, limit: 200))") }
    }
}

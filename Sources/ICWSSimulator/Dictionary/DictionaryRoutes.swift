import Hummingbird
import ICWSWire

/// `/icws/{sessionId}/data-dictionary[/tables|/views|/data-set-names]`, filtered by the comma lists
/// `ids` (table or view names) and `dataSetNames`, both compared case-insensitively.
struct DictionaryRoutes: Sendable {
    let gate: SessionGate
    let configuration: SimulatorConfiguration

    func register(on router: Router<SimulatorRequestContext>) {
        let base = "/icws/:sessionId/data-dictionary"
        router.get(RouterPath(base)) { request, context in
            await answer(request, context) {
                let sets = Self.dataSetFilter($0)
                return ICWSResponse.json(DataDictionaryAnswer(
                    tables: DictionaryTables(Self.filter(DictionaryCatalog.dictionary.tables, ids: Self.list($0, "tableIds"), sets: sets)),
                    views: DictionaryViews(Self.filter(DictionaryCatalog.dictionary.views, ids: Self.list($0, "viewIds"), sets: sets))))
            }
        }
        router.get(RouterPath(base + "/tables")) { request, context in
            await answer(request, context) {
                ICWSResponse.json(DictionaryTables(Self.filter(DictionaryCatalog.dictionary.tables, ids: Self.list($0, "ids"),
                                                               sets: Self.dataSetFilter($0))))
            }
        }
        router.get(RouterPath(base + "/views")) { request, context in
            await answer(request, context) {
                ICWSResponse.json(DictionaryViews(Self.filter(DictionaryCatalog.dictionary.views, ids: Self.list($0, "ids"),
                                                              sets: Self.dataSetFilter($0))))
            }
        }
        router.get(RouterPath(base + "/data-set-names")) { request, context in
            await answer(request, context) { _ in
                ICWSResponse.json(DataSetNameList(DictionaryCatalog.dictionary.dataSetTitles.map { DataSetName(name: $0) }))
            }
        }
    }

    /// Through the session checks; 404 when the feature is switched off.
    private func answer(_ request: Request, _ context: SimulatorRequestContext,
                        _ body: @escaping @Sendable (Request) -> Response) async -> Response {
        await gate.handle(request, context: context) { call in
            guard configuration.dataDictionaryVersion != nil else {
                return ICWSResponse.error(.notFound, errorId: "error.request.notFound",
                                          message: "The data-dictionary feature is not available on this server.")
            }
            return body(call.request)
        }
    }

    static func list(_ request: Request, _ name: String) -> [String]? {
        guard let text = request.query(name) else { return nil }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func dataSetFilter(_ request: Request) -> [String]? { list(request, "dataSetNames") }

    static func filter(_ sets: [DictionaryDataSet], ids: [String]?, sets names: [String]?) -> [DictionaryDataSet] {
        sets.filter { set in
            (ids.map { $0.contains { DictionaryName.same($0, set.name) } } ?? true)
                && (names.map { $0.contains { DictionaryName.same($0, set.dataSetTitle ?? "") } } ?? true)
        }
    }
}

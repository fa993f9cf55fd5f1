import Foundation
import Testing

/// docs/architecture.md's module diagram says exactly what Package.swift says: the same modules,
/// each with the same dependencies, and every module above the modules it depends on.
@Suite("The architecture's module diagram matches Package.swift")
struct ModuleDiagramTests {
    /// The repository's root: this file is Tests/ArchitectureTests/ModuleDiagramTests.swift.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theDiagramHasEveryModuleWithItsDependencies() throws {
        let package = PackageManifest.modules(in: try Self.read("Package.swift"))
        let diagram = ModuleDiagram.lines(in: try Self.read("docs/architecture.md"))
        #expect(package["ICWSWire"]?.modules == ["DisplayText"], "the manifest reader finds the targets")
        #expect(diagram.problems.isEmpty, "diagram lines that could not be read: \(diagram.problems)")
        let drawn = Dictionary(diagram.lines.map { ($0.name, $0.entry) }, uniquingKeysWith: { first, _ in first })
        #expect(drawn.count == diagram.lines.count, "a module drawn twice")
        for name in Set(package.keys).subtracting(drawn.keys).sorted() {
            Issue.record("\(name) is in Package.swift but not in the diagram (it depends on \(package[name]!))")
        }
        for name in Set(drawn.keys).subtracting(package.keys).sorted() {
            Issue.record("\(name) is in the diagram but is no target of Package.swift")
        }
        for (name, entry) in package.sorted(by: { $0.key < $1.key }) {
            guard let shown = drawn[name], shown != entry else { continue }
            Issue.record("\(name): the diagram says \(shown), Package.swift says \(entry)")
        }
    }

    @Test func everyModuleSitsAboveWhatItDependsOn() throws {
        let lines = ModuleDiagram.lines(in: try Self.read("docs/architecture.md")).lines
        let layers = Dictionary(lines.map { ($0.name, $0.layer) }, uniquingKeysWith: { first, _ in first })
        for line in lines {
            for module in line.entry.modules.sorted() where (layers[module] ?? -1) >= line.layer {
                Issue.record("\(line.name) (layer \(line.layer)) depends on \(module) (layer \(layers[module].map(String.init) ?? "none"))")
            }
        }
    }
}

import DashboardKit
import JobQuery
import Yams

/// The dashboard's settings of the config file (docs/config.md, "The dashboard"): saved views,
/// the theme and custom colours, the mouse, and rebound keys. Parsed into typed values when the
/// file is loaded; every mistake is one line with the file and line.
struct DashboardSettings: Sendable {
    /// A saved view: a filter, the columns and the sort under a name.
    struct SavedView: Sendable {
        var name: String
        var filter: JobQuery
        var filterText: String
        /// nil: the list's default columns.
        var columns: [ListColumn]?
        var sort: SortOrder
    }

    var theme: Theme.Name = .dark
    /// What a custom colour applies to is a `StyleRole`: a job state, the header, the selection...
    var colors: [StyleRole: TextColor] = [:]
    var mouse = false
    /// In the file's order.
    var views: [SavedView] = []
    /// The view the dashboard opens on (the one marked `default: true`, else the first).
    var defaultView: String?
    var keys: [KeyRebinding] = []

    /// Colour names as the config writes them.
    static let colorNames: [String: TextColor] = ["red": .red, "green": .green, "yellow": .yellow, "blue": .blue,
                                                  "magenta": .magenta, "cyan": .cyan, "white": .white]

    /// The top-level keys this type reads.
    static let keysRead = ["views", "theme", "colors", "mouse", "keys"]
}

/// Reading `DashboardSettings` from YAML nodes, with `ConfigFile`'s one-line errors.
struct DashboardSettingsParser {
    let source: String

    func problem(_ node: Node, _ message: String) -> CLIError {
        ConfigFile.problem(source, node, message)
    }

    func theme(_ node: Node) throws -> Theme.Name {
        guard let word = node.scalar?.string, let theme = Theme.Name(rawValue: word) else {
            throw problem(node, "theme must be one of \(Theme.Name.allCases.map(\.rawValue).joined(separator: ", ")); for your own colours add colors:")
        }
        return theme
    }

    func color(_ node: Node, _ what: String) throws -> TextColor {
        guard let word = node.scalar?.string.lowercased(), let color = DashboardSettings.colorNames[word] else {
            throw problem(node, "\(what) must be a colour: \(DashboardSettings.colorNames.keys.sorted().joined(separator: ", "))")
        }
        return color
    }

    func colors(_ node: Node) throws -> [StyleRole: TextColor] {
        guard let mapping = node.mapping else { throw problem(node, "colors must be a mapping of what to colour (a state, header, selection...) to a colour") }
        var colors: [StyleRole: TextColor] = [:]
        for (keyNode, value) in mapping {
            let name = keyNode.string ?? ""
            guard let role = StyleRole(rawValue: name) else {
                throw problem(keyNode, "colors: unknown '\(ConfigFile.visible(name))' (one of \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            colors[role] = try color(value, "colors: \(name)")
        }
        return colors
    }

    func mouse(_ node: Node) throws -> Bool {
        guard let flag = node.bool else { throw problem(node, "mouse must be true or false") }
        return flag
    }

    /// `keys:`: action name → key; each entry checked, then all together for conflicts.
    func keys(_ node: Node) throws -> [KeyRebinding] {
        guard let mapping = node.mapping else { throw problem(node, "keys must be a mapping of action names to keys (see 'dxtop keys')") }
        var rebindings: [KeyRebinding] = []
        var lines: [Node] = []
        for (keyNode, value) in mapping {
            let action = keyNode.string ?? ""
            guard let keyName = value.scalar?.string, value.null == nil else {
                throw problem(value, "keys: \(ConfigFile.visible(action)) must be a key, e.g. j, Space, PgDn")
            }
            do {
                rebindings.append(try KeyRebinding(action: action, keyName: keyName))
            } catch {
                throw problem(keyNode, "keys: " + error.message)
            }
            lines.append(keyNode)
        }
        if let conflict = KeyRebinding.firstConflict(rebindings) {
            throw problem(lines[conflict.index], "keys: \(conflict.message); choose another key, or rebind that action too")
        }
        return rebindings
    }

    /// `views:`: name → filter, columns, sort, default.
    func views(_ node: Node, into settings: inout DashboardSettings) throws {
        guard let mapping = node.mapping else { throw problem(node, "views must be a mapping of view names to filter, columns and sort") }
        for (nameNode, body) in mapping {
            guard let name = nameNode.scalar?.string, !name.isEmpty else { throw problem(nameNode, "a view name must be a non-empty string") }
            let what = "view '\(ConfigFile.visible(name))'"
            guard let fields = body.mapping else { throw problem(body, "\(what) must be a mapping with filter, columns, sort") }
            var view = DashboardSettings.SavedView(name: name, filter: JobQuery(), filterText: "", columns: nil, sort: .newest)
            for (keyNode, value) in fields {
                let key = keyNode.string ?? ""
                switch key {
                case "filter":
                    guard let text = value.scalar?.string else { throw problem(value, "\(what): filter must be text, e.g. state:failed since:2d") }
                    do {
                        view.filter = try JobQuery(parsing: text)
                    } catch {
                        throw problem(value, "\(what): \(error.message)")
                    }
                    view.filterText = text
                case "columns":
                    view.columns = try columns(value, what)
                case "sort":
                    view.sort = try sort(value, what)
                case "default":
                    guard let flag = value.bool else { throw problem(value, "\(what): default must be true or false") }
                    if flag {
                        if let other = settings.defaultView {
                            throw problem(keyNode, "\(what): only one view can be the default ('\(ConfigFile.visible(other))' is already)")
                        }
                        settings.defaultView = name
                    }
                default:
                    throw problem(keyNode, "\(what): unknown key '\(ConfigFile.visible(key))' (a view has filter, columns, sort, default)")
                }
            }
            settings.views.append(view)
        }
        if settings.defaultView == nil { settings.defaultView = settings.views.first?.name }
    }

    /// The dashboard's list columns (`ListColumn`, the column chooser's), each at most once.
    private func columns(_ node: Node, _ what: String) throws -> [ListColumn] {
        let known = ListColumn.allCases.map(\.rawValue).joined(separator: ", ")
        guard let items = node.sequence, !items.isEmpty else { throw problem(node, "\(what): columns must be a list, e.g. [id, state, name] (columns: \(known))") }
        var columns: [ListColumn] = []
        for item in items {
            guard let word = item.scalar?.string, let column = ListColumn(rawValue: word) else {
                throw problem(item, "\(what): unknown column '\(ConfigFile.visible(item.scalar?.string ?? "?"))' (columns: \(known))")
            }
            guard !columns.contains(column) else { throw problem(item, "\(what): column '\(word)' is listed twice") }
            columns.append(column)
        }
        return columns
    }

    private func sort(_ node: Node, _ what: String) throws -> SortOrder {
        guard let word = node.scalar?.string, let order = SortOrder(configWord: word) else {
            throw problem(node, "\(what): unknown sort '\(ConfigFile.visible(node.scalar?.string ?? "?"))' (one of \(SortOrder.configWords.joined(separator: ", ")); a leading - reverses it)")
        }
        return order
    }
}

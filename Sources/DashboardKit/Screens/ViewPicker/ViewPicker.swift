/// `v`: the config file's saved views in a list, each with its filter, columns and sort; Enter
/// switches to the selected one (as its number key does).
public struct ViewPicker: DashboardScreen, Equatable {
    /// The selected view's position in `DashboardOptions.views`.
    public internal(set) var selected: Int

    init(current: Int) { selected = current }

    static let contexts: [KeyContext] = [.viewPicker]
    var keyContext: KeyContext { .viewPicker }

    func draw(_ state: DashboardState, on canvas: Canvas) { ViewPickerView.draw(self, state: state, on: canvas) }
}

extension DashboardState {
    /// The open view picker, if any.
    public var viewPicker: ViewPicker? { topmost(ViewPicker.self) }
}

extension KeyContext {
    static let viewPicker = KeyContext("viewPicker", section: "Saved views (v)", opensHelp: true, notes: [
        "The views are the config file's `views:` (docs/config.md), in its order; the number keys",
        "`1`-`9` switch to them from the list too. The one marked `default: true` opens the dashboard.",
    ])
}

extension ViewPicker {
    static let bindings: [Binding] = [
        Binding([.char("j"), .down], in: [.viewPicker], help: "next view", footer: FooterLabel(label: "move", rank: 0)) { state, _ in
            state.editTop(ViewPicker.self) { picker, state in
                picker.selected = min(picker.selected + 1, state.options.views.count - 1)
                return []
            }
        },
        Binding([.char("k"), .up], in: [.viewPicker], help: "previous view", footer: FooterLabel(label: "move", rank: 0)) { state, _ in
            state.editTop(ViewPicker.self) { picker, _ in
                picker.selected = max(picker.selected - 1, 0)
                return []
            }
        },
        Binding([.enter], in: [.viewPicker], help: "switch to the selected view", footer: FooterLabel(label: "switch", rank: 1)) { state, _ in
            guard let picker = state.viewPicker else { return [] }
            state.pop()
            state.switchToView(picker.selected)
            return []
        },
        Binding((1...9).map { Key.char(Character(String($0))) }, in: [.viewPicker], help: "switch to view 1-9 at once") { state, key in
            guard case .char(let digit) = key, let number = digit.wholeNumberValue, number <= state.options.views.count else { return [] }
            state.pop()
            state.switchToView(number - 1)
            return []
        },
        Binding([.escape, .char("q"), .char("v")], in: [.viewPicker], help: "close, the view unchanged",
                footer: FooterLabel(label: "close", rank: 2)) { state, _ in
            state.pop()
            return []
        },
    ]
}

extension KeyContext {
    static let columnChooser = KeyContext("columnChooser", section: "Column chooser (o)", opensHelp: true, notes: [
        "Every change applies to the list at once and stays for the session; a saved view (`views:`,",
        "a number key or `v`) sets the columns and the sort again. The name takes the room left; when",
        "the list is narrow the other columns give way (the submission time last, then the user).",
    ])
}

extension ColumnChooser {
    static let bindings: [Binding] = [
        Binding([.char("j"), .down], in: [.columnChooser], help: "next column", footer: FooterLabel(label: "move", rank: 0)) { state, _ in
            state.moveColumnCursor(by: 1)
        },
        Binding([.char("k"), .up], in: [.columnChooser], help: "previous column", footer: FooterLabel(label: "move", rank: 0)) { state, _ in
            state.moveColumnCursor(by: -1)
        },
        Binding([.char(" ")], in: [.columnChooser], help: "show or hide the column", footer: FooterLabel(label: "show/hide", rank: 2)) { state, _ in
            state.changeColumns { choice, column in
                choice.toggle(column)
                return "\(column.title) \(choice.shown.contains(column) ? "shown" : "hidden")."
            }
        },
        Binding([.char("K")], in: [.columnChooser], help: "move the column left (up the list)",
                footer: FooterLabel(label: "order", rank: 4)) { state, _ in
            state.changeColumns { choice, column in
                choice.move(column, by: -1)
                return nil
            }
        },
        Binding([.char("J")], in: [.columnChooser], help: "move the column right (down the list)",
                footer: FooterLabel(label: "order", rank: 4)) { state, _ in
            state.changeColumns { choice, column in
                choice.move(column, by: 1)
                return nil
            }
        },
        Binding([.char("+"), .char("=")], in: [.columnChooser], help: "widen the column",
                footer: FooterLabel(label: "width", rank: 5)) { state, _ in
            state.changeColumns { choice, column in Self.resize(&choice, column, by: 1) }
        },
        Binding([.char("-")], in: [.columnChooser], help: "narrow the column", footer: FooterLabel(label: "width", rank: 5)) { state, _ in
            state.changeColumns { choice, column in Self.resize(&choice, column, by: -1) }
        },
        Binding([.char("s")], in: [.columnChooser], help: "sort by the column (again: reverse)",
                footer: FooterLabel(label: "sort by", rank: 3)) { state, _ in
            state.sortByChosenColumn()
        },
        Binding([.char("S")], in: [.columnChooser], help: "reverse the sort") { state, _ in
            state.setSort(state.sort.turned)
            return []
        },
        Binding([.char("d")], in: [.columnChooser], help: "back to the default columns and widths") { state, _ in
            state.changeColumns { choice, _ in
                choice = ColumnChoice()
                return "Default columns."
            }
        },
        Binding([.escape, .enter, .char("q"), .char("o")], in: [.columnChooser], help: "close the chooser",
                footer: FooterLabel(label: "close", rank: 1)) { state, _ in
            state.pop()
            return []
        },
    ]

    private static func resize(_ choice: inout ColumnChoice, _ column: ListColumn, by cells: Int) -> String? {
        guard choice.width(column) != nil else {
            return column == .name ? "NAME takes the room the other columns leave." : "\(column.title) is as wide as its widest value."
        }
        choice.resize(column, by: cells)
        return "\(column.title) \(choice.width(column) ?? 0) cells wide."
    }
}

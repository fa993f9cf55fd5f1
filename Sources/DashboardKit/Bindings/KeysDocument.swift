/// docs/keys.md, written from the binding table (the same sections and words as the help
/// overlay). A test compares the file with this and says how to rewrite it.
public enum KeysDocument {
    public static func markdown() -> String { markdown(BindingTable.all) }

    static func markdown(_ table: [Binding]) -> String {
        var out = [
            "# Dashboard keys",
            "",
            "<!-- Generated from the binding table in Sources/DashboardKit (Bindings, Screens/*); do not edit.",
            "     Rewrite with: DXTOP_WRITE_KEYS=1 swift test --filter KeysDocumentTests -->",
            "",
            "Every key the dashboard answers, by context. The footer shows the keys that work in the current",
            "context, and `?` opens the same list on screen. Keys are case-sensitive (`g` and `G` differ);",
            "letters typed into the filter prompt are text, not commands. A key that cannot act (cancel on a",
            "job that has ended, or in `--read-only` mode) says why in the status line and does nothing else.",
        ]
        for section in HelpView.sections(table) {
            out += ["", "## \(section.title)", "", "| Key | Does |", "|---|---|"]
            for binding in section.bindings {
                let keys = binding.keys.shownNames.map { "`\($0)`" }.joined(separator: ", ")
                out.append("| \(keys) | \(binding.details ?? sentence(binding.help)) |")
            }
            if let note = notes[section.title] { out += [""] + note }
        }
        out += [""] + closing
        return out.joined(separator: "\n") + "\n"
    }

    private static func sentence(_ words: String) -> String {
        (words.first.map { String($0).uppercased() } ?? "") + words.dropFirst() + "."
    }

    /// What docs/keys.md says below the job list's keys.
    static let listNotes = [
        "Older jobs are fetched automatically when the selection comes within a few rows of the end of the",
        "list (one page at a time; it stops once the server returns a page with no job). The status line shows",
        "`loading older…` while a page is on its way, and `all loaded` once the oldest job is in the list.",
        "",
        "The selection follows a job, not a row: new jobs arriving above, a refresh, a new sort or a",
        "filter never move it to another job (if the filter hides the selected job, the job at the same",
        "position is selected). The ID column shows the shortest prefix (at least 8 characters) that tells",
        "the loaded jobs apart; the detail pane and the cancel dialog show the whole id.",
        "",
        "With several servers the list is newest first across all of them (the order of",
        "`jobs list --all-contexts`), and it opens on the newest job of all. Where one server's loaded",
        "history ends while other servers' older jobs are listed below, that row is underlined and marked",
        "`┄`: that server's older jobs are not loaded yet, and moving near the mark loads them.",
    ]

    /// Each section's notes, from its contexts.
    private static var notes: [String: [String]] {
        var notes: [String: [String]] = [:]
        for context in KeyContext.all where !context.notes.isEmpty { notes[context.section] = context.notes }
        return notes
    }

    private static let closing = [
        "## Footer and status line",
        "",
        "The footer lists the keys that work in the current context, most important first (in the list:",
        "move, cancel, refresh, filter, sort, detail, page, first/last); on a narrow screen the ones that do",
        "not fit are left out from the end, while `? help` and `q quit` always stay. A key that cannot act",
        "for the selected job is shown dimmed. An error in the status line (such as a server's refusal of a",
        "cancel) takes the whole row, and when it is longer than one row it continues on the footer row",
        "until the next key.",
        "",
        "## Terminal too small",
        "",
        "Below 60×15 the dashboard shows only a message asking for a larger window. Only `q` and",
        "`Ctrl-C` (quit) work there, so nothing can happen unseen; everything else comes back as it was",
        "when the window is enlarged (an open dialog or prompt included).",
    ]
}

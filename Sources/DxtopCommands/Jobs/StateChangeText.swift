import DisplayText

/// One human line of `jobs watch`: `2026-11-28 10:15:02  <job id>  queued → started  nightly`.
/// The name is clipped only on a terminal; the id never.
enum StateChangeText {
    static func line(_ change: StateChange, format: TimeFormat, clip: Bool = StandardStreams.outputIsTerminal) -> String {
        [
            format.timestamp(change.time),
            TerminalSafe.clean(change.id),
            "\(change.previous.word) → \(change.current.word)",
            clip ? Cell.clean(change.name, width: JobListText.nameWidth) : TerminalSafe.clean(change.name),
        ].joined(separator: "  ")
    }
}

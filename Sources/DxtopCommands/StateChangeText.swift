import DisplayText

/// One human line of `jobs watch`: `2026-11-28 10:15:02  <job id>  queued → started  nightly`.
enum StateChangeText {
    static func line(_ change: StateChange, format: TimeFormat) -> String {
        [
            format.timestamp(change.time),
            Cell.clean(change.id, width: JobListText.idWidth),
            "\(change.previous.word) → \(change.current.word)",
            Cell.clean(change.name, width: JobListText.nameWidth),
        ].joined(separator: "  ")
    }
}

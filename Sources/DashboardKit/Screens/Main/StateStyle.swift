import ICWSWire

/// How job states look: always a word, plus the theme's style for the state.
enum StateStyle {
    static func role(_ state: JobState) -> StyleRole {
        switch state {
        case .submitted: .submitted
        case .queued: .queued
        case .started: .started
        case .finished: .finished
        case .failed: .failed
        case .canceled: .canceled
        case .unknown: .unknown
        }
    }

    static func style(_ state: JobState, bold: Bool = false) -> CellStyle {
        CellStyle(role(state), bold: bold)
    }
}

import ICWSWire

/// How job states look: always a word, plus a colour when colours are on.
enum StateStyle {
    static func color(_ state: JobState) -> TextColor {
        switch state {
        case .submitted: .blue
        case .queued: .cyan
        case .started: .yellow
        case .finished: .green
        case .failed: .red
        case .canceled: .magenta
        case .unknown: .white
        }
    }

    static func style(_ state: JobState, bold: Bool = false) -> CellStyle {
        CellStyle(color: color(state), bold: bold)
    }
}

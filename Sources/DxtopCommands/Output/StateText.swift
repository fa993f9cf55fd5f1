import ICWSWire

extension JobStatus {
    /// The state as human output shows it: the word, or `-` when the server sent no state.
    var stateText: String { state?.word ?? "-" }
}

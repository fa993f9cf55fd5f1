import ICWSWire

/// A server's data dictionary as the dashboard knows it (fetched once per session, when the
/// composer or a resubmit first needs it).
public enum DictionaryEntry: Equatable, Sendable {
    case loading
    case loaded(DataDictionary)
    case failed(Failure)
}

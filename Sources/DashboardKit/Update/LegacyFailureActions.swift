import Foundation
import ICWSWire

/// The failure actions as the effect runner in `DashboardTerminal` still sends them, with the
/// error already in words. The kind is unknown there, so it is taken as `.unavailable`; the
/// runtime that maps `ICWSError` to `Failure` sends the typed cases instead. Remove these with
/// that runner.
extension Action {
    public static func pageFailed(olderThan: String?, message: String, at: Date) -> Action {
        .pageFailed(olderThan: olderThan, failure: Failure(.unavailable, message), at: at)
    }

    public static func configFailed(id: String, message: String) -> Action {
        .configFailed(id: id, failure: Failure(.unavailable, message))
    }

    public static func cancelFailed(id: String, message: String) -> Action {
        .cancelFailed(id: id, failure: Failure(.unavailable, message))
    }
}

import ICWSClient

/// Exit statuses of the API core's errors: 3 for a refused login, 4 for a refused operation,
/// 1 for everything else.
enum ICWSErrorStatus {
    static func status(for error: ICWSError) -> ExitStatus {
        switch error {
        case .authenticationFailed: .authentication
        case .permissionDenied: .permissionDenied
        default: .failure
        }
    }
}

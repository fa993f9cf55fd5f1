import Foundation
import ICWSWire

/// The one place failures become words.
enum FailureText {
    /// The server's message when it sent one, else what the kind means.
    static func describe(_ failure: Failure) -> String {
        let message = failure.message.trimmingCharacters(in: .whitespacesAndNewlines)
        return message.isEmpty ? word(failure.kind) : failure.message
    }

    static func word(_ kind: FailureKind) -> String {
        switch kind {
        case .authentication: "the server did not accept the login"
        case .permission: "permission denied"
        case .notFound: "no such job"
        case .alreadyEnded: "the job has already ended"
        case .badRequest: "the server refused the request"
        case .timeout: "the server did not answer in time"
        case .unavailable: "the server cannot be reached"
        case .undecodable: "the server's answer could not be read"
        case .featureMissing: "the server lacks a feature this needs"
        case .invalidArgument: "the request cannot be right"
        }
    }

    /// The status line's sentence for a failed request.
    static func sentence(_ request: FailedRequest, _ failure: Failure) -> String {
        switch request {
        case .newestPage(let server): (server.map { "\($0): " } ?? "") + "Could not load jobs: \(describe(failure))"
        case .olderPage(let server): (server.map { "\($0): " } ?? "") + "Could not load older jobs: \(describe(failure))"
        case .cancel(let key) where failure.kind == .alreadyEnded: "Job \(key.id) had already ended; it cannot be canceled."
        // Offline is not a refusal: the cancel never left, or its answer never came.
        case .cancel(let key) where failure.kind == .unavailable: "Cancel of job \(key.id) not sent: \(describe(failure))"
        case .cancel(let key) where failure.kind == .timeout:
            "Cancel of job \(key.id) got no answer; it may not have reached the server: \(describe(failure))"
        case .cancel(let key): "Cancel of job \(key.id) refused: \(describe(failure))"
        case .submit: "The server refused the job: \(describe(failure))"
        }
    }

    /// A status message's text.
    static func text(_ message: StatusMessage) -> String {
        switch message {
        case .info(let text): text
        case .failed(let request, let failure): sentence(request, failure)
        case .warnings(let count, let first, let server):
            (server.map { "\($0): " } ?? "") + (count == 1 ? "1 warning" : "\(count) warnings") + " reading the job list: \(first)"
        }
    }
}

import ICWSWire

/// One line of feedback in the status line; replaced by the next, cleared by the next key.
/// Failures are kept as failures (views put them into words), so a later success can clear
/// exactly the failure it ends.
public enum StatusMessage: Equatable, Sendable {
    case info(String)
    case failed(FailedRequest, Failure)
    /// A page decoded leniently: `count` warnings, the first of them, and whose (several servers only).
    case warnings(count: Int, first: String, server: String?)

    public var isError: Bool {
        if case .failed = self { return true }
        return false
    }
}

/// The request a failure in the status line belongs to.
public enum FailedRequest: Equatable, Sendable {
    /// `server`: whose page, when the dashboard follows several (the status line names it).
    case newestPage(server: String? = nil)
    case olderPage(server: String? = nil)
    case cancel(jobId: JobKey)
    /// A job sent by a screen that has closed since.
    case submit

    /// A page request of any server.
    var isPage: Bool {
        switch self {
        case .newestPage, .olderPage: true
        case .cancel, .submit: false
        }
    }

    /// A page request of `server` (nil: the only one): a later page of that server ends its failure.
    func isPage(of server: String?) -> Bool {
        switch self {
        case .newestPage(let failed), .olderPage(let failed): failed == server
        case .cancel, .submit: false
        }
    }
}

import AsyncHTTPClient
import Foundation
import ICWSWire

extension ICWSSession {
    /// GET data-extractor/jobs: the `count` most recent jobs, or the `count` jobs before `fromJobId`.
    /// Jobs that do not decode are left out (logged); `jobPage` says which.
    public func listJobs(count: Int = ICWSProtocol.defaultJobCount, fromJobId: String? = nil,
                         mode: JobsResponseMode = .status) async throws -> [Job] {
        try await jobPage(count: count, fromJobId: fromJobId, mode: mode).jobs
    }

    /// `listJobs` with the warnings of the page: the good jobs are kept, one malformed job (no id)
    /// is skipped and a malformed field dropped, each with a warning (also logged).
    public func jobPage(count: Int = ICWSProtocol.defaultJobCount, fromJobId: String? = nil,
                        mode: JobsResponseMode = .status) async throws -> JobPage {
        var query = [("jobCount", String(count)), ("jobsResponseMode", mode.rawValue)]
        if let fromJobId { query.append(("fromJobId", fromJobId)) }
        let answer = try await sessionCall(.GET, ICWSPath.jobs, query: query)
        let decoded = try answer.decodeJobList(request: "GET data-extractor/jobs")
        for warning in decoded.warnings { logger.warning("GET data-extractor/jobs: \(warning)") }
        return JobPage(jobs: decoded.value.jobList, warnings: decoded.warnings)
    }

    /// GET data-extractor/jobs/{id}. An empty id is refused before any request
    /// (`.invalidArgument`); an answer with neither `jobStatus` nor `jobConfig` is `.undecodable`.
    public func job(id: String, mode: JobsResponseMode = .all) async throws -> Job {
        try Self.requireJobId(id)
        let answer = try await sessionCall(.GET, { ICWSPath.job($0, id) }, query: [("jobsResponseMode", mode.rawValue)])
        return try Self.decodeJob(answer, id: id)
    }

    /// DELETE data-extractor/jobs/{id}: asks the server to cancel the job (any 2xx is success).
    /// An empty id is refused before any request.
    public func cancelJob(id: String) async throws {
        try Self.requireJobId(id)
        _ = try await sessionCall(.DELETE, { ICWSPath.job($0, id) })
    }

    /// POST data-extractor/jobs; returns the new job's id (201 `{"id": ...}`).
    public func submitJob(_ config: JobConfig) async throws -> String {
        let answer = try await sessionCall(.POST, ICWSPath.jobs, body: try Self.encode(config))
        return try answer.decode(JobCreated.self, request: "POST data-extractor/jobs").id
    }

    /// PUT the jobs-statuses subscription (replaces the watched set). The ids are remembered and
    /// PUT again after every re-login. The server answers with a full (non-delta) status message.
    public func subscribeJobStatuses(jobIds: [String]) async throws {
        subscribedJobIds = jobIds
        lastSubscriptionPut = configuration.clock.instant
        do {
            _ = try await sessionCall(.PUT, ICWSPath.jobStatusSubscription, body: try Self.encode(JobStatusSubscription(jobIds: jobIds)))
            if subscribedJobIds == jobIds { subscriptionFailed = false }
        } catch {
            if subscribedJobIds == jobIds { subscriptionFailed = true }
            throw error
        }
    }

    /// DELETE the jobs-statuses subscription.
    public func unsubscribeJobStatuses() async throws {
        subscribedJobIds = []
        subscriptionFailed = false
        lastSubscriptionPut = configuration.clock.instant
        _ = try await sessionCall(.DELETE, ICWSPath.jobStatusSubscription)
    }

    /// GET messaging/messages once (short polling). Messages that do not decode are logged and skipped.
    public func pollMessages() async throws -> [ICWSMessage] {
        let answer = try await sessionCall(.GET, ICWSPath.messages)
        if let contentType = answer.headers.first(name: "Content-Type"), !ICWSProtocol.isJSON(contentType: contentType) {
            throw ICWSError.undecodable("GET messaging/messages: expected JSON, got content type '\(contentType.prefix(60))'")
        }
        let decoded = MessageDecoding.decode(answer.body)
        for problem in decoded.problems { logger.warning("skipped a message: \(problem)") }
        if let fatal = decoded.unreadable { throw ICWSError.undecodable("GET messaging/messages: \(fatal)") }
        return decoded.messages
    }

    /// An empty id would address the job list instead of a job.
    static func requireJobId(_ id: String) throws {
        guard !id.isEmpty else { throw ICWSError.invalidArgument("a job id is required (it is empty)") }
    }

    /// The job of a GET jobs/{id} answer; an empty `{}` says nothing about the job.
    static func decodeJob(_ answer: HTTPAnswer, id: String) throws -> Job {
        let request = "GET data-extractor/jobs/\(id)"
        let job = try answer.decode(Job.self, request: request)
        guard job.jobStatus != nil || job.jobConfig != nil else {
            throw ICWSError.undecodable("\(request): no job in the answer (neither jobStatus nor jobConfig)")
        }
        return job
    }

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        do {
            return try ICWSJSON.encode(value)
        } catch {
            throw ICWSError.undecodable("the request body could not be encoded: \(ICWSJSON.describe(error))")
        }
    }
}

extension ICWSSession {
    /// GET messaging/messages as `text/event-stream`; the deadline covers only the answer's head.
    func openMessageStream() async throws -> HTTPClientResponse {
        try await openSessionStream(ICWSPath.messages, accept: ICWSProtocol.eventStreamType)
    }
}

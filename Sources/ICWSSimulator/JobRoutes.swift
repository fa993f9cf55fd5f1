import Foundation
import Hummingbird
import ICWSWire

/// `/icws/{sessionId}/data-extractor/jobs[/{jobId}]`.
struct JobRoutes: Sendable {
    let core: SimulatorCore
    let gate: SessionGate
    let traffic: TrafficCounter

    /// Largest `jobCount` accepted.
    static let maximumJobCount = 1000

    func register(on router: Router<SimulatorRequestContext>) {
        let jobs = "/icws/:sessionId/data-extractor/jobs"
        router.get(RouterPath(jobs)) { request, context in
            await gate.handle(request, context: context) { await list($0.request) }
        }
        router.post(RouterPath(jobs)) { request, context in
            await gate.handle(request, context: context) { await submit($0) }
        }
        router.get(RouterPath(jobs + "/:jobId")) { request, context in
            let jobId = context.parameters.get("jobId") ?? ""
            return await gate.handle(request, context: context) { await job(jobId, $0.request) }
        }
        router.delete(RouterPath(jobs + "/:jobId")) { request, context in
            let jobId = context.parameters.get("jobId") ?? ""
            return await gate.handle(request, context: context) { await cancel(jobId, $0.session) }
        }
    }

    private func list(_ request: Request) async -> Response {
        var count = ICWSProtocol.defaultJobCount
        if let text = request.query("jobCount") {
            guard let n = Int(text), (1...Self.maximumJobCount).contains(n) else {
                return ICWSResponse.invalidProperty("jobCount", "jobCount must be a whole number from 1 to \(Self.maximumJobCount).")
            }
            count = n
        }
        // A server that caps lists without saying so (profile `capped-job-count`).
        if let cap = core.configuration.profile.jobCountCap { count = min(count, cap) }
        let fromJobId = request.query("fromJobId")
        if let fromJobId, UUID(uuidString: fromJobId) == nil {
            return ICWSResponse.invalidProperty("fromJobId", "fromJobId must be a job id.")
        }
        guard let mode = Self.mode(request, default: .status) else { return Self.badMode }
        if await gate.faults.consumeJobListFailure() {
            return ICWSResponse.error(.internalServerError, errorId: "error.server.internal",
                                      message: "The server encountered an internal error (injected fault).")
        }
        let entries = await core.entries(fromJobId: fromJobId, count: count, mode: mode)
        if entries.count < count { traffic.countListReachingOldest() }
        return ICWSResponse.raw(Self.jobList(entries))
    }

    /// A job list of entries already encoded: what encoding the `JobList` gives, byte for byte.
    static func jobList(_ entries: [Data]) -> Data {
        var body = Data()
        body.reserveCapacity(entries.reduce(16) { $0 + $1.count + 1 })
        body.append(contentsOf: #"{"jobList":["#.utf8)
        for (index, entry) in entries.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(entry)
        }
        body.append(contentsOf: "]}".utf8)
        return body
    }

    private func job(_ jobId: String, _ request: Request) async -> Response {
        guard let mode = Self.mode(request, default: .all) else { return Self.badMode }
        guard let record = await core.record(jobId) else { return Self.notFound(jobId) }
        return ICWSResponse.json(Self.job(record, mode: mode))
    }

    private func submit(_ call: SessionRequest) async -> Response {
        let config: JobConfig
        switch await call.request.decodeBody(JobConfig.self) {
        case .success(let decoded): config = decoded
        case .failure(let error): return error.response
        }
        if let invalid = JobValidation.problem(in: config) { return invalid }
        let id = await core.submit(config, by: call.session.user.userID)
        return ICWSResponse.json(JobCreated(id: id), status: .created)
    }

    private func cancel(_ jobId: String, _ session: SimulatorSession) async -> Response {
        switch await core.cancel(jobId: jobId, by: session.user.userID) {
        case .success:
            return ICWSResponse.noContent()
        case .failure(.notFound(let id)):
            return Self.notFound(id)
        case .failure(.alreadyEnded(let id, let state)):
            return ICWSResponse.error(.badRequest, errorId: "error.request.dataExtractor.jobAlreadyEnded",
                                      message: "Job \(id) has already \(Self.endedWords(state)) and cannot be canceled.")
        case .failure(.forbidden):
            return ICWSResponse.error(.forbidden, errorId: "error.request.accessDenied",
                                      message: "You do not have the right to cancel jobs submitted by other users.")
        }
    }

    static func job(_ record: JobRecord, mode: JobsResponseMode) -> Job {
        Job(jobStatus: mode == .configuration ? nil : record.status,
            jobConfig: mode == .status ? nil : record.config)
    }

    static func mode(_ request: Request, default fallback: JobsResponseMode) -> JobsResponseMode? {
        guard let text = request.query("jobsResponseMode") else { return fallback }
        return JobsResponseMode(rawValue: text)
    }

    static let badMode = ICWSResponse.invalidProperty(
        "jobsResponseMode", "jobsResponseMode must be status, configuration or all.")

    static func notFound(_ jobId: String) -> Response {
        ICWSResponse.error(.notFound, errorId: "error.request.dataExtractor.jobNotFound",
                           message: "Job \(jobId) was not found.")
    }

    static func endedWords(_ state: JobState) -> String {
        switch state {
        case .failed: "failed"
        case .canceled: "been canceled"
        default: "finished"
        }
    }
}

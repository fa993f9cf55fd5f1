import Foundation
import ICWSSimulator
import ICWSWire

/// The answers of the fault matrix, made from the simulator's own jobs so that the good ones parse.
enum FaultBodies {
    /// A job list as the simulator would send it: its newest `count` jobs.
    static func jobList(_ simulator: ICWSSimulator, count: Int = 30) async throws -> Data {
        let statuses = await simulator.allJobStatuses().prefix(count)
        return try ICWSJSON.encode(JobList(statuses.map { Job(jobStatus: $0) }))
    }

    static let html502 = FaultAnswer(status: 502, contentType: "text/html",
                                     body: Data("<html><body><h1>502 Bad Gateway</h1>nginx</body></html>".utf8))

    /// A good list followed by `megabytes` MB of spaces (still valid JSON).
    static func padded(_ list: Data, megabytes: Int) -> FaultAnswer {
        FaultAnswer(status: 200, contentType: ICWSProtocol.mediaType, body: list + Data(repeating: 0x20, count: megabytes * 1_000_000))
    }

    static func truncated(_ list: Data) -> FaultAnswer {
        FaultAnswer(status: 200, contentType: ICWSProtocol.mediaType, body: list.prefix(list.count / 2))
    }

    static func wrongContentType(_ list: Data) -> FaultAnswer {
        FaultAnswer(status: 200, contentType: "text/plain", body: list)
    }

    /// The list with one byte that is not UTF-8 (0xFF) at the start of the first job's name.
    static func invalidUTF8(_ list: Data) -> FaultAnswer {
        var body = list
        if let range = body.range(of: Data(#""name":""#.utf8)) { body.insert(0xFF, at: range.upperBound) }
        return FaultAnswer(status: 200, contentType: ICWSProtocol.mediaType, body: body)
    }

    /// The list, one byte every 100 ms: far slower than the client's deadline.
    static func slowLoris(_ list: Data) -> FaultAnswer {
        FaultAnswer(status: 200, contentType: ICWSProtocol.mediaType, body: list, trickle: (bytes: 1, pause: .milliseconds(100)))
    }
}

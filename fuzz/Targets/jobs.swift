import Foundation
import ICWSWire

/// `jobs` (`{"jobList":[…]}`), `job`, `jobConfig` and `jobStatus` bodies: decoding never traps, a
/// decoded job always has its id, warnings stay bounded and the result re-encodes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJobs(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(fuzzData(start, count))
    if let (list, warnings) = try? ICWSJSON.decodeReportingWarnings(JobList.self, from: data) {
        require(warnings.count <= DecodingWarnings.limit, "\(warnings.count) warnings")
        for job in list.jobList {
            require(job.jobStatus == nil || job.id != nil, "a status without an id")
        }
        require((try? ICWSJSON.encode(list)) != nil, "a decoded list does not encode")
    }
    if let job = try? ICWSJSON.decode(Job.self, from: data) {
        require((try? ICWSJSON.encode(job)) != nil, "a decoded job does not encode")
    }
    _ = try? ICWSJSON.decode(JobStatus.self, from: data)
    _ = try? ICWSJSON.decode(JobConfig.self, from: data)
    return 0
}

import Foundation
import ICWSWire

/// Differential: for any bytes, a page the fast decoder (`JobPageDecoder`) reads is exactly the
/// Codable path's page, and the Codable path gives no warning for it. Declining is always allowed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJobPage(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(fuzzData(start, count))
    guard let fast = JobPageDecoder.jobList(from: data) else { return 0 }
    do {
        let codable = try ICWSJSON.decodeReportingWarnings(JobList.self, from: data)
        require(codable.warnings.isEmpty, "the fast path read a page the Codable path warns about: \(codable.warnings)")
        require(codable.value == fast, "the fast path's page differs from the Codable path's")
    } catch {
        require(false, "the fast path read a page the Codable path refuses: \(ICWSJSON.describe(error))")
    }
    return 0
}

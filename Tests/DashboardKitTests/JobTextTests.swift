import Foundation
import ICWSWire
import Testing
@testable import DashboardKit

/// The job store keeps a string that repeats across jobs once, and an output folder holding the
/// job's id as the parts around it: a realistic history of 100,000 jobs repeats a few hundred
/// names and folders, and kept them 100,000 times (12.7 MB).
@Suite("Strings the job store keeps")
struct JobTextTests {
    static func job(_ n: Int, name: String) -> JobStatus {
        var job = Fixture.job(n, .finished)
        job.id = "5c3e\(n)-8db8-4c3e-8661-7f18a7537a6e"
        job.name = name
        job.submittedUserId = "admin"
        job.outputFolder = "D:\\DataExtractor\\Output\\\(name)_\(job.id)"
        job.errorInfo = n % 10 == 0 ? "Error: the export folder is full" : nil
        return job
    }

    @Test func repeatedNamesAndFoldersAreKeptOnce() {
        var store = JobStore()
        let jobs = (0..<10_000).map { Self.job($0, name: "Interaction summary daily site \($0 % 20)") }
        for job in jobs { _ = store.put(job, key: JobKey(context: .first, id: job.id)) }
        for job in jobs { #expect(store[JobKey(context: .first, id: job.id)] == job) }
        #expect(store.textBytes < 20 * 100, "\(store.textBytes) bytes for 20 names and their folders")
    }

    /// Past the strings kept once, distinct strings are appended, and the dead ones packed away.
    @Test func distinctStringsBeyondTheSharedOnesArePackedAgain() {
        var store = JobStore()
        var expected: [JobKey: JobStatus] = [:]
        for step in 0..<20_000 {
            let job = Self.job(step % 60, name: "nightly run \(step)")
            let key = JobKey(context: .first, id: job.id)
            _ = store.put(job, key: key)
            expected[key] = job
        }
        for (key, job) in expected { #expect(store[key] == job) }
        #expect(store.textBytes < 300_000, "\(store.textBytes) bytes: dead strings are packed away")
    }
}

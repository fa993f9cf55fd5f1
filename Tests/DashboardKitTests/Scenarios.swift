import Foundation
import ICWSWire
@testable import DashboardKit

/// States drawn by the snapshot tests.
enum Scenario {
    /// 30 jobs, the first page; job 1042 ("nightly") is failed with a configuration loaded.
    static func jobs() -> [JobStatus] {
        var jobs = Fixture.page(from: 1071, count: 30)
        var nightly = Fixture.job(1042, .started, minute: 2, name: "nightly-calls", user: "jdoe")
        nightly.startedTime = Fixture.at(3)
        nightly.queuedTime = Fixture.at(2.05)
        nightly.stateChangedTime = Fixture.at(3)
        jobs[29] = nightly
        jobs[0].name = "adhoc agent activity for the quarterly service-level review"
        jobs[1].submittedUserId = "asmith"
        return jobs
    }

    /// The list with the first job selected and its configuration loaded.
    static func list(width: Int, height: Int, readOnly: Bool = false) -> DashboardState {
        var state = Fixture.state(jobs: jobs(), width: width, height: height, readOnly: readOnly)
        Fixture.send(&state, .configLoaded(id: "1071", config: Fixture.config))
        return state
    }

    /// Job 1042 selected (running, configuration with tables, views, a time window and sites).
    static func detail(width: Int, height: Int, focus: Bool = true) -> DashboardState {
        var state = list(width: width, height: height)
        Fixture.press(&state, .char("G"))
        var config = Fixture.config
        config.siteIdFilters = [SiteIdFilter(name: "1"), SiteIdFilter(name: "3")]
        Fixture.send(&state, .configLoaded(id: "1042", config: config))
        if focus { Fixture.press(&state, .tab) }
        return state
    }

    /// A failed job with its error, configuration still loading.
    static func failed(width: Int, height: Int) -> DashboardState {
        var state = list(width: width, height: height)
        Fixture.press(&state, .char("j"), .char("j"), .char("j"))
        return state
    }

    /// Strings a hostile or broken server could send.
    static func hostile(width: Int, height: Int) -> DashboardState {
        let jobs = [
            JobStatus(id: "2005", name: "evil\u{1B}[2J\u{1B}]0;pwned\u{07}name", submittedUserId: "mallory\u{9B}31m",
                      state: .started, submitTime: Fixture.at(20), startedTime: Fixture.at(21)),
            JobStatus(id: "2004", name: "line1\r\nline2\tend", submittedUserId: "eve",
                      state: .failed, submitTime: Fixture.at(19), startedTime: Fixture.at(19.5), failedTime: Fixture.at(22),
                      errorInfo: "bad\u{1B}[31m red \u{202E}txet desrever\u{202C} and \u{2066}isolate\u{2069}\r\nsecond line"),
            JobStatus(id: "2003", name: "夜間抽出ジョブ", submittedUserId: "山田", state: .finished,
                      submitTime: Fixture.at(18), startedTime: Fixture.at(18.5), finishedTime: Fixture.at(20)),
            JobStatus(id: "2002", name: "통화 상세 추출", submittedUserId: "kim", state: .queued, submitTime: Fixture.at(17)),
            JobStatus(id: "2001", name: "del\u{7F}ete\u{85}next", submittedUserId: "x\u{0}y", state: .canceled,
                      submitTime: Fixture.at(16), canceledTime: Fixture.at(17), cancelUserId: "ad\u{1B}min"),
        ]
        var state = Fixture.state(jobs: jobs, width: width, height: height)
        Fixture.send(&state, .sessionStarted(user: SessionUser(id: "j\u{1B}[1mdoe"), server: "cic\u{202E}01"))
        Fixture.press(&state, .char("j"))
        let config = JobConfig(name: "x", submittedUserId: "eve",
                               tables: [DataSetConfig(name: "T\u{1B}[5mable", column: [ColumnRef(name: "列一"), ColumnRef(name: "c\u{0D}ol")])],
                               siteIdFilters: ["s\u{9B}ite"])
        Fixture.send(&state, .configLoaded(id: "2004", config: config))
        Fixture.send(&state, .cancelFailed(id: "2004", failure: Failure(.permission, "denied\u{1B}[31m\u{07}\r\n")))
        return state
    }
}

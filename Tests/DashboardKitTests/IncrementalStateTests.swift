import Foundation
import Testing
import ICWSWire
@testable import DashboardKit

/// The incremental structures (load order, visible rows and their positions, filter text,
/// narrowing, state counts, id prefixes) against a rebuild from scratch — `brokenInvariants`
/// compares them — over seeded random sequences of pages, statuses, filters and sorts.
// Serialized, and yielding between steps: each seed is a second or more of synchronous work; all
// seeds side by side, or one seed without yielding, held both cooperative threads of a 2-core test
// run, and the other tests' servers and pilots stopped answering.
@Suite("Incremental state", .serialized)
struct IncrementalStateTests {
    @Test(arguments: 0..<12) func randomPageSequencesEqualARebuild(seed: UInt64) async {
        var random = SplitMix(seed: seed)
        var state = DashboardState(options: Fixture.options(pageSize: 20), width: 120, height: 30)
        var newest = 5000, oldest = 5000
        for step in 0..<120 {
            // Each step is milliseconds of synchronous work: give the cooperative threads back to
            // the other tests (servers, pilots) between steps, as a 2-core run has only two.
            await Task.yield()
            switch random.below(10) {
            case 0, 1, 2:
                // An older page below the oldest, sometimes overlapping the loaded ones.
                let from = oldest - 1 + random.below(3)
                let page = Fixture.page(from: from, count: 1 + random.below(25))
                oldest = min(oldest, from - page.count + 1)
                _ = update(&state, .pageLoaded(jobs: page, olderThan: state.loadOrder.last?.id ?? "x", requested: 50, at: Fixture.at(30)))
            case 3, 4:
                // A newest page: some new jobs on top of known ones, now and then new ones between known ones.
                let added = random.below(6)
                var page = Fixture.page(from: newest + added, count: added + 1 + random.below(5))
                if random.below(4) == 0, page.count > 3 { page.insert(Fixture.job(900_000 + step, .queued), at: page.count - 1) }
                newest += added
                _ = update(&state, .pageLoaded(jobs: page, olderThan: nil, requested: 50, at: Fixture.at(31)))
            case 5, 6:
                // Status changes of known jobs (renames and new states) and a new job.
                var statuses: [JobStatus] = []
                for _ in 0..<(1 + random.below(4)) {
                    let id = oldest + random.below(max(1, newest - oldest + 1))
                    let states: [JobState] = [.queued, .started, .finished, .failed]
                    var job = Fixture.job(id, states[random.below(states.count)])
                    if random.below(3) == 0 { job.name = ["alpha", "beta", "alphabet", "Gamma"][random.below(4)] }
                    statuses.append(job)
                }
                if random.below(3) == 0 {
                    newest += 1
                    statuses.append(Fixture.job(newest, .submitted))
                }
                _ = update(&state, .statusesReceived(statuses, at: Fixture.at(32 + Double(step) / 100)))
            case 7:
                // Type into the filter, or take a character back.
                let text = state.filter.text
                let next = random.below(3) == 0 && !text.isEmpty ? String(text.dropLast())
                    : text.count > 4 ? "" : text + ["a", "l", "5", "1", "-", "p"][random.below(6)]
                _ = update(&state, .key(.char("/")))
                for key in Self.keys(from: text, to: next) { _ = update(&state, .key(key)) }
                _ = update(&state, .key(.enter))
            case 8:
                _ = update(&state, .key(.char("s")))
            default:
                _ = update(&state, .key([.char("j"), .char("k"), .pageDown, .home][random.below(4)]))
            }
            #expect(state.brokenInvariants.isEmpty, "seed \(seed) step \(step): \(state.brokenInvariants)")
            if !state.brokenInvariants.isEmpty { return }
        }
    }

    /// The keys that edit the filter prompt from `old` to `new` (backspaces, then characters).
    private static func keys(from old: String, to new: String) -> [Key] {
        let common = zip(old, new).prefix { $0 == $1 }.count
        return Array(repeating: Key.backspace, count: old.count - common) + new.dropFirst(common).map { .char($0) }
    }

    @Test func typingNarrowsAndBackspaceReturnsToTheWiderResult() {
        var jobs = Fixture.page(from: 1100, count: 100)
        for index in jobs.indices { jobs[index].name = ["alpha", "alphabet", "beta"][index % 3] }
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("/"), .char("a"), .char("l"))
        let wide = state.visibleIds
        Fixture.press(&state, .char("p"), .char("h"), .char("a"), .char("b"))
        #expect(state.visibleIds.count == 33)
        #expect(state.index.widerMatches.map(\.needle) == ["", "a", "al", "alp", "alph", "alpha"])
        Fixture.press(&state, .backspace, .backspace, .backspace, .backspace)
        #expect(state.visibleIds == wide)
        #expect(state.index.widerMatches.map(\.needle) == ["", "a"], "each character taken back returns to its kept result")
        #expect(state.brokenInvariants.isEmpty)
    }

    @Test func olderPagesAreAppendedWithoutARebuild() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50))
        let rowsBefore = state.rows.slots
        Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1050, count: 50), olderThan: "1051", requested: 50, at: Fixture.at(29)))
        #expect(Array(state.rows.slots.prefix(50)) == rowsBefore)
        #expect(state.rows.position(of: state.jobs.slot(of: "1001")!) == 99)
        Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1102, count: 4), olderThan: nil, requested: 50, at: Fixture.at(30)))
        #expect(Array(state.visibleIds.prefix(3)) == ["1102", "1101", "1100"])
        #expect(state.rows.position(of: state.jobs.slot(of: "1001")!) == 101, "rows below the new ones are found by the shifted base")
        #expect(state.brokenInvariants.isEmpty)
    }

    @Test func stateCountsFollowChanges() {
        var state = Fixture.state(jobs: [Fixture.job(1002, .queued), Fixture.job(1001, .queued)])
        Fixture.send(&state, .statusesReceived([Fixture.job(1002, .started), Fixture.job(1003, .submitted)], at: Fixture.at(30)))
        #expect(state.stateCounts == [.queued: 1, .started: 1, .submitted: 1])
    }
}

@Suite("Filter text buffer")
struct SearchTextTests {
    @Test func renamesAndCompactionKeepEveryText() {
        var text = SearchText()
        var expected: [String] = []
        var random = SplitMix(seed: 7)
        for slot in 0..<50 {
            expected.append("job-\(slot)-\(random.below(1000))")
            text.set(JobStore.Slot(slot), expected[slot])
        }
        for _ in 0..<500 {
            let slot = random.below(50)
            expected[slot] = String(repeating: "x", count: random.below(4)) + "renamed-\(random.below(100_000))"
            text.set(JobStore.Slot(slot), expected[slot])
        }
        let all = (0..<50).map(JobStore.Slot.init)
        for needle in ["renamed-1", "x", "job-", "xx", "-9", "zzz"] {
            let want = all.filter { expected[Int($0)].contains(needle) }
            #expect(text.matching(needle, among: all) == want, "needle \(needle)")
        }
    }
}

extension SearchTextTests {
    /// The scan of the whole buffer (many slots asked about) and the look at each text (few) give
    /// the same answer as `String.contains`, across the ends of texts and through renamed
    /// (dead) texts.
    @Test func bothSearchesFindOnlyMatchesInsideOneLiveText() {
        var text = SearchText()
        var expected: [String] = []
        let words = ["ab", "cd", "abc", "bca", "dab", "a", "", "cab", "bb"]
        var random = SplitMix(seed: 11)
        for slot in 0..<40 {
            expected.append(words[random.below(words.count)] + words[random.below(words.count)])
            text.set(JobStore.Slot(slot), expected[slot])
        }
        for _ in 0..<30 {
            let slot = random.below(40)
            expected[slot] = words[random.below(words.count)]
            text.set(JobStore.Slot(slot), expected[slot])
        }
        let all = (0..<40).map(JobStore.Slot.init)
        let few = all.filter { $0 % 7 == 0 }
        for needle in ["bc", "ca", "da", "ab", "b", "abca", "cdab", "bb", "d"] {
            #expect(text.matching(needle, among: all) == all.filter { expected[Int($0)].contains(needle) }, "all, \(needle)")
            #expect(text.matching(needle, among: few) == few.filter { expected[Int($0)].contains(needle) }, "few, \(needle)")
            for slot in few { #expect(text.matches(slot, needle) == expected[Int(slot)].contains(needle)) }
        }
    }
}

extension SearchTextTests {
    /// Names kept once (and, past `sharedNames`, in each job's own text) match as the job's whole
    /// text would: in both searches and one by one, through renames between the two kinds.
    @Test func namesKeptOnceMatchAsTheWholeText() {
        var text = SearchText()
        var expected: [String] = []
        var random = SplitMix(seed: 5)
        let count = SearchText.sharedNames + 300
        func fields(_ slot: Int) -> (name: String, id: String, user: String) {
            // Few names at first (shared), then one each (past the bound: kept in the job's text).
            let name = slot < 200 ? "Daily \(slot % 7) Agent" : "Job \(slot) Queue"
            return (name, "ID-\(slot)", slot.isMultiple(of: 3) ? "Admin" : "ops")
        }
        for slot in 0..<count {
            let (name, id, user) = fields(slot)
            text.set(JobStore.Slot(slot), name: name, id: id, user: user, context: slot.isMultiple(of: 5) ? "East" : nil)
            expected.append(SearchText.text(name: name, id: id, user: user, context: slot.isMultiple(of: 5) ? "East" : nil))
        }
        for _ in 0..<100 {
            let slot = random.below(count), other = random.below(count)
            let name = fields(other).name
            text.set(JobStore.Slot(slot), name: name, id: "ID-\(slot)", user: "ops", context: nil)
            expected[slot] = SearchText.text(name: name, id: "ID-\(slot)", user: "ops", context: nil)
        }
        let all = (0..<count).map(JobStore.Slot.init)
        let few = all.filter { $0 % 97 == 0 }
        for needle in ["daily 3", "agent", "job 42", "queue", "id-4", "admin", "east", "y 1 a", "zz"] {
            #expect(text.matching(needle, among: all) == all.filter { expected[Int($0)].contains(needle) }, "all, \(needle)")
            #expect(text.matching(needle, among: few) == few.filter { expected[Int($0)].contains(needle) }, "few, \(needle)")
            for slot in few { #expect(text.matches(slot, needle) == expected[Int(slot)].contains(needle), "\(slot), \(needle)") }
        }
    }
}

extension SearchTextTests {
    /// Texts stored in slot order keep no length or region of their own; a renamed job's text,
    /// appended out of order, makes the buffer keep them until it is packed again.
    @Test func lengthsAndRegionsAreKeptOnlyOutOfOrder() {
        var text = SearchText()
        for slot in 0..<100 { text.set(JobStore.Slot(slot), "job-\(slot)") }
        #expect(text.inSlotOrder)
        text.set(JobStore.Slot(3), "renamed-3")
        #expect(!text.inSlotOrder)
        var renames = 0
        while !text.inSlotOrder, renames < 100 {
            renames += 1
            text.set(JobStore.Slot(5), String(repeating: "x", count: 40 + renames % 2))
        }
        #expect(text.inSlotOrder, "packed again once the dead texts outgrew the live ones")
        #expect(renames > 5)
        let all = (0..<100).map(JobStore.Slot.init)
        #expect(text.matching("renamed", among: all) == [3])
        #expect(text.matching("job-9", among: all) == [9] + (90..<100).map(JobStore.Slot.init))
        #expect(text.matching("xxxx", among: all) == [5])
    }
}

@Suite("Id prefixes against every pair")
struct IdPrefixRebuildTests {
    @Test(arguments: 0..<5) func theLengthIsOneMoreThanTheLongestSharedPrefix(seed: UInt64) {
        var random = SplitMix(seed: seed)
        var prefixes = OwnIdPrefixes()
        var ids = Set<String>()
        var longest = 0
        let digits = Array("0123")
        for _ in 0..<300 {
            // Half the ids start with part of a known one, often just longer than the longest shared
            // prefix so far, so the length grows again and again (and some ids repeat).
            var id = String((0..<30).map { _ in digits[random.below(4)] })
            if random.below(2) == 0, let known = ids.randomElement(using: &random) {
                let shared = random.below(2) == 0 ? min(30, longest + random.below(3)) : random.below(31)
                id = String(known.prefix(shared) + id.dropFirst(shared))
            }
            prefixes.insert(id)
            if ids.insert(id).inserted {
                for other in ids where other != id { longest = max(longest, zip(other, id).prefix { $0 == $1 }.count) }
            }
            #expect(prefixes.length == max(IdPrefixes.minimum, longest + 1))
        }
    }
}

/// `IdPrefixes` over ids kept here, one slot per insert (the dashboard's ids are its store's).
struct OwnIdPrefixes {
    private var ids: [String] = []
    private var table = IdPrefixes()
    var length: Int { table.length }

    mutating func insert(_ id: String) {
        ids.append(id)
        let ids = ids
        table.insert(IdPrefixes.Slot(ids.count - 1)) { ids[Int($0)] }
    }

    func prefix(of id: String) -> Substring { table.prefix(of: id) }
}

/// A small seeded generator, so a failing sequence can be replayed.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}

@Suite("Compact job store")
struct JobStoreTests {
    /// The table of slots grows many times; every key is found, and keys never stored are not.
    @Test func everyKeyIsFoundAsTheTableGrows() {
        var store = JobStore()
        for n in 0..<3000 {
            var job = Fixture.job(n, .finished)
            job.id = "id-\(n)"
            _ = store.put(job, key: JobKey(context: ContextID(n % 3), id: job.id))
        }
        #expect(store.count == 3000)
        for n in 0..<3000 {
            #expect(store.slot(of: JobKey(context: ContextID(n % 3), id: "id-\(n)")) == JobStore.Slot(n))
        }
        #expect(store.slot(of: JobKey(context: ContextID(1), id: "id-0")) == nil, "the same id on another server is another job")
        #expect(store.slot(of: "id-3000") == nil)
    }

    /// Six text ranges, two numbers and seven times: 100,000 jobs keep 12 MB of records.
    @Test func aRecordTakes120Bytes() {
        #expect(JobStore.recordStride == 120)
    }

    @Test func statusesComeBackAsStoredThroughReplacementsAndRepacking() {
        var store = JobStore()
        var expected: [JobKey: JobStatus] = [:]
        var random = SplitMix(seed: 3)
        let texts: [String?] = [nil, "", "plain", "\u{1b}[2J", "é\u{301}", "界界界界界界界界", String(repeating: "long ", count: 40)]
        let states: [JobState?] = [nil, .queued, .started, .finished, .failed, .canceled, .unknown(42)]
        for step in 0..<2000 {
            let key = JobKey(context: ContextID(random.below(2)), id: "job-\(random.below(60))")
            var job = Fixture.job(1000 + step, .started)
            job.id = key.id
            job.name = texts[random.below(texts.count)] ?? "named"
            job.submittedUserId = texts[random.below(texts.count)] ?? ""
            job.cancelUserId = texts[random.below(texts.count)]
            // Output folders holding the job's id are kept as the parts around it.
            let folders = texts + ["D:\\Out\\nightly_\(key.id)", key.id, "\(key.id)\u{301}é", "\(key.id)/\(key.id)", "job-"]
            job.outputFolder = folders[random.below(folders.count)]
            job.errorInfo = texts[random.below(texts.count)]
            job.state = states[random.below(states.count)]
            job.submittedUserSiteId = random.below(3) == 0 ? nil : random.below(5)
            job.finishedTime = random.below(2) == 0 ? nil : Fixture.at(Double(step) / 7)
            let (_, previous) = store.put(job, key: key)
            #expect(previous == expected[key])
            expected[key] = job
        }
        #expect(store.count == expected.count)
        for (key, job) in expected {
            #expect(store[key] == job)
            #expect(store.knownState(store.slot(of: key)!) == job.knownState)
        }
    }
}

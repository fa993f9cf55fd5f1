import DisplayText
import Foundation
import ICWSWire

/// A job filter typed by a person: `state:failed user:jdoe ctx:prod name:nightly since:2d`.
///
/// Terms are separated by spaces and all must hold (AND); `!` before a term inverts it; a value
/// with spaces is written in double quotes (`name:"nightly export"`). A word without a field is
/// looked for, in any case, in the job's name, id, user and context, as the dashboard's `/` filter
/// does. The same type selects jobs for `jobs list --filter` and the bulk `jobs cancel`/`resubmit`,
/// and is meant for the dashboard's filter (docs/cli.md, "Field filters").
public struct JobQuery: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable {
        /// A state word, or `active` / `ended`; `state:failed,canceled` is either.
        case state
        /// The submitting user, whole and in any case.
        case user
        /// The context's name, whole and in any case.
        case ctx
        /// Part of the job's name, in any case.
        case name
        /// The start of the job's id.
        case id
        /// The job reached its current state within this long (`since:2d`).
        case since
        /// The job reached its current state longer ago than this (`before:2h`).
        case before
    }

    public enum Test: Sendable, Equatable {
        case states(Set<StateChoice>)
        case user(String)
        case context(String)
        case name(String)
        case idPrefix(String)
        case within(TimeInterval)
        case olderThan(TimeInterval)
        /// A free word: part of the name, id, user or context.
        case text(String)
    }

    /// What a `state:` value may name.
    public enum StateChoice: Hashable, Sendable {
        case state(JobState)
        case active, ended
    }

    public struct Term: Sendable, Equatable {
        public var test: Test
        public var inverted: Bool

        public init(_ test: Test, inverted: Bool = false) {
            self.test = test
            self.inverted = inverted
        }
    }

    public var terms: [Term]

    public init(terms: [Term] = []) { self.terms = terms }

    /// No terms: every job matches.
    public var isEmpty: Bool { terms.isEmpty }

    /// Both queries' terms (AND).
    public func and(_ other: JobQuery) -> JobQuery { JobQuery(terms: terms + other.terms) }

    /// Whether `job` (of context `context`, nil when there is none) passes every term at `now`.
    public func matches(_ job: JobStatus, context: String?, now: Date) -> Bool {
        terms.allSatisfy { term in term.test.holds(for: job, context: context, now: now) != term.inverted }
    }
}

extension JobQuery.Test {
    func holds(for job: JobStatus, context: String?, now: Date) -> Bool {
        switch self {
        case .states(let choices):
            return choices.contains { $0.covers(job.knownState) }
        case .user(let user):
            return job.submittedUserId.lowercased() == user
        case .context(let name):
            return context?.lowercased() == name
        case .name(let part):
            return job.name.lowercased().contains(part)
        case .idPrefix(let prefix):
            return job.id.lowercased().hasPrefix(prefix)
        case .within(let seconds):
            return JobQuery.stepTime(of: job).map { now.timeIntervalSince($0) <= seconds } ?? false
        case .olderThan(let seconds):
            return JobQuery.stepTime(of: job).map { now.timeIntervalSince($0) > seconds } ?? false
        case .text(let word):
            return [job.name, job.id, job.submittedUserId, context ?? ""].contains { $0.lowercased().contains(word) }
        }
    }
}

extension JobQuery.StateChoice {
    func covers(_ state: JobState) -> Bool {
        switch self {
        case .state(let own): own == state
        case .active: !state.hasEnded
        case .ended: state.hasEnded
        }
    }
}

extension JobQuery {
    /// When the job reached the state it is in (its end, start, queueing or submission), else the
    /// server's last change, else its submission: what `since:` and `before:` measure from.
    public static func stepTime(of job: JobStatus) -> Date? {
        let own: Date? = switch job.knownState {
        case .finished, .failed, .canceled: job.endTime
        case .started: job.startedTime
        case .queued: job.queuedTime
        case .submitted: job.submitTime
        case .unknown: nil
        }
        return own ?? job.stateChangedTime ?? job.submitTime
    }
}

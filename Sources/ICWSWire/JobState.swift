/// `urn:inin.com:dataExtractor:state`, a JSON number on the wire.
///
/// A number this client does not know is kept as `.unknown(n)` and shown as such, never a
/// decoding failure: a newer server may add states.
public enum JobState: Hashable, Sendable, Codable, CustomStringConvertible {
    case submitted, queued, started, failed, canceled, finished
    case unknown(Int)

    public init(rawValue: Int) {
        switch rawValue {
        case 0: self = .submitted
        case 1: self = .queued
        case 2: self = .started
        case 3: self = .failed
        case 4: self = .canceled
        case 5: self = .finished
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: Int {
        switch self {
        case .submitted: 0
        case .queued: 1
        case .started: 2
        case .failed: 3
        case .canceled: 4
        case .finished: 5
        case .unknown(let n): n
        }
    }

    /// Lower-case word used on screen and in JSON output.
    public var word: String {
        switch self {
        case .submitted: "submitted"
        case .queued: "queued"
        case .started: "started"
        case .failed: "failed"
        case .canceled: "canceled"
        case .finished: "finished"
        case .unknown(let n): "unknown(\(n))"
        }
    }

    public var description: String { word }

    /// How far along its life a job in this state is (submitted, queued, started, ended); states
    /// only move forward. Nil for a state this client does not know.
    public var lifecycleStep: Int? {
        switch self {
        case .submitted: 0
        case .queued: 1
        case .started: 2
        case .failed, .canceled, .finished: 3
        case .unknown: nil
        }
    }

    /// The never-go-back rule: this state is earlier in a job's life than `known`, so it was read
    /// before a change already seen. Unknown states are never judged older.
    public func goesBack(from known: JobState) -> Bool {
        guard let now = known.lifecycleStep, let then = lifecycleStep else { return false }
        return then < now
    }

    /// The job will not change any more.
    public var hasEnded: Bool {
        switch self {
        case .failed, .canceled, .finished: true
        case .submitted, .queued, .started, .unknown: false
        }
    }

    /// A cancel request makes sense (the server has the final word).
    public var isCancelable: Bool {
        switch self {
        case .submitted, .queued, .started: true
        case .failed, .canceled, .finished, .unknown: false
        }
    }

    /// Every known state, in lifecycle order.
    public static let known: [JobState] = [.submitted, .queued, .started, .failed, .canceled, .finished]

    /// Parses a word ("started") or a number ("2").
    public init?(word: String) {
        let lowered = word.lowercased()
        if let match = JobState.known.first(where: { $0.word == lowered }) {
            self = match
        } else if let n = Int(word) {
            self.init(rawValue: n)
        } else {
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(Int.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension JobStatus {
    /// The never-go-back rule, for every place statuses merge (`applied(to:isDelta:)`: the
    /// dashboard's index, `jobs watch`, the exporter): a status whose state is earlier in a job's life than `known`'s was read
    /// before a change already seen, so `known` stands. Unknown states are never judged older.
    public func goesBack(from known: JobStatus) -> Bool {
        guard let now = known.state, let then = state else { return false }
        return then.goesBack(from: now)
    }
}

extension JobStatus {
    /// What a consumer keeps of this status, from a jobs-statuses message, given what it kept of
    /// the job before (`known`, nil for a job it does not hold): a delta (`isDelta`) merged into
    /// `known`, a full status as it is, and `known` itself when the result would take the job back
    /// in its life. The feed hands statuses over as they came; each consumer merges them with this
    /// into its own store, the one place it keeps them (the dashboard's job index, `jobs watch`'s
    /// tracker, the exporter's watched statuses). A delta for a job not held is kept as it is.
    public func applied(to known: JobStatus?, isDelta: Bool) -> JobStatus {
        guard let known else { return self }
        let merged = isDelta ? known.merging(delta: self) : self
        return merged.goesBack(from: known) ? known : merged
    }
}

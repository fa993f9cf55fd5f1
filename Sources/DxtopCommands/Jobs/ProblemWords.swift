import JobComposition

/// The server's rules speak of `jobConfig` fields (`endTimeFilter must be later than
/// startTimeFilter`); someone who typed flags reads them in the words they typed.
struct ProblemWords {
    /// The time window came from `--from`/`--to` or `--window` (not from a job's own configuration).
    var windowTyped: Bool
    /// `--site` was given.
    var sitesTyped: Bool
    /// `--name` was given.
    var nameTyped: Bool

    /// All problems, one line.
    func sentence(_ error: CompositionError) -> String {
        error.problems.map(words).joined(separator: " ")
    }

    func words(_ problem: CompositionProblem) -> String {
        let message = problem.message
        switch problem.property {
        case "endTimeFilter" where message.hasPrefix("endTimeFilter must be later"):
            return windowTyped ? "--to must be later than --from." : "The job's time window ends before it starts."
        case "startTimeFilter" where windowTyped:
            return replacingPrefix("A time window needs", in: message, with: "--from/--to (or --window) need")
        case "siteIdFilters" where sitesTyped:
            return replacingPrefix("Site filters need", in: message, with: "--site needs")
        case "name" where nameTyped:
            return replacingPrefix("The job name", in: message, with: "--name")
        default:
            return message
        }
    }

    private func replacingPrefix(_ prefix: String, in message: String, with words: String) -> String {
        message.hasPrefix(prefix) ? words + message.dropFirst(prefix.count) : message
    }
}

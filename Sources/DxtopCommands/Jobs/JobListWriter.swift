import DisplayText
import Foundation

/// Writes a job listing to stdout in the chosen format, one batch of jobs at a time, so `--all`
/// prints each page as it arrives. The text is what one call with every job would print: JSON
/// stays one array, CSV has one header. The table takes its column widths from the header and the
/// first batch; a wider cell in a later batch pushes the rest of its row right (never cut).
struct JobListWriter {
    let format: OutputFormat
    let showContext: Bool
    let headers: Bool
    let timeFormat: TimeFormat
    let now: Date
    private var started = false
    /// JSON: the last line of the previous element (`  }`), written once it is known whether a
    /// comma follows.
    private var heldLine: String?
    /// Table: the widths of the first batch.
    private var widths: [Int]?

    init(format: OutputFormat, showContext: Bool, headers: Bool, timeFormat: TimeFormat, now: Date) {
        self.format = format
        self.showContext = showContext
        self.headers = headers
        self.timeFormat = timeFormat
        self.now = now
    }

    mutating func write(_ jobs: [ListedJob]) throws {
        let first = !started
        started = true
        switch format {
        case .json:
            for job in jobs { try writeJSONElement(job) }
        case .jsonl:
            for job in jobs { StandardStreams.out(try SafeJSON.line(status(job))) }
        case .csv:
            for line in try JobCSV.lines(jobs, showContext: showContext, headers: headers && first, now: now) {
                StandardStreams.out(line)
            }
        case .table, .wide:
            let text = JobListText(showContext: showContext, wide: format == .wide,
                                   clip: StandardStreams.outputIsTerminal, format: timeFormat, now: now)
            let table = text.table(jobs)
            if widths == nil { widths = table.widths() }
            for line in table.lines(widths: widths).dropFirst(headers && first ? 0 : 1) { StandardStreams.out(line) }
        }
    }

    /// Ends the listing: closes the JSON array (also after a failure, so stdout stays one valid
    /// array), or writes the header of an empty table or CSV.
    mutating func finish() throws {
        if !started { try write([]) }
        guard format == .json else { return }
        if let heldLine {
            StandardStreams.out(heldLine)
            StandardStreams.out("]")
        } else {
            StandardStreams.out(try SafeJSON.pretty([JSONOutput.Status]()))
        }
        heldLine = nil
    }

    /// One element of the pretty array, indented as `SafeJSON.pretty` of the whole array would be.
    private mutating func writeJSONElement(_ job: ListedJob) throws {
        var lines = try SafeJSON.pretty(status(job)).split(separator: "\n", omittingEmptySubsequences: false)
            .map { "  " + $0 }
        if let heldLine {
            StandardStreams.out(heldLine + ",")
        } else {
            StandardStreams.out("[")
        }
        heldLine = lines.popLast()
        for line in lines { StandardStreams.out(line) }
    }

    private func status(_ job: ListedJob) -> JSONOutput.Status {
        JSONOutput.Status(status: job.status, now: now, context: job.context)
    }
}

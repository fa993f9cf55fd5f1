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
    /// Jobs written so far (for the note when a listing fails part-way).
    private(set) var written = 0
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

    /// Writes `jobs` (in one write: a page of 1000 jobs is one system call, not 18,000).
    mutating func write(_ jobs: [ListedJob]) throws {
        let first = !started
        started = true
        written += jobs.count
        let lines: [String]
        switch format {
        case .json:
            lines = try jsonLines(jobs)
        case .jsonl:
            lines = try jobs.map { try SafeJSON.line(status($0)) }
        case .csv:
            lines = try JobCSV.lines(jobs, showContext: showContext, headers: headers && first, now: now)
        case .table, .wide:
            let text = JobListText(showContext: showContext, wide: format == .wide,
                                   clip: StandardStreams.outputIsTerminal, format: timeFormat, now: now)
            let table = text.table(jobs)
            if widths == nil { widths = table.widths() }
            lines = Array(table.lines(widths: widths).dropFirst(headers && first ? 0 : 1))
        }
        if !lines.isEmpty { StandardStreams.out(lines.joined(separator: "\n")) }
    }

    /// Whether anything was written: before the first page, a failure leaves stdout empty (an
    /// empty array or a lone header would read as "no jobs").
    var hasStarted: Bool { started }

    /// Ends the listing: closes the JSON array (also after a failure, so stdout stays one valid
    /// array), or writes the header of an empty table or CSV.
    mutating func finish() throws {
        if !started { try write([]) }
        guard format == .json else { return }
        if let heldLine {
            StandardStreams.out(heldLine + "\n]")
        } else {
            StandardStreams.out(try SafeJSON.pretty([JSONOutput.Status]()))
        }
        heldLine = nil
    }

    /// The elements of the pretty array `SafeJSON.pretty` of every job would give, this batch's
    /// part: the batch is encoded as an array, its brackets dropped, and its last line held back
    /// until it is known whether a comma follows.
    private mutating func jsonLines(_ jobs: [ListedJob]) throws -> [String] {
        guard !jobs.isEmpty else { return [] }
        // Split as bytes: the pretty output's only raw newlines are its line ends (strings carry
        // theirs escaped), and splitting by `Character` costs as much as encoding the page.
        var lines = try SafeJSON.pretty(jobs.map(status)).utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .dropFirst().dropLast().map { String(decoding: $0, as: UTF8.self) }
        let opening = heldLine.map { $0 + "," } ?? "["
        heldLine = lines.popLast()
        return [opening] + lines
    }

    private func status(_ job: ListedJob) -> JSONOutput.Status {
        JSONOutput.Status(status: job.status, now: now, context: job.context)
    }
}

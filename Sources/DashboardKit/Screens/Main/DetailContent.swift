import DisplayText
import Foundation
import ICWSWire

/// The detail pane's lines for the selected job: status, timeline, configuration.
///
/// Built from state alone, so `update` can count lines (to bound scrolling) with the same code the
/// view draws with.
struct DetailContent {
    let state: DashboardState
    let width: Int
    let now: Date
    let glyphs: Glyphs

    static let labelWidth = 13
    /// Cells of a timeline step's word.
    static let stepWidth = 11
    private static let heading = CellStyle(bold: true, underline: true)
    private static let label = CellStyle(.muted)

    /// Lines for the current width, as `update` needs them to bound the scroll.
    static func lineCount(_ state: DashboardState) -> Int {
        let detail = state.layout.detail
        guard detail.width > 0 else { return 0 }
        return DetailContent(state: state, width: detail.width - 1, now: state.clock ?? .distantPast, glyphs: .unicode)
            .lines().count
    }

    private var time: TimeFormat { state.options.timeFormat }

    func lines() -> [StyledLine] {
        guard let key = state.selectedId, let job = state.jobs[key] else { return [] }
        var out: [StyledLine] = []
        out += status(job, key: key)
        out.append([])
        out += timeline(job)
        out.append([])
        out += series(job, key: key)
        out += configuration(key)
        return out
    }

    // MARK: Status

    private func status(_ job: JobStatus, key: JobKey) -> [StyledLine] {
        var out: [StyledLine] = [[Span("Status", Self.heading)]]
        var stateLine = [Span(job.knownState.word, StateStyle.style(job.knownState, bold: true))]
        if let changed = job.stateChangedTime ?? job.endTime {
            stateLine.append(Span("  since \(time.timestamp(changed))"))
        }
        if state.options.isMultiServer, let server = state.serverIndex(key.context) {
            out += field("Context", state.servers[server].label)
        }
        if state.pendingCancels.contains(key) {
            stateLine.append(Span("  canceling\(glyphs.ellipsis)", CellStyle(.pending, bold: true)))
        }
        out += flow(labelled("State", stateLine), indent: 2 + Self.labelWidth)
        out += field("Id", job.id)
        let site = job.submittedUserSiteId.map { " at site \($0)" } ?? ""
        out += field("Submitted by", job.submittedUserId + site)
        if let cancelUser = job.cancelUserId, !cancelUser.isEmpty {
            out += field("Canceled by", cancelUser)
        }
        if let folder = job.outputFolder, !folder.isEmpty {
            out += field("Output", folder)
        }
        if let error = job.errorInfo, !error.isEmpty {
            out += field("Error", error, style: CellStyle(.error))
        }
        return out
    }

    // MARK: Timeline

    private func timeline(_ job: JobStatus) -> [StyledLine] {
        let timeline = JobTimeline(job)
        let ended = job.knownState.hasEnded
        var out: [StyledLine] = [[Span("Timeline", Self.heading)]]
        for entry in timeline.entries {
            let isCurrent = entry.progress == .current
            let reached = entry.progress == .reached || isCurrent
            let mark = isCurrent ? glyphs.current : (reached ? glyphs.reached : glyphs.notReached)
            let markStyle = isCurrent ? CellStyle(bold: true) : (reached ? .plain : Self.label)
            var line: StyledLine = [
                Span("  \(mark) ", markStyle),
                Span(DisplayWidth.pad(entry.step.rawValue, to: Self.stepWidth), isCurrent ? CellStyle(bold: true) : .plain),
            ]
            if let at = entry.time {
                line.append(Span(time.timestamp(at)))
                if let since = entry.sincePrevious {
                    line.append(Span("  +\(TimeFormat.duration(since))", Self.label))
                }
            } else if entry.progress == .skipped {
                line.append(Span("(skipped)", Self.label))
            } else {
                line.append(Span(ended ? "not reached" : "-", Self.label))
            }
            if isCurrent {
                var note = "  (current)"
                if !ended, let since = timeline.currentSince {
                    note = "  (current, \(TimeFormat.duration(now.timeIntervalSince(since))) so far)"
                }
                line.append(Span(note, CellStyle(bold: true)))
            }
            out += flow(line, indent: 4 + Self.stepWidth)
        }
        return out
    }

    // MARK: Configuration

    private func configuration(_ id: JobKey) -> [StyledLine] {
        var out: [StyledLine] = [[Span("Configuration", Self.heading)]]
        switch state.configs[id] {
        case nil, .loading?:
            out.append([Span("  loading\(glyphs.ellipsis)", Self.label)])
        case .failed(let failure)?:
            out += field("Not loaded", FailureText.describe(failure), style: CellStyle(.error))
        case .loaded(let config)?:
            out += timeWindow(config)
            let sites = config.siteIds
            out += field("Sites", sites.isEmpty ? "all sites" : sites.joined(separator: ", "))
            out += dataSets("Tables", config.tableConfigs)
            out += dataSets("Views", config.viewConfigs)
        }
        return out
    }

    private func timeWindow(_ config: JobConfig) -> [StyledLine] {
        switch (config.startTimeFilter, config.endTimeFilter) {
        case (let start?, let end?):
            return field("Time window", "from \(time.timestamp(start)) (inclusive)")
                + field("", "to \(time.timestamp(end)) (exclusive)")
                + field("", "length \(TimeFormat.duration(end.timeIntervalSince(start)))")
        case (let start?, nil):
            return field("Time window", "from \(time.timestamp(start)) (inclusive), no end")
        case (nil, let end?):
            return field("Time window", "until \(time.timestamp(end)) (exclusive), no start")
        case (nil, nil):
            return field("Time window", "none (all dates)")
        }
    }

    private func dataSets(_ title: String, _ sets: [DataSetConfig]) -> [StyledLine] {
        guard !sets.isEmpty else { return field(title, "none") }
        var out: [StyledLine] = [[Span("  \(title) (\(sets.count))", CellStyle(bold: true))]]
        for set in sets {
            out.append([Span("    "), Span(set.name, CellStyle(bold: true))])
            let filters = "date-time filter: \(set.dateTimeFilterColumn ?? "none"), site filter: \(set.siteIdFilterColumn ?? "none")"
            out += indented(filters, indent: 6, style: Self.label)
            let columns = set.column.map(\.name)
            out += indented("columns (\(columns.count)): " + (columns.isEmpty ? "none" : columns.joined(separator: ", ")), indent: 6)
        }
        return out
    }

    // MARK: Helpers

    /// `  Label        value`, the value wrapped under itself.
    func field(_ name: String, _ value: String, style: CellStyle = .plain) -> [StyledLine] {
        let indent = 2 + Self.labelWidth
        let wrapped = CleanText(value).wrapped(to: width - indent)
        return wrapped.enumerated().map { index, text in
            let head = index == 0 ? "  " + DisplayWidth.pad(name, to: Self.labelWidth) : String(repeating: " ", count: indent)
            return [Span(head, Self.label), Span(text, style)]
        }
    }

    /// `line` within the pane's width: spans that do not fit go on continuation lines indented by
    /// `indent` (their leading spaces dropped), so notes such as "(current, 15s so far)" or
    /// "canceling…" are never cut at the pane's edge. A span too long for a line of its own is
    /// word-wrapped. The spans hold only our own words and times, cleaned on drawing.
    private func flow(_ line: StyledLine, indent: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        var current: StyledLine = []
        var used = 0
        let pad = String(repeating: " ", count: indent)
        for span in line {
            let size = DisplayWidth.of(span.text)
            if used + size <= width || current.isEmpty {
                current.append(span)
                used += size
                continue
            }
            out.append(current)
            let text = String(span.text.drop(while: { $0 == " " }))
            let pieces = CleanText(text).wrapped(to: width - indent)
            for piece in pieces.dropLast() { out.append([Span(pad), Span(piece, span.style)]) }
            current = [Span(pad), Span(pieces.last ?? .empty, span.style)]
            used = indent + (pieces.last?.width ?? 0)
        }
        out.append(current)
        return out
    }

    private func labelled(_ name: String, _ value: StyledLine) -> StyledLine {
        [Span("  " + DisplayWidth.pad(name, to: Self.labelWidth), Self.label)] + value
    }

    private func indented(_ text: String, indent: Int, style: CellStyle = .plain) -> [StyledLine] {
        let pad = String(repeating: " ", count: indent)
        return CleanText(text).wrapped(to: width - indent).map { [Span(CleanText(pad) + $0, style)] }
    }
}

import DisplayText
import Foundation
import ICWSWire

/// The human report of `jobs show`: status, timeline, time filter, sites, tables and views.
/// Every server string goes through `TerminalSafe.clean`.
struct JobDetailText {
    let job: Job
    let format: TimeFormat
    let now: Date

    func lines() -> [String] {
        var out: [String] = []
        let name = job.jobStatus?.name ?? job.jobConfig?.name ?? ""
        out.append("Job \(safe(job.id ?? "?")): \(safe(name))")
        if let status = job.jobStatus {
            out += statusLines(status)
            out.append("")
            out += timelineLines(status)
        }
        if let config = job.jobConfig {
            out.append("")
            out += timeFilterLines(config)
            out.append("")
            let sites = config.siteIds.map(safe)
            out.append("Sites: " + (sites.isEmpty ? "all sites" : sites.joined(separator: ", ")))
            out.append("")
            out += dataSetLines(title: "Tables", config.tableConfigs)
            out.append("")
            out += dataSetLines(title: "Views", config.viewConfigs)
        }
        return out
    }

    private func statusLines(_ status: JobStatus) -> [String] {
        var fields: [(String, String)] = [("State", status.stateText)]
        var submitter = safe(status.submittedUserId)
        if let site = status.submittedUserSiteId { submitter += " (site \(site))" }
        fields.append(("Submitted by", submitter))
        if let canceler = status.cancelUserId { fields.append(("Canceled by", safe(canceler))) }
        if let seconds = status.duration(now: now) {
            let suffix = status.knownState.hasEnded ? "" : " so far"
            fields.append(("Duration", TimeFormat.duration(seconds) + suffix))
        }
        fields.append(("Output folder", status.outputFolder.map(safe) ?? "-"))
        fields.append(("Error", status.errorInfo.map(safe) ?? "-"))
        return labelled(fields)
    }

    /// Each step with its time and the time since the previous step (`JobTimeline`'s rule).
    private func timelineLines(_ status: JobStatus) -> [String] {
        let present = JobTimeline(status).timed
        guard !present.isEmpty else { return ["Timeline: no times reported"] }
        var table = TextTable(headers: ["TIME", "STEP", "SINCE PREVIOUS"])
        for entry in present {
            guard let time = entry.time else { continue }
            table.append([format.timestamp(time), entry.step.rawValue, entry.sincePrevious.map { "+" + TimeFormat.duration($0) } ?? ""])
        }
        return ["Timeline"] + table.lines().map { "  " + $0 }
    }

    private func timeFilterLines(_ config: JobConfig) -> [String] {
        guard config.startTimeFilter != nil || config.endTimeFilter != nil else {
            return ["Time filter: none (all data)"]
        }
        var fields: [(String, String)] = [
            ("Start", config.startTimeFilter.map { format.timestamp($0) + "  (inclusive)" } ?? "open"),
            ("End", config.endTimeFilter.map { format.timestamp($0) + "  (exclusive)" } ?? "open"),
        ]
        if let start = config.startTimeFilter, let end = config.endTimeFilter {
            fields.append(("Length", TimeFormat.duration(end.timeIntervalSince(start))))
        }
        return ["Time filter"] + labelled(fields)
    }

    private func dataSetLines(title: String, _ sets: [DataSetConfig]) -> [String] {
        guard !sets.isEmpty else { return ["\(title): none"] }
        var out = ["\(title) (\(sets.count))"]
        for set in sets {
            out.append("  " + safe(set.name))
            out += Wrap.list(set.column.map { safe($0.name) }, label: "    columns (\(set.column.count)): ", width: 100)
            out.append("    date/time filter column: " + (set.dateTimeFilterColumn.map(safe) ?? "-"))
            out.append("    site filter column: " + (set.siteIdFilterColumn.map(safe) ?? "-"))
        }
        return out
    }

    private func labelled(_ fields: [(String, String)]) -> [String] {
        let width = fields.map { DisplayWidth.of($0.0) }.max() ?? 0
        return fields.map { "  " + DisplayWidth.pad($0.0, to: width) + "  " + $0.1 }
    }

    private func safe(_ text: String) -> String { TerminalSafe.clean(text) }
}

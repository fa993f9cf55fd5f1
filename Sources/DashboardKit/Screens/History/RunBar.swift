import Foundation
import Insight

/// One ended run as the history chart and the sparkline draw it.
struct RunBar: Equatable, Sendable {
    let jobId: String
    let outcome: RunOutcome
    let ended: Date
    let queueWait: TimeInterval?
    let runTime: TimeInterval?

    init(jobId: String, outcome: RunOutcome, ended: Date, queueWait: TimeInterval?, runTime: TimeInterval?) {
        self.jobId = jobId
        self.outcome = outcome
        self.ended = ended
        self.queueWait = queueWait
        self.runTime = runTime
    }

    init(_ run: Run) {
        self.init(jobId: run.jobId, outcome: run.outcome, ended: run.ended, queueWait: run.queueWait, runTime: run.runTime)
    }

    /// The glyph of a run that did not finish; nil for a finished one.
    func endMark(_ glyphs: ChartGlyphs) -> String? {
        switch outcome {
        case .finished: nil
        case .failed: glyphs.failed
        case .canceled: glyphs.canceled
        }
    }
}

/// A series' last runs in a few cells, oldest left: a finished run is a bar as high as its run time
/// against the longest of those shown, a failed or canceled one its own glyph (never a colour alone).
enum Sparkline {
    /// Exactly `width` cells, the newest run at the right end, blanks on the left when fewer ran.
    static func text(_ oldestFirst: [RunBar], width: Int, glyphs: ChartGlyphs) -> String {
        guard width > 0 else { return "" }
        let shown = oldestFirst.suffix(width)
        let longest = shown.compactMap { $0.outcome == .finished ? $0.runTime : nil }.max() ?? 0
        let steps = glyphs.levels.count
        let marks = shown.map { bar -> String in
            if let mark = bar.endMark(glyphs) { return mark }
            guard let time = bar.runTime, longest > 0 else { return glyphs.levels[0] }
            let level = Int((time / longest * Double(steps)).rounded(.up)) - 1
            return glyphs.levels[min(steps - 1, max(0, level))]
        }
        return String(repeating: " ", count: width - marks.count) + marks.joined()
    }
}

import Foundation
import ICWSWire
import JobComposition

/// The filter step's typed parts: a start and an end read as `jobs submit --from/--to` reads them
/// (`TypedTime`, display time zone), and the site ids.
extension Composer {
    /// The typed start and end, when both can be read (in any order: the rules refuse start ≥ end).
    var typedWindow: TimeWindow? {
        guard let start = TypedTime.parse(typedStart, timeZone: timeZone),
              let end = TypedTime.parse(typedEnd, timeZone: timeZone) else { return nil }
        return TimeWindow(start: start, end: end)
    }

    /// Why the typed start or end cannot be read; empty when both can.
    var typedWindowProblems: [CompositionProblem] {
        [("Start", "startTimeFilter", typedStart), ("End", "endTimeFilter", typedEnd)].compactMap { label, property, text in
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                return CompositionProblem(property: property, message: "\(label) of the typed window: type one (f start, t end).")
            }
            guard TypedTime.parse(text, timeZone: timeZone) == nil else { return nil }
            return CompositionProblem(property: property,
                                      message: "\(label) of the typed window: cannot read \"\(text)\"; use \(TypedTime.accepted).")
        }
    }

    /// The typed site ids (commas or spaces between them), each once, in the order typed.
    var siteIds: [String] {
        var seen: Set<String> = []
        return sitesText.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init).filter { seen.insert($0).inserted }
    }

    /// Starts typing `field` of the filter step: a start or end chooses the typed window.
    mutating func startTyping(_ field: Typing) {
        part = .window
        typing = field
        if field == .start || field == .end {
            window = .typed
            windowCursor = windowChoices.firstIndex(of: .typed) ?? windowCursor
        }
    }

    /// Enter or Tab in a field: the start goes on to the end; any other field is done.
    mutating func finishTyping() {
        typing = typing == .start ? .end : nil
    }

    /// The text of the field being typed into.
    var typedText: String? {
        get {
            switch typing {
            case .dataSetFilter?: dataSetFilter
            case .name?: name
            case .start?: typedStart
            case .end?: typedEnd
            case .sites?: sitesText
            case nil: nil
            }
        }
        set {
            guard let newValue else { return }
            switch typing {
            case .dataSetFilter?:
                dataSetFilter = newValue
                dataSetCursor = 0
            case .name?: name = newValue
            case .start?: typedStart = newValue
            case .end?: typedEnd = newValue
            case .sites?: sitesText = newValue
            case nil: break
            }
        }
    }
}

extension DashboardState {
    /// Why `s` cannot type site ids now, if it cannot.
    var composerSitesUnavailable: Unavailable? {
        guard let composer else { return .silent }
        guard case .loaded(let dictionary)? = composerDictionary else { return .notNow("The data dictionary is not loaded.") }
        guard composer.offersSites(dictionary) else { return .notNow("No chosen dataset has a site-id filter column.") }
        return nil
    }

    /// Why `f`/`t` cannot type the window now, if they cannot.
    var composerWindowUnavailable: Unavailable? {
        guard let composer else { return .silent }
        guard case .loaded(let dictionary)? = composerDictionary else { return .notNow("The data dictionary is not loaded.") }
        guard composer.offersWindow(dictionary) else { return .notNow("No chosen dataset has a date-time filter column.") }
        return nil
    }
}

import DisplayText
import Foundation
import ICWSWire

/// Why a filter could not be read: one line naming the term and what is allowed.
public struct JobQueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension JobQuery {
    /// Reads a filter as typed. Throws `JobQueryError` for an unknown field, an empty value, an
    /// unknown state, a bad age or an unclosed quote.
    public init(parsing text: String) throws(JobQueryError) {
        var terms: [Term] = []
        for word in try Self.words(text) {
            terms.append(try Self.term(word))
        }
        self.init(terms: terms)
    }

    /// The state words `state:` takes, in the order the help lists them.
    public static let stateWords = ["submitted", "queued", "started", "failed", "canceled", "finished", "active", "ended"]

    private static func term(_ word: String) throws(JobQueryError) -> Term {
        var body = Substring(word)
        let inverted = body.hasPrefix("!")
        if inverted { body = body.dropFirst() }
        guard !body.isEmpty else { throw JobQueryError(message: "filter: '!' must come before a term (e.g. !state:failed)") }
        guard let colon = body.firstIndex(of: ":") else {
            return Term(.text(String(body).lowercased()), inverted: inverted)
        }
        let name = body[..<colon].lowercased()
        let value = String(body[body.index(after: colon)...])
        guard let field = Field(rawValue: name) else {
            let fields = Field.allCases.map(\.rawValue).joined(separator: ", ")
            throw JobQueryError(message: "filter: unknown field '\(OneLine.safe(name))' in '\(OneLine.safe(word))' (fields: \(fields))")
        }
        guard !value.isEmpty else {
            throw JobQueryError(message: "filter: '\(name):' needs a value (e.g. \(example(field)))")
        }
        return Term(try test(field, value), inverted: inverted)
    }

    private static func test(_ field: Field, _ value: String) throws(JobQueryError) -> Test {
        let lowered = value.lowercased()
        switch field {
        case .state:
            var choices: Set<StateChoice> = []
            for part in lowered.split(separator: ",") {
                guard let choice = stateChoice(String(part)) else {
                    throw JobQueryError(message: "filter: unknown state '\(OneLine.safe(String(part)))' (states: \(stateWords.joined(separator: ", ")))")
                }
                choices.insert(choice)
            }
            guard !choices.isEmpty else { throw JobQueryError(message: "filter: 'state:' needs a value (e.g. \(example(.state)))") }
            return .states(choices)
        case .user: return .user(lowered)
        case .ctx: return .context(lowered)
        case .name: return .name(lowered)
        case .id: return .idPrefix(lowered)
        case .since, .before:
            guard let seconds = Age.seconds(value) else {
                throw JobQueryError(message: "filter: '\(field.rawValue):\(OneLine.safe(value))' is not an age; write a number and a unit, e.g. 90m, 2h, 2d, 1w")
            }
            return field == .since ? .within(seconds) : .olderThan(seconds)
        }
    }

    private static func stateChoice(_ word: String) -> StateChoice? {
        switch word {
        case "active": .active
        case "ended": .ended
        default: (0...5).map(JobState.init(rawValue:)).first { $0.word == word }.map(StateChoice.state)
        }
    }

    private static func example(_ field: Field) -> String {
        switch field {
        case .state: "state:failed"
        case .user: "user:jdoe"
        case .ctx: "ctx:prod"
        case .name: "name:nightly"
        case .id: "id:3f2b"
        case .since: "since:2d"
        case .before: "before:2h"
        }
    }

    /// Splits on blanks; double quotes keep blanks inside a value (`name:"a b"`).
    private static func words(_ text: String) throws(JobQueryError) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" {
                quoted.toggle()
            } else if character.isWhitespace, !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !quoted else { throw JobQueryError(message: "filter: a double quote is not closed in '\(OneLine.safe(text))'") }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

/// An age as typed: a number and a unit, repeated (`90m`, `2h`, `1d12h`, `1w`); s, m, h, d, w.
public enum Age {
    public static func seconds(_ text: String) -> TimeInterval? {
        var total: TimeInterval = 0
        var digits = ""
        var sawUnit = false
        for character in text.lowercased() {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard let number = Double(digits), let unit = unitSeconds[character] else { return nil }
            total += number * unit
            digits = ""
            sawUnit = true
        }
        guard digits.isEmpty, sawUnit, total > 0 else { return nil }
        return total
    }

    private static let unitSeconds: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
}

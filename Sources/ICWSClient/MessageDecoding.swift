import Foundation
import ICWSWire

/// Tolerant decoding of ICWS messages: one JSON message or an array of them; an element that does
/// not decode is reported in `problems` and skipped, and so is a job status inside a message that
/// does not (the message keeps its good statuses).
enum MessageDecoding {
    struct Outcome: Sendable {
        var messages: [ICWSMessage] = []
        var problems: [String] = []
        /// Set when the payload is not JSON at all.
        var unreadable: String?
    }

    static func decode(_ data: Data) -> Outcome {
        let firstByte = data.first { !(" \t\r\n".utf8.contains($0)) }
        guard let firstByte else { return Outcome() }
        do {
            if firstByte == UInt8(ascii: "[") {
                let (elements, warnings) = try ICWSJSON.decodeReportingWarnings([Attempt].self, from: data)
                var outcome = Outcome(problems: warnings)
                for (index, element) in elements.enumerated() {
                    switch element.result {
                    case .success(let message): outcome.messages.append(message)
                    case .failure(let problem): outcome.problems.append("message [\(index)]: \(problem.text)")
                    }
                }
                return outcome
            }
            let (message, warnings) = try ICWSJSON.decodeReportingWarnings(ICWSMessage.self, from: data)
            return Outcome(messages: [message], problems: warnings)
        } catch {
            let text = ICWSJSON.describe(error)
            return firstByte == UInt8(ascii: "[") || firstByte == UInt8(ascii: "{")
                ? (text == "malformed JSON" ? Outcome(unreadable: text) : Outcome(problems: [text]))
                : Outcome(unreadable: "malformed JSON")
        }
    }

    /// One array element, decoded without failing the array.
    private struct Attempt: Decodable {
        let result: Result<ICWSMessage, MessageProblem>

        init(from decoder: any Decoder) throws {
            do {
                result = .success(try ICWSMessage(from: decoder))
            } catch {
                result = .failure(MessageProblem(text: ICWSJSON.describe(error)))
            }
        }
    }
}

/// Why one message did not decode.
struct MessageProblem: Error, Sendable {
    let text: String
}

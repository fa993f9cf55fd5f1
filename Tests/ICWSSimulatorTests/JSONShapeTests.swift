import Foundation
import Testing

/// The shape comparer must notice each kind of difference, or the conformance tests prove nothing.
@Suite("JSON shape comparer")
struct JSONShapeTests {
    private func mismatch(_ actual: String, _ fixtures: [String], optional: Set<String> = []) throws -> String? {
        JSONShape(optionalKeys: optional).mismatch(try JSONValue.parse(Data(actual.utf8)),
                                                   try fixtures.map { try JSONValue.parse(Data($0.utf8)) })
    }

    @Test(arguments: [
        (#"{"a":"x","n":1}"#, #"{"a":"y","n":2}"#, nil),
        (#"{"a":"x"}"#, #"{"a":"y","n":2}"#, "$: missing key 'n'"),
        (#"{"a":"x","n":1,"z":0}"#, #"{"a":"y","n":2}"#, "$: unexpected key 'z'"),
        (#"{"a":"x","n":"1"}"#, #"{"a":"y","n":2}"#, #"$.n: expected integer, got string "1""#),
        (#"{"a":"x","n":1.5}"#, #"{"a":"y","n":2}"#, "$.n: expected integer, got number 1.5"),
        (#"{"a":"x","n":true}"#, #"{"a":"y","n":2}"#, "$.n: expected integer, got bool true"),
        (#"{"t":"2026-11-28T10:15:00Z"}"#, #"{"t":"20261128T101500Z"}"#, #"$.t: expected basic date, got string "2026-11-28T10:15:00Z""#),
        (#"{"t":"20991231T235959Z"}"#, #"{"t":"20261128T101500Z"}"#, nil),
        (#"{"l":[{"name":"c"},{"name":1}]}"#, #"{"l":[{"name":"c"}]}"#, "$.l[1].name: expected string, got integer 1"),
        (#"{"l":[]}"#, #"{"l":[{"name":"c"}]}"#, nil),
        (#"[{"__type":"b","y":1}]"#, #"[{"__type":"a","x":1}]"#, "$[0].__type: no fixture of type 'b'"),
        (#"[{"__type":"a","x":1},{"__type":"b","y":true}]"#, #"[{"__type":"a","x":1},{"__type":"b","y":false}]"#, nil),
        (#"[{"__type":"a","y":1}]"#, #"[{"__type":"a","x":1},{"__type":"b","y":1}]"#, "$[0]: unexpected key 'y'"),
        (#"{"__type":"b"}"#, #"{"__type":"a"}"#, #"$.__type: unknown value "b""#),
    ] as [(String, String, String?)])
    func reportsTheFirstDifference(actual: String, fixture: String, expected: String?) throws {
        #expect(try mismatch(actual, [fixture]) == expected)
    }

    @Test func optionalKeysMayBeAbsentAndSeveralFixturesUnion() throws {
        #expect(try mismatch(#"{"a":"x"}"#, [#"{"a":"y","n":2}"#], optional: ["n"]) == nil)
        // A key only some fixtures have is allowed but not required.
        #expect(try mismatch(#"{"a":"x"}"#, [#"{"a":"y","n":2}"#, #"{"a":"z"}"#]) == nil)
        #expect(try mismatch(#"{"n":2}"#, [#"{"a":"y","n":2}"#, #"{"a":"z"}"#]) == "$: missing key 'a'")
    }

    @Test func sseFramesSplitFieldsCommentsAndData() {
        let frames = SSEFrames(":ping\r\n\r\nid: 1\ndata: {\"a\":\ndata:1}\n\nevent: x\r\n\r\n")
        #expect(frames.comments == ["ping"])
        #expect(frames.fieldNames == ["id", "data", "event"])
        #expect(frames.dataPayloads == ["{\"a\":\n1}"])
    }
}

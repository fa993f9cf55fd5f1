import Testing
@testable import ICWSClient

@Suite struct RedactionTests {
    @Test func secretsBecomeAMark() {
        let redaction = Redaction(password: "hunter2")
        redaction.remember(csrfToken: "tok-123", cookie: "icws_9=cookie-value|languageId=en-us")
        #expect(redaction.redact("pw hunter2, token tok-123, cookie icws_9=cookie-value|languageId=en-us")
                == "pw [redacted], token [redacted], cookie icws_9=[redacted]")
        let error = redaction.redact(ICWSError.badRequest(ServerErrorInfo(status: 400, message: "bad hunter2")))
        #expect(error.description == "bad [redacted]")
    }

    /// Found by the `login` fuzz target: Foundation's `String.contains` traps on this text once a
    /// server-chosen token of U+FFFD and NUL has been remembered.
    @Test func aServerChosenTokenOfReplacementAndNulDoesNotTrap() {
        let redaction = Redaction(password: "pw")
        redaction.remember(csrfToken: "\u{FFFD}\u{0}", cookie: "icws_1=\u{FFFD}\u{0}1")
        let text = "[redacted]\nintegrationEnabled\n\n1.\u{FFFD}"
        #expect(redaction.redact(text) == text)
    }

    /// Found by the `login` fuzz target: the mark put in for one secret, next to the text before
    /// it, spelled the password again ("ab" + "[redacted]" holds "ab[").
    @Test func aMarkNextToTheTextDoesNotSpellThePassword() {
        let redaction = Redaction(password: "ab[")
        redaction.remember(csrfToken: "XYZ", cookie: nil)
        let redacted = redaction.redact("abXYZ and ab[")
        #expect(redacted.firstRange(of: "ab[") == nil, "\(redacted)")
        #expect(redacted.contains(Redaction.mark))
    }
}

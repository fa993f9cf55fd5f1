import Testing
@testable import ICWSClient

@Suite struct AcceptLanguageTests {
    private func language(_ environment: [String: String]) -> String {
        ICWSClientConfiguration.defaultAcceptLanguage(environment: environment)
    }

    @Test func langGivesTheTag() {
        #expect(language(["LANG": "de_DE.UTF-8"]) == "de-de")
        #expect(language(["LANG": "fr_CA"]) == "fr-ca")
        #expect(language(["LANG": "ja"]) == "ja")
        #expect(language(["LANG": "de_DE@euro"]) == "de-de")
    }

    @Test func precedenceIsLCAllThenLCMessagesThenLang() {
        #expect(language(["LC_ALL": "pt_BR.UTF-8", "LC_MESSAGES": "es_ES", "LANG": "de_DE"]) == "pt-br")
        #expect(language(["LC_MESSAGES": "es_ES", "LANG": "de_DE"]) == "es-es")
        #expect(language(["LC_ALL": "", "LC_MESSAGES": "", "LANG": "de_DE"]) == "de-de", "empty values do not count")
        #expect(language(["LC_ALL": "C", "LANG": "de_DE"]) == "en-us", "LC_ALL=C wins and means the default")
    }

    @Test func digitsAreAllowedInSubtags() {
        #expect(language(["LANG": "es_419.UTF-8"]) == "es-419")
        #expect(language(["LC_ALL": "zh_Hant_TW"]) == "zh-hant-tw")
    }

    @Test(arguments: ["", "C", "POSIX", "C.UTF-8", "en_US!", "e1_US", "english_US", "en__US", "en_toolongsubtag", "_US"])
    func junkGivesEnUS(value: String) {
        #expect(language(["LANG": value]) == "en-us", "\(value)")
    }

    @Test func nothingSetGivesEnUS() {
        #expect(language([:]) == "en-us")
    }

    @Test func localeIdentifierFormStillWorks() {
        #expect(ICWSClientConfiguration.defaultAcceptLanguage(localeIdentifier: "en_US") == "en-us")
        #expect(ICWSClientConfiguration.defaultAcceptLanguage(localeIdentifier: "es_419") == "es-419")
    }
}

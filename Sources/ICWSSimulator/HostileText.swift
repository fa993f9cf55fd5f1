/// Strings that try to take over a terminal: what `hostileData` mode puts into names and error texts.
enum HostileText {
    static let longName = String(repeating: "Very long extract name ", count: 14).prefix(300).description

    static let names: [String] = [
        "Nightly \u{1B}[2J extract",
        "\u{1B}]0;pwned\u{07}Queue stats",
        "Agent \u{9B}31m activity",
        "\u{202E}txe.ylthgin\u{202C} report",
        "\u{2066}isolated\u{2069} wrap-up",
        "Call detail\rOVERWRITTEN",
        longName,
        "夜間抽出ジョブ",
        "夜間抽出ジョブ \u{1B}[31mred\u{1B}[0m \u{9B}2J",
    ]

    static let errorTexts: [String] = [
        "Timeout expired\u{1B}[2J while reading from InteractionSummary (SQL error -2)",
        "\u{1B}]0;pwned\u{07}Output folder \\\\fileserver\\extracts is not writable",
        "SQL error \u{9B}31m -2\r\u{202E}deliaf",
        "書き込みできません: \u{2066}D:\\DataExtractor\u{2069}",
    ]
}

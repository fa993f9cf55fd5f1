/// Names, users and failure texts of the seeded jobs (their datasets come from `DictionaryCatalog`).
enum ReportingCatalog {
    /// Job name stems, combined with the extraction window ("InteractionSummary daily").
    static let nameStems = [
        "Nightly interaction extract", "Agent activity", "Queue stats", "Wrap-up codes", "IVR paths",
        "Call detail", "Workgroup membership", "Custom attributes", "Stats groups", "Agent queue stats",
    ]

    /// Users who submit seeded jobs, with their site.
    static let submitters: [(userID: String, siteId: Int)] = [
        ("admin", 1), ("jdoe", 1), ("mgarcia", 2), ("kwong", 3), ("rpatel", 2), ("sjohnson", 1),
    ]

    /// Plausible reasons for a failed extraction.
    static let errorTexts = [
        "Timeout expired while reading from InteractionSummary (SQL error -2)",
        "Output folder \\\\fileserver\\extracts\\daily is not writable",
        "Login failed for user 'IC_ReportUser' (SQL error 18456)",
        "The transaction log for database 'I3_IC' is full (SQL error 9002)",
        "Column 'CustomNum9' does not exist in InteractionCustomAttributes",
        "Disk D: is full: 0 bytes free, 214 MB needed",
    ]
}

/// CIC reporting tables and views the seeded jobs extract, with their date-time and site filter columns.
struct ReportingDataSet: Sendable {
    let name: String
    let isView: Bool
    let dateTimeColumn: String?
    let siteColumn: String?
    let columns: [String]
}

enum ReportingCatalog {
    static let tables: [ReportingDataSet] = [
        ReportingDataSet(
            name: "InteractionSummary", isView: false, dateTimeColumn: "StartDateTimeUTC", siteColumn: "SiteID",
            columns: ["InteractionIDKey", "SiteID", "SeqNo", "StartDateTimeUTC", "ConnectedDateTimeUTC",
                      "TerminatedDateTimeUTC", "ConnectionType", "Direction", "MediaType", "RemoteID", "DNIS_LocalID",
                      "LastAssignedWorkgroupID", "LastLocalUserId", "tDialing", "tIVRWait", "tQueueWait", "tAlert",
                      "tSuspend", "tConference", "tExternal", "tACW", "nTransfer", "nConference", "Disposition"]),
        ReportingDataSet(
            name: "AgentActivityLog", isView: false, dateTimeColumn: "StatusDateTimeGMT", siteColumn: "SiteId",
            columns: ["UserId", "StatusDateTime", "StatusDateTimeGMT", "EndDateTimeGMT", "StatusKey", "StatusGroup",
                      "LoggedIn", "AcdLoggedIn", "StatusDnDFlag", "StatusACDFlag", "StateDuration", "SiteId"]),
        ReportingDataSet(
            name: "IWrkgrpQueueStats", isView: false, dateTimeColumn: "dIntervalStartUTC", siteColumn: "SiteId",
            columns: ["dIntervalStartUTC", "nDuration", "SiteId", "cName", "cReportGroup", "cHKey3", "cType",
                      "nEnteredAcd", "nAbandonedAcd", "nAnsweredAcd", "tTalkAcd", "tAnsweredAcd", "tAbandonedAcd",
                      "nFlowOutAcd", "nServiceLevel"]),
        ReportingDataSet(
            name: "IAgentQueueStats", isView: false, dateTimeColumn: "dIntervalStartUTC", siteColumn: "SiteId",
            columns: ["dIntervalStartUTC", "nDuration", "SiteId", "cName", "cReportGroup", "cType", "nEnteredAcd",
                      "nAnsweredAcd", "tAgentTalk", "tAgentAcw", "tAgentLoggedIn", "tAgentAvailable", "tAgentOnAcdCall"]),
        ReportingDataSet(
            name: "IStatsGroup", isView: false, dateTimeColumn: "dIntervalStartUTC", siteColumn: "SiteId",
            columns: ["dIntervalStartUTC", "nDuration", "SiteId", "cName", "cReportGroup", "cStatsGroup",
                      "nEnteredAcd", "nAnsweredAcd", "tAnsweredAcd"]),
        ReportingDataSet(
            name: "InteractionCustomAttributes", isView: false, dateTimeColumn: "StartDateTimeUTC", siteColumn: "SiteID",
            columns: ["InteractionIDKey", "SiteID", "SeqNo", "StartDateTimeUTC", "CustomString1", "CustomString2",
                      "CustomNum1", "CustomDateTime1"]),
        ReportingDataSet(
            name: "InteractionWrapup", isView: false, dateTimeColumn: "WrapupStartDateTimeUTC", siteColumn: "SiteID",
            columns: ["InteractionIDKey", "SiteID", "SeqNo", "WrapupStartDateTimeUTC", "WrapupCode", "WrapupCategory",
                      "WorkgroupID", "UserID"]),
        ReportingDataSet(
            name: "IVRHistory", isView: false, dateTimeColumn: "NodeEnterTimeGMT", siteColumn: "SiteId",
            columns: ["CallId", "CallIDKey", "SeqNo", "NodeName", "NodeType", "NodeEnterTimeGMT", "NodeDuration",
                      "ProfileName", "ExitCode", "SiteId"]),
        ReportingDataSet(
            name: "UserWorkgroups", isView: false, dateTimeColumn: nil, siteColumn: "SiteId",
            columns: ["UserId", "WorkGroup", "SiteId"]),
    ]

    static let views: [ReportingDataSet] = [
        ReportingDataSet(
            name: "UserStatus_viw", isView: true, dateTimeColumn: "StatusDateTimeGMT", siteColumn: "SiteId",
            columns: ["UserId", "StatusKey", "StatusDateTimeGMT", "EndDateTimeGMT", "StateDuration", "SiteId"]),
        ReportingDataSet(
            name: "IWrkgrpQueueStats_viw", isView: true, dateTimeColumn: "dIntervalStartUTC", siteColumn: "SiteId",
            columns: ["dIntervalStartUTC", "nDuration", "SiteId", "cName", "nEnteredAcd", "nAbandonedAcd",
                      "nAnsweredAcd", "tAnsweredAcd", "nServiceLevel"]),
        ReportingDataSet(
            name: "CallDetail_viw", isView: true, dateTimeColumn: "InitiatedDateTimeGMT", siteColumn: "SiteId",
            columns: ["CallId", "CallType", "CallDirection", "LineId", "StationId", "LocalUserId", "LocalNumber",
                      "RemoteNumber", "InitiatedDateTimeGMT", "ConnectedDateTimeGMT", "TerminatedDateTimeGMT",
                      "CallDurationSeconds", "HoldDurationSeconds", "AssignedWorkGroup", "SiteId"]),
    ]

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

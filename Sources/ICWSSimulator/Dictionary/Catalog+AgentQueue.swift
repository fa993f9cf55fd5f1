import ICWSWire

extension DictionaryCatalog {
    static let agentTables: [DictionaryDataSet] = [
        table("AgentActivityLog", agentData, dateTime: "StatusDateTimeGMT", site: "SiteId",
              "Every status change of every user: the agent state data.", key: ["UserId", "StatusDateTime"], [
                userId,
                col("StatusDateTime", "datetime", 8, "When the status began (server local time)."),
                col("StatusDateTimeGMT", "datetime", 8, "When the status began (GMT)."),
                col("ChangedStatus", "bit", 1, "1 when the status itself changed, 0 for a login or ACD change only."),
                col("ChangedLoggedIn", "bit", 1, "1 when the login state changed."),
                col("ChangedAcdLoggedIn", "bit", 1, "1 when the ACD login state changed."),
                col("StatusKey", "nvarchar", 50, "The status, e.g. Available, Do Not Disturb, At Lunch."),
                col("StatusGroup", "nvarchar", 50, "Group of the status: Available, Break, Followup, Unavailable."),
                col("LoggedIn", "bit", 1, "1 when logged in to CIC."),
                col("AcdLoggedIn", "bit", 1, "1 when logged in to ACD."),
                col("StatusDnDFlag", "bit", 1, "1 when the status is do-not-disturb."),
                col("StatusACDFlag", "bit", 1, "1 when the status makes the agent available for ACD."),
                col("EndDateTime", "datetime", 8, "When the status ended (server local time)."),
                col("EndDateTimeGMT", "datetime", 8, "When the status ended (GMT)."),
                col("StateDuration", "int", 4, "Seconds in the status."),
                siteId, subSiteId, timestamp,
              ]),
        table("AgentQueueActivationHist", agentData, dateTime: "ActivationDateTimeUTC", site: "SiteId",
              "When agents were activated and deactivated in workgroup queues.", key: ["UserId", "WorkgroupName", "ActivationDateTimeUTC"], [
                userId,
                col("WorkgroupName", "nvarchar", 100, "Workgroup of the queue."),
                col("ActivationDateTimeUTC", "datetime2", 8, "When the change happened (UTC)."),
                col("Activated", "bit", 1, "1 activated, 0 deactivated."),
                col("ChangedByUserId", "nvarchar", 50, .yes, "Who made the change."),
                siteId, timestamp,
              ]),
        table("UserWorkgroups", mirrorData, site: "SiteId",
              "User to workgroup membership, mirrored from the configuration.", key: ["UserId", "WorkGroup"], [
                userId,
                col("WorkGroup", "nvarchar", 100, "Workgroup the user belongs to."),
                siteId, subSiteId, timestamp,
              ]),
    ]

    /// Columns of the interval queue statistics tables.
    static let queueIntervalColumns: [DictionaryColumn] = [
        intervalStart, intervalStartUTC, intervalDuration, siteId, subSiteId,
        col("cName", "nvarchar", 100, "Queue name: the workgroup, the agent or the statistics group."),
        col("cReportGroup", "nvarchar", 50, "Report group (default '*')."),
        col("cHKey3", "nvarchar", 50, "Hierarchy key 3 (default '*')."),
        col("cHKey4", "nvarchar", 50, "Hierarchy key 4 (default '*')."),
        col("cType", "char", 1, "Queue type: W workgroup, U user, S station."),
        col("nEnteredAcd", "int", 4, "ACD interactions that entered the queue."),
        col("nAbandonedAcd", "int", 4, "ACD interactions abandoned in the queue."),
        col("nAnsweredAcd", "int", 4, "ACD interactions answered."),
        col("nFlowOutAcd", "int", 4, "ACD interactions that left the queue unanswered by flowing out."),
        col("tAnsweredAcd", "int", 4, "Seconds ACD interactions waited before being answered."),
        col("tAbandonedAcd", "int", 4, "Seconds abandoned ACD interactions waited."),
        col("tTalkAcd", "int", 4, "Seconds talking on ACD interactions."),
        col("tAcw", "int", 4, "Seconds of after-call work."),
        col("nServiceLevel", "int", 4, "Service level target in seconds."),
        col("nAnsweredAcdSvcLvl", "int", 4, "ACD interactions answered within the service level."),
        timestamp,
    ]

    static let queueTables: [DictionaryDataSet] = [
        table("IWrkgrpQueueStats", queueData, dateTime: "dIntervalStartUTC",
              "Workgroup queue statistics per interval.", key: ["dIntervalStart", "cName", "cReportGroup", "cHKey3", "cHKey4", "SiteId"],
              queueIntervalColumns),
        table("IAgentQueueStats", queueData, dateTime: "dIntervalStartUTC",
              "Agent queue period statistics per interval: each agent in each workgroup queue.",
              key: ["dIntervalStart", "cName", "cReportGroup", "cHKey3", "cHKey4", "SiteId"], queueIntervalColumns + [
                col("tAgentLoggedIn", "int", 4, "Seconds the agent was logged in."),
                col("tAgentAvailable", "int", 4, "Seconds the agent was available for ACD."),
                col("tAgentOnAcdCall", "int", 4, "Seconds on ACD interactions."),
                col("tAgentDND", "int", 4, "Seconds in a do-not-disturb status."),
              ]),
        table("IStatsGroup", queueData, dateTime: "dIntervalStartUTC",
              "Statistics group queue statistics per interval.", key: ["dIntervalStart", "cName", "cStatsGroup", "SiteId"],
              queueIntervalColumns + [col("cStatsGroup", "nvarchar", 50, "The statistics group.")]),
    ]

    static let lineTables: [DictionaryDataSet] = [
        table("ILineStats", lineData, dateTime: "dIntervalStartUTC",
              "Line statistics per interval.", key: ["dIntervalStart", "cName", "SiteId"], [
                intervalStart, intervalStartUTC, intervalDuration, siteId,
                col("cName", "nvarchar", 50, "The line."),
                col("nInbound", "int", 4, "Inbound calls."),
                col("nOutbound", "int", 4, "Outbound calls."),
                col("tInbound", "int", 4, "Seconds of inbound calls."),
                col("tOutbound", "int", 4, "Seconds of outbound calls."),
                col("nBlocked", "int", 4, "Calls blocked because every channel was busy."),
                col("tAllBusy", "int", 4, "Seconds with every channel busy."),
                timestamp,
              ]),
        table("ILineGroupStats", lineData, dateTime: "dIntervalStartUTC",
              "Line group statistics per interval.", key: ["dIntervalStart", "cName", "SiteId"], [
                intervalStart, intervalStartUTC, intervalDuration, siteId,
                col("cName", "nvarchar", 50, "The line group."),
                col("nLines", "int", 4, "Lines in the group."),
                col("nInbound", "int", 4, "Inbound calls."),
                col("nOutbound", "int", 4, "Outbound calls."),
                col("tAllBusy", "int", 4, "Seconds with every line busy."),
                timestamp,
              ]),
    ]
}

import Foundation
import GRDB
import ICWSWire

/// How a job lies in the cache (schema 2): its status as columns (decoding 100,000 statuses from
/// JSON cost more than the rest of a warm start), and its configuration once per distinct shape: the
/// JSON of the configuration without its id, name and window, which the jobs of a series share; the
/// name and window are columns of the job.
enum CachedJobRows {
    static let schema = """
        CREATE TABLE config (id INTEGER PRIMARY KEY, digest TEXT NOT NULL, body BLOB NOT NULL);
        CREATE INDEX config_digest ON config (digest);
        CREATE TABLE job (id TEXT PRIMARY KEY NOT NULL, ordinal INTEGER NOT NULL, name TEXT NOT NULL, user TEXT NOT NULL,
                          userSite INTEGER, state INTEGER, submitted REAL, queued REAL, started REAL, finished REAL,
                          failed REAL, canceled REAL, changed REAL, cancelUser TEXT, outputFolder TEXT, errorInfo TEXT,
                          config INTEGER, configName TEXT, windowStart REAL, windowEnd REAL, purged INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX job_ordinal ON job (ordinal);
        CREATE TABLE pending (id TEXT PRIMARY KEY NOT NULL);
        CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        """

    /// The upsert of one ended job: a later read keeps a known configuration when the server
    /// sends none, and places the job where this read found it (a read files a stretch of the
    /// server's list that joins the cached one, newest first). `keepingPlace`: a job already
    /// cached stays where it is (an older page: its new jobs go below every cached one, and the
    /// cached ones it repeats are not moved there with them).
    static func upsert(keepingPlace: Bool) -> String {
        """
        INSERT INTO job (id, ordinal, name, user, userSite, state, submitted, queued, started, finished, failed, canceled,
                         changed, cancelUser, outputFolder, errorInfo, config, configName, windowStart, windowEnd, purged)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
        ON CONFLICT(id) DO UPDATE SET ordinal = \(keepingPlace ? "job.ordinal" : "excluded.ordinal"),
            name = excluded.name, user = excluded.user, userSite = excluded.userSite, state = excluded.state, submitted = excluded.submitted, queued = excluded.queued, started = excluded.started,
            finished = excluded.finished, failed = excluded.failed, canceled = excluded.canceled, changed = excluded.changed,
            cancelUser = excluded.cancelUser, outputFolder = excluded.outputFolder, errorInfo = excluded.errorInfo,
            config = coalesce(excluded.config, job.config),
            configName = CASE WHEN excluded.config IS NULL THEN job.configName ELSE excluded.configName END,
            windowStart = CASE WHEN excluded.config IS NULL THEN job.windowStart ELSE excluded.windowStart END,
            windowEnd = CASE WHEN excluded.config IS NULL THEN job.windowEnd ELSE excluded.windowEnd END,
            purged = 0
        """
    }

    /// The jobs newest first, a slice at a time (`CachedJobSlices`), with the ordinal last
    /// (`ordinalColumn`); `from`: from a given ordinal down (its one argument), ties by id, highest first.
    static func selectSlice(from: Bool) -> String {
        """
        SELECT id, name, user, userSite, state, submitted, queued, started, finished, failed, canceled, changed,
               cancelUser, outputFolder, errorInfo, config, configName, windowStart, windowEnd, purged, ordinal
        FROM job \(from ? "WHERE ordinal <= ?" : "") ORDER BY ordinal DESC, id DESC
        """
    }

    static let ordinalColumn = 20

    static func arguments(_ status: JobStatus, ordinal: Int, config: Int64?, _ full: JobConfig?) -> StatementArguments {
        func time(_ date: Date?) -> Double? { date?.timeIntervalSinceReferenceDate }
        let state: Int? = status.state.map(\.rawValue)
        let values: [(any DatabaseValueConvertible)?] = [
            status.id, ordinal, status.name, status.submittedUserId, status.submittedUserSiteId, state,
            time(status.submitTime), time(status.queuedTime), time(status.startedTime), time(status.finishedTime),
            time(status.failedTime), time(status.canceledTime), time(status.stateChangedTime), status.cancelUserId,
            status.outputFolder, status.errorInfo, config, full?.name, time(full?.startTimeFilter), time(full?.endTimeFilter),
        ]
        return StatementArguments(values)
    }

    /// The configuration without what varies from one run of a series to the next (id, name, window):
    /// stored once for every job that shares it.
    static func shape(of config: JobConfig) -> JobConfig {
        var shape = config
        shape.id = nil
        shape.name = ""
        shape.startTimeFilter = nil
        shape.endTimeFilter = nil
        return shape
    }

    /// The row of `shape` (a configuration's `shape(of:)`) in table `config`, added if new.
    static func configId(_ shape: JobConfig, db: Database, encoder: JSONEncoder) throws -> Int64 {
        let body = try encoder.encode(shape)
        let digest = CacheFiles.fnv1a(String(decoding: body, as: UTF8.self))
        if let found = try Int64.fetchOne(db, sql: "SELECT id FROM config WHERE digest = ? AND body = ?", arguments: [digest, body]) {
            return found
        }
        try db.execute(sql: "INSERT INTO config (digest, body) VALUES (?, ?)", arguments: [digest, body])
        return db.lastInsertedRowID
    }

    /// Reads jobs back: each configuration shape decoded once and shared by its jobs (copy on
    /// write: their datasets and columns are one copy in memory), repeated texts interned.
    struct Reader {
        private var shapes: [Int64: JobConfig] = [:]
        private var texts: [String: String] = [:]

        init(_ db: Database) throws {
            let decoder = ICWSJSON.decoder()
            let rows = try Row.fetchCursor(db, sql: "SELECT id, body FROM config")
            while let row = try rows.next() {
                let body: Data = row[1]
                shapes[row[0]] = try decoder.decode(JobConfig.self, from: body)
            }
        }

        private mutating func intern(_ text: String?) -> String? {
            guard let text else { return nil }
            if let known = texts[text] { return known }
            texts[text] = text
            return text
        }

        mutating func job(_ row: Row) -> CachedJob {
            func time(_ index: Int) -> Date? { (row[index] as Double?).map(Date.init(timeIntervalSinceReferenceDate:)) }
            let id: String = row[0]
            let status = JobStatus(
                id: id, name: intern(row[1]) ?? "", submittedUserId: intern(row[2]) ?? "", submittedUserSiteId: row[3],
                state: (row[4] as Int?).map(JobState.init(rawValue:)), submitTime: time(5), queuedTime: time(6),
                startedTime: time(7), finishedTime: time(8), failedTime: time(9), canceledTime: time(10),
                stateChangedTime: time(11), cancelUserId: intern(row[12]), outputFolder: row[13], errorInfo: intern(row[14]))
            var config = (row[15] as Int64?).flatMap { shapes[$0] }
            if config != nil {
                config!.id = id
                config!.name = intern(row[16]) ?? ""
                config!.startTimeFilter = time(17)
                config!.endTimeFilter = time(18)
            }
            return CachedJob(status: status, config: config, purged: row[19])
        }
    }
}

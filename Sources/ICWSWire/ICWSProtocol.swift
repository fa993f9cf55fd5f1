import Foundation

/// Constants of the ICWS HTTP protocol shared by client and simulator.
public enum ICWSProtocol {
    public static let mediaType = "application/vnd.inin.icws+json"
    public static let requestContentType = "application/vnd.inin.icws+json;charset=utf-8"
    public static let eventStreamType = "text/event-stream"
    public static let sessionIdHeader = "ININ-ICWS-Session-ID"
    public static let csrfTokenHeader = "ININ-ICWS-CSRF-Token"
    public static let cookiePrefix = "icws_"
    public static let dataExtractorFeature = "data-extractor"
    public static let messagingFeature = "messaging"
    public static let minimumDataExtractorVersion = 2
    public static let minimumSSEMessagingVersion = 2
    public static let defaultHTTPPort = 8018
    public static let defaultHTTPSPort = 8019
    public static let defaultJobCount = 30

    /// True when a Content-Type header names the ICWS or plain JSON media type (any case, any parameters).
    public static func isJSON(contentType: String?) -> Bool {
        guard let contentType else { return false }
        let base = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return base == mediaType || base == "application/json"
    }
}

/// Paths of the resources dxtop uses. Session ids and job ids are percent-encoded as path segments.
public enum ICWSPath {
    public static let connection = "/icws/connection"
    public static let features = "/icws/connection/features"
    public static let version = "/icws/connection/version"

    public static func sessionConnection(_ sessionId: String) -> String { "/icws/\(segment(sessionId))/connection" }
    public static func jobs(_ sessionId: String) -> String { "/icws/\(segment(sessionId))/data-extractor/jobs" }
    public static func job(_ sessionId: String, _ jobId: String) -> String { "\(jobs(sessionId))/\(segment(jobId))" }
    public static func jobStatusSubscription(_ sessionId: String) -> String {
        "/icws/\(segment(sessionId))/messaging/subscriptions/data-extractor/jobs-statuses"
    }
    public static func messages(_ sessionId: String) -> String { "/icws/\(segment(sessionId))/messaging/messages" }
    public static func heartbeat(_ sessionId: String) -> String { "/icws/\(segment(sessionId))/messaging/heartbeat" }

    /// The RFC 3986 unreserved characters (ASCII letters, digits, `-._~`): the only ones left as
    /// they are in path segments and query values. ASCII only, unlike `CharacterSet.alphanumerics`.
    public static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Percent-encodes one path segment (unreserved characters stay).
    public static func segment(_ raw: String) -> String {
        raw.addingPercentEncoding(withAllowedCharacters: unreserved) ?? raw
    }
}

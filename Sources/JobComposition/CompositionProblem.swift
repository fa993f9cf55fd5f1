/// One reason a job cannot be submitted, in the server's words: `property` is the `jobConfig`
/// property at fault (the `propertyName` of a 400), `message` one sentence naming what is wrong.
public struct CompositionProblem: Hashable, Sendable, CustomStringConvertible {
    public var property: String
    public var message: String

    public init(property: String, message: String) {
        self.property = property
        self.message = message
    }

    public var description: String { message }
}

/// The problems of a job that was not built; `description` is one line with all of them.
public struct CompositionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [CompositionProblem]

    public init(_ problems: [CompositionProblem]) { self.problems = problems }

    public var description: String { problems.map(\.message).joined(separator: " ") }
}

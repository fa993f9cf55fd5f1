/// A listing failed after some of it was written: the exit status and message are the cause's,
/// and the message says how much stdout holds, so a script can tell a short list from a whole one.
struct PartialOutput: Error {
    let cause: any Error
    let written: Int

    var note: String { " (\(written) job\(written == 1 ? "" : "s") written before the failure)" }
}

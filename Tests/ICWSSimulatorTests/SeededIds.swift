import ICWSSimulator

extension ICWSSimulator {
    /// The ids of the jobs, newest first (seeded ids are GUIDs drawn from the seed: tests name a
    /// job by its place, not by a number).
    func jobIds() async -> [String] { await allJobStatuses().map(\.id) }

    /// The id of the `age`th newest job (0: the newest).
    func jobId(age: Int) async -> String { await jobIds()[age] }
}

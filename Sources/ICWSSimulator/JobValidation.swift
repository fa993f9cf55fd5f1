import Hummingbird
import ICWSWire
import JobComposition

/// Checks a submitted `jobConfig` against the simulator's data dictionary with the server's rules
/// (`JobRules`); the first problem becomes a 400 naming the property.
enum JobValidation {
    static func problem(in config: JobConfig) -> Response? {
        guard let first = JobRules.problems(in: config, dictionary: DictionaryCatalog.dictionary).first else { return nil }
        return ICWSResponse.invalidProperty(first.property, first.message)
    }
}

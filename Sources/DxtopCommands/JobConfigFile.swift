import Foundation
import ICWSWire

/// Reading a job configuration file. Its content is checked by the server, which says what is wrong.
enum JobConfigFile {
    static func read(_ path: String) throws -> JobConfig {
        let label = path == "-" ? "standard input" : path
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.failure("cannot read \(label): \((error as NSError).localizedDescription)")
        }
        let config: JobConfig
        do {
            config = try ICWSJSON.decode(JobConfig.self, from: data)
        } catch {
            throw CLIError.failure("\(label): not a job configuration: \(ICWSJSON.describe(error))")
        }
        return config
    }
}

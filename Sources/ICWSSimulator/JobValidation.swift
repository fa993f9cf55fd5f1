import Hummingbird
import ICWSWire

/// Checks a submitted `jobConfig`; the first problem becomes a 400 naming the property.
enum JobValidation {
    static func problem(in config: JobConfig) -> Response? {
        if config.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return ICWSResponse.invalidProperty("name", "The job name must not be empty.")
        }
        let dataSets = config.tableConfigs.map { ("tables", $0) } + config.viewConfigs.map { ("views", $0) }
        if dataSets.isEmpty {
            return ICWSResponse.invalidProperty("tables", "A job needs at least one table or view.")
        }
        for (kind, dataSet) in dataSets {
            if dataSet.name.trimmingCharacters(in: .whitespaces).isEmpty {
                return ICWSResponse.invalidProperty(kind, "Every table and view needs a name.")
            }
            if dataSet.column.isEmpty {
                return ICWSResponse.invalidProperty("column", "\(dataSet.name) needs at least one column.")
            }
        }
        if let start = config.startTimeFilter, let end = config.endTimeFilter, end <= start {
            return ICWSResponse.invalidProperty("endTimeFilter", "endTimeFilter must be later than startTimeFilter.")
        }
        return nil
    }
}

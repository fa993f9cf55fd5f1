import ICWSSimulator

typealias ICWSSimulatorUnderTest = ICWSSimulator

/// Named configurations for tests: frozen clock unless a test needs the engine.
struct SimulatorConfigurationForTests {
    var value: SimulatorConfiguration

    static let frozen = SimulatorConfigurationForTests(value: SimulatorConfiguration(jobCount: 60, speed: 0))

    static func with(_ change: (inout SimulatorConfiguration) -> Void) -> SimulatorConfigurationForTests {
        var configuration = SimulatorConfiguration(jobCount: 60, speed: 0)
        change(&configuration)
        return SimulatorConfigurationForTests(value: configuration)
    }
}

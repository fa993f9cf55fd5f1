import DashboardRuntime
import ArgumentParser
import Foundation
import ICWSSimulator

/// `dxtop simulate`: an ICWS simulator in the foreground until SIGINT/SIGTERM.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run an ICWS simulator in the foreground (to try dxtop without a CIC server).",
        discussion: """
            Prints its URL and the users and passwords it accepts; stops on Ctrl-C or SIGTERM, printing how many \
            requests it served and the bytes of their answers. Benchmarks read those counts while it runs from \
            GET /simulator/traffic, and start a burst of status changes with POST /simulator/burst?changes=N&seconds=S \
            (docs/simulator.md).
            """)

    @Option(name: .long, help: "Loopback address to listen on (127.0.0.0/8, localhost or ::1).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port (0 picks a free one).")
    var port = 8018

    @Option(name: .long, help: ArgumentHelp("Number of seeded jobs.", valueName: "n"))
    var jobs = 60

    @Option(name: .long, help: ArgumentHelp("How many of the newest seeded jobs are still running (default: 6 to 10).", valueName: "n"))
    var active: Int?

    @Option(name: .long, help: ArgumentHelp("Job clock speed factor (0 freezes the jobs).", valueName: "x"))
    var speed = 1.0

    @Option(name: .long, help: ArgumentHelp("Seed of every random choice.", valueName: "n"))
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Put escape sequences, bidi overrides, CJK and very long text into job data.")
    var hostile = false

    @Flag(name: .long, help: "Seed 70 days of daily, weekly and monthly extracts (series with streaks, a gap, an overlap) instead of random jobs; a --jobs above ~250 adds a year of a few hundred more extracts, to about --jobs jobs.")
    var seriesHistory = false

    @Option(name: .long, help: ArgumentHelp("Version of the messaging feature (below 2: no server-sent events).", valueName: "n"))
    var messagingVersion = 2

    @Option(name: .long, help: ArgumentHelp("Delay every answer by this many milliseconds (a slow server).", valueName: "ms"))
    var latency = 0

    @Option(name: .long, help: ArgumentHelp(
        "Server behaviour the ICWS docs leave open: \(ServerProfile.names) (docs/simulator.md).", valueName: "name"))
    var profile = ServerProfile.standard.name

    @Option(name: .long, help: ArgumentHelp("Write a log to this file (default: no log).", valueName: "path"))
    var logFile: String?

    func validate() throws {
        guard LoopbackHost.isLoopback(host) else {
            throw ValidationError("--host must be a loopback address (127.0.0.0/8, localhost or ::1), not '\(host)'")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard jobs >= 0 else { throw ValidationError("--jobs cannot be negative") }
        if let active, active < 0 { throw ValidationError("--active cannot be negative") }
        guard speed >= 0, speed.isFinite else { throw ValidationError("--speed must be 0 or more") }
        guard latency >= 0 else { throw ValidationError("--latency cannot be negative") }
        guard messagingVersion >= 1 else { throw ValidationError("--messaging-version must be at least 1") }
    }

    func run() throws {
        guard let serverProfile = ServerProfile.named(profile) else {
            throw CLIError.usage("--profile: no profile named '\(ConfigFile.visible(profile))' (\(ServerProfile.names))")
        }
        _ = try LoggingSetup.logger(logFile: logFile)
        var seeded = SimulatorConfiguration(
            host: host, port: port, jobCount: jobs, speed: speed, seed: seed, hostileData: hostile,
            messagingVersion: messagingVersion, profile: serverProfile)
        seeded.activeJobCount = active
        seeded.seriesHistory = seriesHistory
        let configuration = seeded
        let trap = SignalTrap()
        defer { trap.cancel() }
        try BlockingAsync.run {
            let simulator = ICWSSimulator(configuration: configuration)
            do {
                try await simulator.start()
            } catch {
                throw CLIError.failure(ListenFailure.message(host: configuration.host, port: configuration.port, error: error))
            }
            if latency > 0 { await simulator.setFaults(SimulatorFaults(latency: .milliseconds(latency))) }
            StandardStreams.out("ICWS simulator listening on \(simulator.baseURL)")
            if serverProfile != .standard { StandardStreams.out("Profile \(serverProfile.name): \(serverProfile.summary)") }
            StandardStreams.out("Users (user / password):")
            for line in SimulatorUser.printableList(configuration.users) { StandardStreams.out("  " + line) }
            StandardStreams.out("Try: ICWS_SERVER=\(simulator.baseURL) ICWS_USER=admin ICWS_PASSWORD=... dxtop")
            StandardStreams.out("Press Ctrl-C to stop.")
            _ = await trap.next()
            await simulator.stop()
            let traffic = simulator.traffic()
            StandardStreams.err("simulator stopped; served \(traffic.totalRequests) requests, \(traffic.totalAnswerBytes) bytes of answers")
        }
    }
}

// swift-tools-version: 6.0
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "dxtop",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dxtop", targets: ["dxtop"]),
        .library(name: "ICWSClient", targets: ["ICWSClient"]),
        .library(name: "ICWSSimulator", targets: ["ICWSSimulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Wire format shared by the client and the simulator: models, dates, error bodies, messages.
        .target(name: "ICWSWire", dependencies: ["DisplayText"], swiftSettings: strict),
        // Composing jobs without I/O: drafts to jobConfigs, time windows, resubmits, the server's rules.
        .target(name: "JobComposition", dependencies: ["ICWSWire"], swiftSettings: strict),
        // Run history without I/O: series, baselines, progress, failure streaks, coverage (docs/insight.md).
        .target(name: "Insight", dependencies: ["ICWSWire", "JobComposition", "SlotTable"], swiftSettings: strict),
        // Ended jobs (status and configuration) kept in SQLite per server and user, so a start reads only what is new (docs/insight.md).
        .target(name: "HistoryCache", dependencies: ["ICWSWire", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        // Bringing a history cache up to date with its server at the least cost (the insight commands and the exporter).
        .target(name: "HistorySync", dependencies: ["DisplayText", "HistoryCache", "ICWSClient", "ICWSWire"], swiftSettings: strict),
        // The model's speed on a synthetic history (docs/performance.md); not a test.
        .executableTarget(name: "insight-bench", dependencies: ["Insight", "ICWSWire", "HistoryCache"], path: "bench/InsightBench", swiftSettings: strict),
        // The history, timeline and coverage screens' frame and key times at 200x50 over a large history (docs/performance.md).
        .executableTarget(name: "screens-bench", dependencies: ["DashboardKit", "ICWSWire"], path: "bench/ScreensBench", swiftSettings: strict),
        // The API core: session, data-extractor calls, messaging. The only code that speaks HTTP as a client.
        .target(
            name: "ICWSClient",
            dependencies: [
                "ICWSWire", "DisplayText",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // An ICWS server on loopback with a moving job engine and fault knobs.
        .target(
            name: "ICWSSimulator",
            dependencies: [
                "ICWSWire", "JobComposition",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // Terminal-safe text: sanitising server strings, display width, time and duration formats.
        .target(name: "DisplayText", swiftSettings: strict),
        // The job filter people type (`state:failed user:jdoe since:2d`), parsed and matched without I/O.
        .target(name: "JobQuery", dependencies: ["ICWSWire", "DisplayText"], swiftSettings: strict),
        // Copying to the terminal's clipboard (OSC 52, wrapped for tmux and screen) as bytes, without I/O.
        .target(name: "Clipboard", swiftSettings: strict),
        // The dashboard's state, actions, pure update function and views over a surface protocol.
        .target(name: "DashboardKit", dependencies: ["ICWSWire", "DisplayText", "JobComposition", "Insight", "JobQuery", "Clipboard", "SlotTable"], swiftSettings: strict),
        .target(
            name: "CNcursesw",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        // The VERSION file's text, and the commit and build date scripts/package.sh stamps (docs/packaging.md).
        .target(name: "CBuildInfo"),
        // The dashboard's loop apart from curses: state and effects over an input source, a display,
        // a wake and a job service (the ICWS one owns session and feed); the signal trap.
        .target(
            name: "DashboardRuntime",
            dependencies: ["DashboardKit", "ICWSClient", "ICWSWire", "ProcessMemory", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        // The dashboard's history store over the history cache: restored at the start, fed with the pages it reads.
        .target(
            name: "DashboardCache",
            dependencies: ["DashboardRuntime", "DisplayText", "HistoryCache", "HistorySync", "ICWSClient", "ICWSWire",
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        // The thin curses adapter: terminal setup and teardown, the curses surface, key reading, poll.
        .target(
            name: "DashboardTerminal",
            dependencies: ["CNcursesw", "DashboardKit", "DashboardRuntime", "ICWSClient", "ICWSWire",
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        // `dxtop exporter`: follows servers like the dashboard and holds their metrics for Prometheus
        // (served over HTTP, or written to a textfile); scrapes never wait on a server.
        .target(
            name: "Exporter",
            dependencies: [
                "DisplayText", "HistoryCache", "HistorySync", "ICWSClient", "ICWSWire", "Insight", "ProcessMemory",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // Starting a child process with posix_spawn (not Foundation's Process; see the type's comment).
        .target(name: "ChildProcess", swiftSettings: strict),
        // A hash table of 4-byte slots whose keys live in the caller's arrays.
        .target(name: "SlotTable", swiftSettings: strict),
        // Handing freed memory back to the system (glibc's mallopt and malloc_trim).
        .target(name: "ProcessMemory", swiftSettings: strict),
        // Command-line parsing and the `jobs` / `simulate` commands.
        .target(
            name: "DxtopCommands",
            dependencies: [
                "CBuildInfo", "ChildProcess", "Clipboard", "DashboardCache", "HistoryCache", "HistorySync", "JobQuery", "ICWSClient", "ICWSSimulator", "ICWSWire", "Insight", "JobComposition", "DisplayText", "DashboardRuntime", "DashboardTerminal",
                "Exporter", "ProcessMemory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "dxtop", dependencies: ["DxtopCommands"], swiftSettings: strict),

        .testTarget(name: "ICWSWireTests", dependencies: ["ICWSWire"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "InsightTests", dependencies: ["Insight", "ICWSWire", "JobComposition"], swiftSettings: strict),
        .testTarget(name: "HistoryCacheTests", dependencies: ["HistoryCache", "ICWSWire", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .testTarget(name: "JobCompositionTests", dependencies: ["JobComposition", "ICWSWire"], swiftSettings: strict),
        // Test support: fixture certificates and a loopback HTTPS server (TLS and doctor tests).
        .target(name: "TLSTestSupport", dependencies: [
            "ICWSWire",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ], path: "Tests/TLSTestSupport", exclude: ["make-certificates.sh"], swiftSettings: strict),
        // Test support: plain loopback sockets for the hand-made servers and proxies.
        .target(name: "LoopbackSockets", path: "Tests/LoopbackSockets", swiftSettings: strict),
        // Test support: a clock the tests move (timers wait on it instead of shrinking).
        .target(name: "TestClock", dependencies: ["ICWSClient"], path: "Tests/TestClock", swiftSettings: strict),
        .testTarget(name: "ICWSClientTests", dependencies: ["ICWSClient", "ICWSSimulator", "ICWSWire", "TLSTestSupport", "TestClock"], swiftSettings: strict),
        .testTarget(name: "ICWSSimulatorTests", dependencies: [
            "ICWSSimulator", "ICWSWire", "JobComposition", "LoopbackSockets",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ], swiftSettings: strict),
        .testTarget(name: "DisplayTextTests", dependencies: ["DisplayText"], swiftSettings: strict),
        // docs/architecture.md's module diagram against this file's targets (reads both as text).
        .testTarget(name: "ArchitectureTests", swiftSettings: strict),
        .testTarget(name: "JobQueryTests", dependencies: ["JobQuery", "ICWSWire"], swiftSettings: strict),
        .testTarget(name: "ClipboardTests", dependencies: ["Clipboard"], swiftSettings: strict),
        .testTarget(name: "ProcessMemoryTests", dependencies: ["ProcessMemory"], swiftSettings: strict),
        .testTarget(name: "DashboardKitTests", dependencies: ["DashboardKit", "ICWSWire", "DisplayText", "JobComposition", "Insight"], exclude: ["Snapshots"], swiftSettings: strict),
        .testTarget(name: "DashboardTerminalTests", dependencies: ["DashboardTerminal", "DashboardKit", "CNcursesw"], swiftSettings: strict),
        // The headless pilot: the real runtime and the real simulator over loopback, a grid surface.
        .testTarget(name: "PilotTests", dependencies: [
            "DashboardRuntime", "DashboardKit", "DashboardCache", "HistoryCache", "ICWSClient", "ICWSSimulator", "ICWSWire", "JobComposition", "LoopbackSockets", "TestClock",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // Test support: Debian's prometheus and promtool for the tests with the real thing; exposition parsing.
        .target(name: "PrometheusTestSupport", dependencies: ["ChildProcess"], path: "Tests/PrometheusTestSupport",
                swiftSettings: strict),
        .testTarget(name: "ExporterTests", dependencies: [
            "Exporter", "HistoryCache", "ICWSClient", "ICWSSimulator", "ICWSWire", "PrometheusTestSupport", "TestClock",
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ], swiftSettings: strict),
        .testTarget(name: "DxtopEndToEndTests", dependencies: [
            "ChildProcess", "ICWSSimulator", "ICWSClient", "ICWSWire", "LoopbackSockets", "TLSTestSupport", "PrometheusTestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ], swiftSettings: strict),
    ]
)

import ArgumentParser
import DisplayText
import Foundation
import HistoryCache

/// `dxtop cache info|clear`: the history caches (docs/insight.md, "History cache").
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache", abstract: "Show or clear the history caches of ended jobs.",
        discussion: """
            The insight commands (series list, history, coverage) keep ended jobs with their configurations in one \
            SQLite file per server and user under $XDG_CACHE_HOME/dxtop (else ~/.cache/dxtop), so that a later run \
            reads only what is new. The server stays the source of truth: clearing a cache costs one full read.
            """,
        subcommands: [CacheInfoCommand.self, CacheClearCommand.self])
}

/// The cache files a cache command works on: those of the contexts given with --context (or
/// --server), else every file in the folder; each with the contexts of the config file it serves.
struct CacheSelection {
    let files: [(url: URL, contexts: [String])]

    init(_ global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let folder = CacheFiles.folder(environment: environment)
        let named = !global.context.isEmpty || global.server != nil
        let contexts = named ? try ContextResolver(global, environment: environment).resolve(all: false)
            : (try? ContextResolver(global, environment: environment).resolve(all: true)) ?? []
        var byFile: [URL: [String]] = [:]
        for context in contexts { byFile[HistoryCacheFile.url(for: context), default: []].append(context.label) }
        let urls = named ? Array(byFile.keys).sorted { $0.path < $1.path } : CacheFiles.databases(in: folder)
        files = urls.map { ($0, byFile[$0] ?? []) }
    }
}

struct CacheInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Show each history cache: context, jobs, purged jobs, schema, size and path.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let selection = try CacheSelection(global)
        StandardStreams.out("folder \(TerminalSafe.clean(CacheFiles.folder().path))")
        var table = TextTable(headers: ["CONTEXT", "JOBS", "PURGED", "SCHEMA", "SIZE", "PATH"])
        for (url, contexts) in selection.files {
            let context = contexts.isEmpty ? "-" : contexts.map(TerminalSafe.clean).joined(separator: ",")
            guard FileManager.default.fileExists(atPath: url.path) else {
                table.append([context, "-", "-", "-", "none yet", TerminalSafe.clean(url.path)])
                continue
            }
            let info = try HistoryCache(at: url).info()
            table.append([context, String(info.jobs), String(info.purged), String(info.schemaVersion),
                          Self.size(info.bytes), TerminalSafe.clean(info.path)])
        }
        StandardStreams.out(table.lines().joined(separator: "\n"))
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1 << 20 ? "\((bytes + 1023) / 1024) KiB" : String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
    }
}

struct CacheClearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear", abstract: "Delete the history caches (every one, or those of --context); the next run reads the whole history.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let selection = try CacheSelection(global)
        var removed = 0
        for (url, _) in selection.files where FileManager.default.fileExists(atPath: url.path) {
            try CacheFiles.remove(url)
            removed += 1
        }
        StandardStreams.note("removed \(removed) history cache\(removed == 1 ? "" : "s")")
    }
}

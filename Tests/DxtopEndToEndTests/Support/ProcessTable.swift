import Foundation

/// Reads /proc to find and watch processes that tests did not start themselves (a program run
/// inside a tmux pane).
enum ProcessTable {
    /// Ids of the live children of `parent` whose command name is `name`.
    static func children(of parent: Int32, named name: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let stat = stat(pid) else { return false }
            return stat.parent == parent && stat.name == name && stat.state != "Z"
        }
    }

    /// True while `pid` exists and is not a zombie.
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = stat(pid) else { return false }
        return stat.state != "Z" && stat.state != "X"
    }

    /// Waits until `pid` has exited; false after `timeout`.
    static func waitForExit(_ pid: Int32, timeout: Duration) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if !isRunning(pid) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return !isRunning(pid)
    }

    private static func stat(_ pid: Int32) -> (name: String, state: Character, parent: Int32)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")") else { return nil }
        let name = String(text[text.index(after: open)..<close])
        let fields = text[text.index(close, offsetBy: 2)...].split(separator: " ")
        guard fields.count > 1, let state = fields[0].first, let parent = Int32(fields[1]) else { return nil }
        return (name, state, parent)
    }
}

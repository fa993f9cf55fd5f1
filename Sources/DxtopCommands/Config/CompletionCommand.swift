import ArgumentParser

/// `dxtop completion bash|zsh|fish`: the shell completion script (ArgumentParser's generator);
/// `--context` and `config use` complete the config file's context names.
struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: "Print the shell completion script for bash, zsh or fish.",
        discussion: "bash: source <(dxtop completion bash). zsh: dxtop completion zsh > \"${fpath[1]}/_dxtop\". fish: dxtop completion fish > ~/.config/fish/completions/dxtop.fish.")

    @Argument(help: "bash, zsh or fish.") var shell: String

    func validate() throws {
        guard CompletionShell(rawValue: shell) != nil else {
            throw ValidationError("unknown shell '\(ConfigFile.visible(shell))': bash, zsh or fish")
        }
    }

    func run() throws {
        guard let kind = CompletionShell(rawValue: shell) else { return }
        StandardStreams.out(Dxtop.completionScript(for: kind))
    }
}

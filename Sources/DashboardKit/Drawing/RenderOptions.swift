import Foundation

/// Per-frame drawing choices.
public struct RenderOptions: Sendable {
    public var glyphs: Glyphs
    /// Colours are used only when true; every state also has a word, so nothing is colour-only.
    public var color: Bool
    /// The time elapsed durations are measured against.
    public var now: Date

    public init(glyphs: Glyphs = .unicode, color: Bool = true, now: Date) {
        self.glyphs = glyphs
        self.color = color
        self.now = now
    }
}

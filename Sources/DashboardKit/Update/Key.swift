/// A key the dashboard understands, already decoded from the terminal.
public enum Key: Equatable, Sendable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete
    case ctrlC, ctrlL
    /// A click or a wheel turn (only with `mouse: true`); it goes through `update` like a key.
    case mouse(MouseEvent)
}

/// What the mouse did, at a cell of the screen (0-based, the top-left cell is 0, 0).
public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The left button went down.
        case click
        case wheelUp, wheelDown
    }

    public var kind: Kind
    public var row: Int
    public var col: Int

    public init(_ kind: Kind, row: Int, col: Int) {
        self.kind = kind
        self.row = row
        self.col = col
    }
}

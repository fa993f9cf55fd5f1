/// A key the dashboard understands, already decoded from the terminal.
public enum Key: Equatable, Sendable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete
    case ctrlC, ctrlL
}

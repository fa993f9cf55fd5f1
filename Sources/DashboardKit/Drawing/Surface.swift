/// Where views draw. The curses surface writes to the terminal; `GridSurface` keeps text for tests.
public protocol Surface: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// Blanks the whole surface.
    func clear()
    /// Draws text at (row, col), clipped to the surface width. `text` is already sanitised.
    /// Wide (CJK) characters take 2 cells.
    func put(_ text: String, row: Int, col: Int, style: CellStyle)
}

/// The eight-colour palette the dashboard uses (the background stays the terminal's own).
public enum TextColor: Hashable, Sendable, CaseIterable {
    case red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn. Views name what a cell IS (`role`), and the frame's `Theme` turns that
/// into a colour and attributes when `Canvas` draws it; a surface only ever gets resolved styles
/// (`role` nil).
public struct CellStyle: Hashable, Sendable {
    public var color: TextColor?
    public var bold: Bool
    public var reverse: Bool
    public var dim: Bool
    public var underline: Bool
    /// What the cell shows, for the theme to style; nil for a style given as is.
    public var role: StyleRole?

    public init(color: TextColor? = nil, bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false) {
        self.color = color
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
    }

    /// A cell in `role`: the theme adds its colour and attributes to these flags. `color`, when
    /// given, is the operator's own (a context's colour) and wins over the theme's.
    public init(_ role: StyleRole, color: TextColor? = nil, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.init(color: color, bold: bold, reverse: reverse, underline: underline)
        self.role = role
    }

    public static let plain = CellStyle()
}

/// What a cell shows, as far as its look goes: views ask for a role, the `Theme` picks the colour
/// and attributes. The raw values are the names `colors:` in the config file uses.
public enum StyleRole: String, Hashable, Sendable, CaseIterable {
    /// Job states (the word is always there as well).
    case submitted, queued, started, finished, failed, canceled
    /// A state number the dashboard does not know.
    case unknown
    /// The title and the server in the first header row.
    case header
    /// The job list's column headings.
    case heading
    /// The selected row of the job list.
    case selection
    /// The marked jobs' count and marks.
    case mark
    /// Overdue jobs and failing series.
    case overdue
    /// A cancel sent and not answered yet.
    case pending
    /// A context's name (a context's own `color:` wins).
    case context
    /// A key in the footer and the help.
    case key
    /// The link is up / in trouble / down; an error message.
    case connected, warning, error
    /// Text that matters less (empty states, hints).
    case muted
}

/// Turns roles into styles: one of three base themes, with the operator's own colours on top.
public struct Theme: Equatable, Sendable {
    public enum Name: String, Sendable, CaseIterable {
        /// For a dark background (the default).
        case dark
        /// For a white background: no yellow, cyan or white text.
        case light
        /// Bold and reverse video instead of dim, states in bold.
        case highContrast = "high-contrast"
    }

    public var name: Name
    /// The config's `colors:`: a role's colour, replacing the base theme's.
    public var colors: [StyleRole: TextColor]

    public init(_ name: Name = .dark, colors: [StyleRole: TextColor] = [:]) {
        self.name = name
        self.colors = colors
    }

    public static let dark = Theme()

    /// The style for `role`: the base theme's, with the custom colour if any.
    public func style(_ role: StyleRole) -> CellStyle {
        var style = base(role)
        if let color = colors[role] { style.color = color }
        return style
    }

    /// A view's style as the surface gets it: the role's style under the view's own flags (and its
    /// own colour, which wins); colours without a role moved off unreadable ones; no dim in high
    /// contrast.
    func resolve(_ style: CellStyle) -> CellStyle {
        var out = style
        if let role = style.role {
            let themed = self.style(role)
            out.color = style.color ?? themed.color
            out.bold = style.bold || themed.bold
            out.reverse = style.reverse || themed.reverse
            out.dim = style.dim || themed.dim
            out.underline = style.underline || themed.underline
            out.role = nil
        } else if let color = style.color {
            out.color = readable(color)
        }
        if name == .highContrast, out.dim {
            out.dim = false
        }
        return out
    }

    /// A colour a view gave as is, on this theme's background.
    private func readable(_ color: TextColor) -> TextColor? {
        guard name == .light else { return color }
        switch color {
        case .yellow: return .magenta
        case .cyan: return .blue
        case .white: return nil
        default: return color
        }
    }

    private func base(_ role: StyleRole) -> CellStyle {
        switch name {
        case .dark: Self.darkStyle(role)
        case .light: Self.lightStyle(role)
        case .highContrast: Self.highContrastStyle(role)
        }
    }

    /// The dashboard's colours before themes: a dark background.
    private static func darkStyle(_ role: StyleRole) -> CellStyle {
        switch role {
        case .submitted: CellStyle(color: .blue)
        case .queued: CellStyle(color: .cyan)
        case .started: CellStyle(color: .yellow)
        case .finished: CellStyle(color: .green)
        case .failed: CellStyle(color: .red)
        case .canceled: CellStyle(color: .magenta)
        case .unknown: CellStyle(color: .white)
        case .header: CellStyle(bold: true)
        case .heading: CellStyle(bold: true, underline: true)
        case .selection: CellStyle(reverse: true)
        case .mark: CellStyle(color: .yellow, bold: true)
        case .overdue: CellStyle(color: .red)
        case .pending: CellStyle(color: .yellow)
        case .context: .plain
        case .key: CellStyle(color: .cyan, bold: true)
        case .connected: CellStyle(color: .green, bold: true)
        case .warning: CellStyle(color: .yellow, bold: true)
        case .error: CellStyle(color: .red, bold: true)
        case .muted: CellStyle(dim: true)
        }
    }

    /// Dark text on white: blue, green, red and magenta only.
    private static func lightStyle(_ role: StyleRole) -> CellStyle {
        switch role {
        case .submitted, .unknown: .plain
        case .queued, .started: CellStyle(color: .blue)
        case .canceled, .pending: CellStyle(color: .magenta)
        case .mark: CellStyle(color: .magenta, bold: true)
        case .key: CellStyle(color: .blue, bold: true)
        case .warning: CellStyle(color: .magenta, bold: true)
        default: darkStyle(role)
        }
    }

    /// Attributes carry it: states bold, what needs action in reverse video, nothing dim.
    private static func highContrastStyle(_ role: StyleRole) -> CellStyle {
        var style = darkStyle(role)
        switch role {
        case .failed, .overdue, .error, .selection, .mark:
            style.bold = true
            style.reverse = true
        case .muted:
            style.dim = false
        default:
            style.bold = true
        }
        return style
    }
}

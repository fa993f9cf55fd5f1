/// A scroll over `count` lines shown `room` at a time, kept where the last line shows: one rule for
/// every list and box that `j`/`k` scroll (the bulk dialogs, the copy box), so a `k` after `j` past
/// the bottom always moves.
enum ScrollCap {
    /// The first line shown (a taller screen than at the last key shows more of the end).
    static func top(_ scroll: Int, count: Int, room: Int) -> Int { min(scroll, max(0, count - room)) }

    /// `scroll` moved `lines` down (up when negative).
    static func moved(_ scroll: Int, by lines: Int, count: Int, room: Int) -> Int {
        max(0, min(top(scroll, count: count, room: room) + lines, count - room))
    }
}

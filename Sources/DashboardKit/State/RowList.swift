/// An ordered list of jobs (the merged order, the visible rows) that knows each job's position:
/// slots, and a position per slot. Keys are read through the store (`JobKeys`), so a list of
/// 100,000 rows holds 4 bytes a row and replacing it retains no strings.
///
/// Prepending and appending cost what they add, not the length of the list: positions are
/// stored relative to a `base` that grows as rows go on top, so the rows below are not renumbered
/// (the arrays themselves move in one `memmove` when rows go on top).
struct RowList: Sendable {
    private(set) var slots: [JobStore.Slot] = []
    /// By slot: `position - base`, or `absent`.
    private var relative: [Int32] = []
    private var base: Int32 = 0
    private static let absent = Int32.min

    var count: Int { slots.count }
    var isEmpty: Bool { slots.isEmpty }

    /// The row of `slot`, nil when it is not in the list.
    func position(of slot: JobStore.Slot) -> Int? {
        guard Int(slot) < relative.count, relative[Int(slot)] != Self.absent else { return nil }
        return Int(relative[Int(slot)] + base)
    }

    func contains(_ slot: JobStore.Slot) -> Bool { position(of: slot) != nil }

    mutating func append(contentsOf rows: [JobStore.Slot], store: JobStore) {
        guard !rows.isEmpty else { return }
        reserveSlots(store.count)
        for slot in rows {
            relative[Int(slot)] = Int32(slots.count) - base
            slots.append(slot)
        }
    }

    /// Puts `rows` on top, in their order.
    mutating func prepend(_ rows: [JobStore.Slot], store: JobStore) {
        guard !rows.isEmpty else { return }
        reserveSlots(store.count)
        base += Int32(rows.count)
        for (index, slot) in rows.enumerated() { relative[Int(slot)] = Int32(index) - base }
        slots.insert(contentsOf: rows, at: 0)
    }

    /// Replaces the whole list.
    mutating func replace(with rows: [JobStore.Slot], store: JobStore) {
        slots = rows
        renumber(store: store)
    }

    private mutating func renumber(store: JobStore) {
        relative = Array(repeating: Self.absent, count: store.count)
        base = 0
        for (index, slot) in slots.enumerated() { relative[Int(slot)] = Int32(index) }
    }

    private mutating func reserveSlots(_ count: Int) {
        if relative.count < count { relative.append(contentsOf: repeatElement(Self.absent, count: count - relative.count)) }
    }
}

/// The keys of a list's rows, read from the store by slot.
public struct JobKeys: RandomAccessCollection, Equatable, Sendable {
    let slots: [JobStore.Slot]
    /// The store's keys by slot.
    let keys: [JobKey]

    public var startIndex: Int { 0 }
    public var endIndex: Int { slots.count }
    public subscript(position: Int) -> JobKey { keys[Int(slots[position])] }

    public static func == (a: JobKeys, b: JobKeys) -> Bool { a.elementsEqual(b) }
    public static func == (a: JobKeys, b: [JobKey]) -> Bool { a.elementsEqual(b) }
}

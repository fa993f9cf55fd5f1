import DisplayText

/// `TerminalSafe.clean`, `DisplayWidth` and `TextWrap` on any text: clean output is clean and
/// stable, its width is the sum of its scalars' widths, padding is exact and no wrapped line is
/// wider than asked (a single character wider than the whole width excepted).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = fuzzData(start, count)
    guard let first = bytes.first else { return 0 }
    let width = Int(first % 40) + 1
    let raw = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let clean = TerminalSafe.clean(raw)
    require(TerminalSafe.isClean(clean), "clean output is not clean")
    require(TerminalSafe.clean(clean) == clean, "clean is not stable")
    require(!clean.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }, "a control survived")
    let total = clean.unicodeScalars.reduce(0) { $0 + DisplayWidth.cells($1) }
    require(DisplayWidth.of(clean) == total, "width \(DisplayWidth.of(clean)) is not the scalar sum \(total)")
    require(DisplayWidth.of(DisplayWidth.pad(clean, to: width)) == width || clean.contains(where: { DisplayWidth.of($0) > width }),
            "pad is not \(width) cells")
    require(DisplayWidth.of(DisplayWidth.clip(clean, to: width)) <= width, "clip is over \(width)")
    let maxLines = Int(first % 7) + 1
    let lines = TextWrap.lines(clean, width: width, maxLines: maxLines)
    require(!lines.isEmpty && lines.count <= maxLines, "\(lines.count) lines for at most \(maxLines)")
    for line in lines where DisplayWidth.of(line) > width {
        require(line.count == 1, "line of \(DisplayWidth.of(line)) cells over \(width): \(line.debugDescription)")
    }
    return 0
}

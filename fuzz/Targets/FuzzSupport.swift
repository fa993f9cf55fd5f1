// Shared by every fuzz target (compiled into each): the entry point's input as Data or text, and
// an invariant check that stops the run with the input saved, as libFuzzer does for a crash.

func fuzzData(_ start: UnsafeRawPointer, _ count: Int) -> [UInt8] {
    Array(UnsafeRawBufferPointer(start: start, count: count))
}

func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant broken: \(message())") }
}

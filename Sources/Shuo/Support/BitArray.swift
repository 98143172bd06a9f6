/// A fixed-size array of flags, one bit each. Stages keep several per-character flag arrays;
/// as `[Bool]` they cost a byte a character each, which on a 200 MB document is most of the
/// memory a stage needs.
public struct BitArray: Sendable {
    private var words: [UInt64]
    public let count: Int

    public init(repeating value: Bool, count: Int) {
        self.count = count
        words = [UInt64](repeating: value ? ~0 : 0, count: (count + 63) / 64)
    }

    public subscript(index: Int) -> Bool {
        @inline(__always) get {
            precondition(index >= 0 && index < count, "BitArray index out of range")
            return words[index >> 6] & (1 << UInt64(index & 63)) != 0
        }
        @inline(__always) set {
            precondition(index >= 0 && index < count, "BitArray index out of range")
            if newValue {
                words[index >> 6] |= 1 << UInt64(index & 63)
            } else {
                words[index >> 6] &= ~(1 << UInt64(index & 63))
            }
        }
    }
}

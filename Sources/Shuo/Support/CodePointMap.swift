/// A read-only map from code point to value, for the per-character tables the name rules read
/// at nearly every offset (given-name ratios, transliteration counts, common characters).
///
/// A `[UInt32: Value]` hashes every look-up with SipHash; here a code point of the CJK blocks
/// (extension A and the unified ideographs, where almost all look-ups fall) indexes a dense
/// array directly, and only the few other code points go through a Dictionary.
struct CodePointMap<Value: Sendable>: Sendable {
    private static var denseStart: UInt32 { 0x3400 }
    private static var denseEnd: UInt32 { 0xA000 }
    /// Per dense code point: 1 + its index in `values`, or 0 when absent.
    private var dense: [UInt16]
    private var values: [Value] = []
    private var others: [UInt32: Value] = [:]

    init(_ map: [UInt32: Value]) {
        dense = [UInt16](repeating: 0, count: Int(Self.denseEnd - Self.denseStart))
        for (c, v) in map {
            if c >= Self.denseStart, c < Self.denseEnd, values.count < Int(UInt16.max) {
                values.append(v)
                dense[Int(c - Self.denseStart)] = UInt16(values.count)
            } else {
                others[c] = v
            }
        }
    }

    var isEmpty: Bool { values.isEmpty && others.isEmpty }

    subscript(_ c: UInt32) -> Value? {
        @inline(__always) get {
            if c >= Self.denseStart, c < Self.denseEnd {
                let i = Int(dense[Int(c &- Self.denseStart)])
                if i != 0 { return values[i &- 1] }
                // (a dense code point is in `others` only when `values` was full)
                return others.isEmpty ? nil : others[c]
            }
            return others.isEmpty ? nil : others[c]
        }
    }

    subscript(_ c: UInt32, default value: @autoclosure () -> Value) -> Value {
        @inline(__always) get { self[c] ?? value() }
    }

    @inline(__always)
    func contains(_ c: UInt32) -> Bool { self[c] != nil }
}

/// A read-only set of code points (the rules' literal character classes: stop characters,
/// numerals, breakers …), tested at nearly every offset. An open-addressing table with a
/// multiplicative hash, at most a quarter full, so a test is usually one probe; a `Set<UInt32>`
/// runs SipHash on every test.
struct CodePointSet: Sendable {
    private static var empty: UInt32 { UInt32.max }
    private var slots: [UInt32]
    let count: Int

    init<S: Sequence>(_ members: S) where S.Element == UInt32 {
        let unique = Array(Set(members))
        var size = 8
        while size < unique.count * 4 { size *= 2 }
        slots = [UInt32](repeating: Self.empty, count: size)
        count = unique.count
        for c in unique {
            var i = Self.slot(c, size - 1)
            while slots[i] != Self.empty { i = (i + 1) & (size - 1) }
            slots[i] = c
        }
    }

    @inline(__always)
    private static func slot(_ c: UInt32, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(c) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    func contains(_ c: UInt32) -> Bool {
        slots.withUnsafeBufferPointer { table in
            let mask = table.count &- 1
            var i = Self.slot(c, mask)
            while true {
                let found = table[i]
                if found == c { return true }
                if found == Self.empty { return false }
                i = (i &+ 1) & mask
            }
        }
    }
}

/// One line of a lexicon data file: the entry, an optional weight, and any further columns.
public struct LexiconEntry: Hashable, Sendable {
    public var text: String
    public var weight: Double
    /// Columns after the weight (a tag such as `fixed`/`head`, a ratio …), as written.
    public var extra: [String]

    public init(text: String, weight: Double = 1, extra: [String] = []) {
        self.text = text
        self.weight = weight
        self.extra = extra
    }

    public var tag: String? { extra.first }
}

/// A word list loaded from a data file, with exact look-up and longest-match over code points.
///
/// Files hold one entry a line: `text[<TAB>weight[<TAB>more…]]`; `#` starts a comment line.
/// A column that is not a number where the weight goes is kept as `extra` with weight 1.
public struct Lexicon: Sendable {
    public let name: String
    public private(set) var entries: [LexiconEntry] = []
    private var trie = ScalarTrie()
    /// The same entries spelled backwards, for matches that must end at a given offset.
    private var reversed = ScalarTrie()

    public init(name: String, entries: [LexiconEntry] = []) {
        self.name = name
        for e in entries { insert(e) }
    }

    public init(name: String, contents: String) {
        self.init(name: name, entries: Self.parse(contents))
    }

    /// Parses lexicon text. Hand-rolled over UTF-8 because start-up time is mostly this: no
    /// Foundation trimming, and no String-keyed hashing (which normalises every key).
    public static func parse(_ contents: String) -> [LexiconEntry] {
        var out: [LexiconEntry] = []
        var text = contents
        text.withUTF8 { bytes in
            var lineStart = 0
            let n = bytes.count
            while lineStart < n {
                var lineEnd = lineStart
                while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var end = lineEnd
                if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
                if end > lineStart && bytes[lineStart] != UInt8(ascii: "#") {
                    var cols: [String] = []
                    var colStart = lineStart
                    for i in lineStart...end where i == end || bytes[i] == 0x09 {
                        cols.append(trimmed(bytes, colStart, i))
                        colStart = i + 1
                    }
                    if let text = cols.first, !text.isEmpty {
                        var weight = 1.0
                        var extra = Array(cols.dropFirst())
                        if let first = extra.first, let w = Double(first) {
                            weight = w
                            extra.removeFirst()
                        }
                        out.append(LexiconEntry(text: text, weight: weight, extra: extra))
                    }
                }
                lineStart = lineEnd + 1
            }
        }
        return out
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var a = start, b = end
        while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09) { a += 1 }
        while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09) { b -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
    }

    /// Adds an entry; a later entry with the same text replaces the earlier one.
    public mutating func insert(_ entry: LexiconEntry) {
        let key = Array(entry.text.unicodeScalars)
        if let i = trie.exact(key, key.indices) {
            entries[Int(i)] = entry
            return
        }
        trie.insert(key, value: Int32(entries.count))
        reversed.insert(key.reversed(), value: Int32(entries.count))
        entries.append(entry)
    }

    public var count: Int { entries.count }

    public func contains(_ text: String) -> Bool { index(of: text) != nil }
    public func entry(_ text: String) -> LexiconEntry? { index(of: text).map { entries[$0] } }
    public func weight(_ text: String) -> Double? { entry(text)?.weight }

    private func index(of text: String) -> Int? {
        let key = Array(text.unicodeScalars)
        return trie.exact(key, key.indices).map(Int.init)
    }

    /// For a lexicon of single characters: each character's value, as `value` reads it from
    /// the entry. Longer entries are skipped.
    public func perCharacter<T>(_ value: (LexiconEntry) -> T) -> [UInt32: T] {
        var out: [UInt32: T] = [:]
        out.reserveCapacity(entries.count)
        for e in entries {
            var it = e.text.unicodeScalars.makeIterator()
            guard let first = it.next(), it.next() == nil else { continue }
            out[first.value] = value(e)
        }
        return out
    }

    /// Entries whose tag (first extra column) is `tag`.
    public func entries(tagged tag: String) -> [LexiconEntry] { entries.filter { $0.tag == tag } }

    /// Whether the code points `scalars[range]` are an entry.
    public func contains(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        trie.exact(scalars, range) != nil
    }

    public func entry(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> LexiconEntry? {
        trie.exact(scalars, range).map { entries[Int($0)] }
    }

    /// Length of the longest entry starting at `offset` and ending at or before `limit`.
    public func longestMatch(_ scalars: [Unicode.Scalar], at offset: Int, limit: Int? = nil) -> Int? {
        trie.longest(scalars, from: offset, limit: limit ?? scalars.count)
    }

    /// Lengths of every entry starting at `offset`, shortest first.
    public func matchLengths(_ scalars: [Unicode.Scalar], at offset: Int, limit: Int? = nil) -> [Int] {
        trie.all(scalars, from: offset, limit: limit ?? scalars.count)
    }

    /// Length of the longest entry that ends exactly at `end` (exclusive) and starts at or
    /// after `lowerBound`.
    public func longestMatch(_ scalars: [Unicode.Scalar], endingAt end: Int, lowerBound: Int = 0) -> Int? {
        reversed.longestBackward(scalars, from: end, lowerBound: max(0, lowerBound))
    }
}

/// A trie over code points. Its edges live in open-addressing hash tables keyed by
/// (node, code point), with a multiplicative hash: look-ups are the extractors' inner loop, and
/// a Swift Dictionary per node spent most of annotate's time hashing.
///
/// Look-ups are bound by cache misses on those tables, so:
/// - each slot holds the edge's key, its target and the target's value together (16 bytes, one
///   cache line): a step costs one miss, not three;
/// - the root's edges, which every probe takes first, have a small table of their own that
///   stays in cache, instead of being scattered over the big one;
/// - a small bitset of the characters that start some key answers most probes (a character
///   that starts no key) before any hashing.
struct ScalarTrie: Sendable {
    fileprivate struct Slot {
        var key: UInt64
        var target: Int32
        /// The target node's value (entry index, or -1), mirrored from `values`.
        var value: Int32
    }

    /// One open-addressing table of edges, at most half full.
    fileprivate struct EdgeTable {
        static let empty = UInt64.max
        var slots = [Slot](repeating: Slot(key: EdgeTable.empty, target: 0, value: -1), count: 16)
        var count = 0

        @inline(__always)
        static func key(_ node: Int32, _ scalar: UInt32) -> UInt64 {
            UInt64(UInt32(bitPattern: node)) << 21 | UInt64(scalar)
        }

        @inline(__always)
        static func slot(_ key: UInt64, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        }

        /// Index of the slot for edge (node, scalar), or nil.
        @inline(__always)
        static func find(_ table: UnsafeBufferPointer<Slot>, _ node: Int32, _ scalar: UInt32) -> Int? {
            let k = key(node, scalar)
            let mask = table.count - 1
            var i = slot(k, mask)
            while true {
                let found = table[i].key
                if found == k { return i }
                if found == empty { return nil }
                i = (i + 1) & mask
            }
        }

        func find(_ node: Int32, _ scalar: UInt32) -> Int? {
            slots.withUnsafeBufferPointer { Self.find($0, node, scalar) }
        }

        /// Adds an edge known to be absent; returns its slot.
        mutating func add(_ node: Int32, _ scalar: UInt32, _ target: Int32) -> Int {
            if (count + 1) * 2 > slots.count { grow() }
            count += 1
            return place(Slot(key: Self.key(node, scalar), target: target, value: -1))
        }

        private mutating func place(_ s: Slot) -> Int {
            let mask = slots.count - 1
            var i = Self.slot(s.key, mask)
            while slots[i].key != Self.empty { i = (i + 1) & mask }
            slots[i] = s
            return i
        }

        private mutating func grow() {
            let old = slots
            slots = [Slot](repeating: Slot(key: Self.empty, target: 0, value: -1), count: old.count * 2)
            for s in old where s.key != Self.empty { _ = place(s) }
        }
    }

    /// Edges leaving the root.
    private var rootEdges = EdgeTable()
    /// All other edges.
    private var edges = EdgeTable()
    /// Each node's value; the root's is read from here, the others from the slot leading to them.
    private var values: [Int32] = [-1]
    private(set) var maxDepth = 0
    /// A bit per code point modulo its size (a power of two, at least 8 bits per distinct first
    /// character): set when some key starts with such a code point. Small, so it stays in cache
    /// next to the other tries' filters; a false positive only costs a probe of `rootEdges`.
    private var firstFilter = [UInt64](repeating: 0, count: 4)

    /// Whether a key could start with `scalar` (false only when none does).
    @inline(__always)
    private func mayStart(_ scalar: UInt32) -> Bool {
        firstFilter.withUnsafeBufferPointer { words in
            let bit = Int(scalar) & (words.count &* 64 &- 1)
            return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }
    }

    private mutating func addFirst(_ scalar: UInt32) {
        let bit = Int(scalar) & (firstFilter.count * 64 - 1)
        firstFilter[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Doubles `firstFilter` when it holds fewer than 8 bits per first character, refilled from
    /// the root's edges (a key's low 21 bits are its code point).
    private mutating func growFirstFilterIfNeeded() {
        guard rootEdges.count * 8 > firstFilter.count * 64 else { return }
        firstFilter = [UInt64](repeating: 0, count: firstFilter.count * 2)
        for s in rootEdges.slots where s.key != EdgeTable.empty { addFirst(UInt32(s.key & 0x1F_FFFF)) }
    }

    /// The root's edge for `scalar`: (target node, its value), or nil.
    @inline(__always)
    private func rootStep(_ scalar: UInt32) -> (Int32, Int32)? {
        guard mayStart(scalar) else { return nil }
        return rootEdges.slots.withUnsafeBufferPointer { table in
            EdgeTable.find(table, 0, scalar).map { (table[$0].target, table[$0].value) }
        }
    }

    mutating func insert(_ key: [Unicode.Scalar], value: Int32) {
        if let first = key.first {
            addFirst(first.value)
        }
        var node: Int32 = 0
        // The slot of the last edge taken, and whether it is in `rootEdges`.
        var last: (slot: Int, root: Bool)?
        for s in key {
            let isRoot = node == 0
            if let i = isRoot ? rootEdges.find(node, s.value) : edges.find(node, s.value) {
                node = isRoot ? rootEdges.slots[i].target : edges.slots[i].target
                last = (i, isRoot)
            } else {
                let next = Int32(values.count)
                values.append(-1)
                last = (isRoot ? rootEdges.add(node, s.value, next) : edges.add(node, s.value, next), isRoot)
                node = next
            }
        }
        values[Int(node)] = value
        growFirstFilterIfNeeded()
        if let last {
            if last.root { rootEdges.slots[last.slot].value = value } else { edges.slots[last.slot].value = value }
        }
        maxDepth = max(maxDepth, key.count)
    }

    // The walks below read `scalars` with bounds checks, as before: a range or limit past the
    // end traps only when the walk actually gets there.

    func exact(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int32? {
        guard let first = range.first else {
            let v = values[0]
            return v >= 0 ? v : nil
        }
        guard var (node, v) = rootStep(scalars[first].value) else { return nil }
        return edges.slots.withUnsafeBufferPointer { table in
            for i in (first + 1)..<range.upperBound {
                guard let at = EdgeTable.find(table, node, scalars[i].value) else { return nil }
                node = table[at].target
                v = table[at].value
            }
            return v >= 0 ? v : nil
        }
    }

    func longest(_ scalars: [Unicode.Scalar], from offset: Int, limit: Int) -> Int? {
        guard offset < limit, var (node, v) = rootStep(scalars[offset].value) else { return nil }
        var best: Int? = v >= 0 ? 1 : nil
        return edges.slots.withUnsafeBufferPointer { table in
            var i = offset + 1
            while i < limit, let at = EdgeTable.find(table, node, scalars[i].value) {
                node = table[at].target
                v = table[at].value
                i += 1
                if v >= 0 { best = i - offset }
            }
            return best
        }
    }

    /// For a trie of reversed keys: the longest key read backwards from `end` (exclusive).
    func longestBackward(_ scalars: [Unicode.Scalar], from end: Int, lowerBound: Int) -> Int? {
        guard end - 1 >= lowerBound, end - 1 < scalars.count,
              var (node, v) = rootStep(scalars[end - 1].value) else { return nil }
        var best: Int? = v >= 0 ? 1 : nil
        return edges.slots.withUnsafeBufferPointer { table in
            var i = end - 2
            while i >= lowerBound, let at = EdgeTable.find(table, node, scalars[i].value) {
                node = table[at].target
                v = table[at].value
                if v >= 0 { best = end - i }
                i -= 1
            }
            return best
        }
    }

    func all(_ scalars: [Unicode.Scalar], from offset: Int, limit: Int) -> [Int] {
        guard offset < limit, var (node, v) = rootStep(scalars[offset].value) else { return [] }
        var found: [Int] = v >= 0 ? [1] : []
        return edges.slots.withUnsafeBufferPointer { table in
            var i = offset + 1
            while i < limit, let at = EdgeTable.find(table, node, scalars[i].value) {
                node = table[at].target
                v = table[at].value
                i += 1
                if v >= 0 { found.append(i - offset) }
            }
            return found
        }
    }
}

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

/// A trie over code points. Its edges live in one open-addressing hash table keyed by
/// (node, code point), with a multiplicative hash: look-ups are the extractors' inner loop, and
/// a Swift Dictionary per node spent most of annotate's time hashing.
struct ScalarTrie: Sendable {
    private static let empty = UInt64.max
    private var keys = [UInt64](repeating: ScalarTrie.empty, count: 16)
    private var targets = [Int32](repeating: 0, count: 16)
    private var edgeCount = 0
    private var values: [Int32] = [-1]
    private(set) var maxDepth = 0

    @inline(__always)
    private static func key(_ node: Int32, _ scalar: UInt32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 21 | UInt64(scalar)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & (keys.count - 1)
    }

    @inline(__always)
    private func child(_ node: Int32, _ scalar: UInt32) -> Int32? {
        let k = Self.key(node, scalar)
        var i = slot(k)
        while true {
            let found = keys[i]
            if found == k { return targets[i] }
            if found == Self.empty { return nil }
            i = (i + 1) & (keys.count - 1)
        }
    }

    private mutating func addEdge(_ node: Int32, _ scalar: UInt32, _ target: Int32) {
        if (edgeCount + 1) * 2 > keys.count { grow() }
        let k = Self.key(node, scalar)
        var i = slot(k)
        while keys[i] != Self.empty { i = (i + 1) & (keys.count - 1) }
        keys[i] = k
        targets[i] = target
        edgeCount += 1
    }

    private mutating func grow() {
        let oldKeys = keys, oldTargets = targets
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        targets = [Int32](repeating: 0, count: oldKeys.count * 2)
        for (k, t) in zip(oldKeys, oldTargets) where k != Self.empty {
            var i = slot(k)
            while keys[i] != Self.empty { i = (i + 1) & (keys.count - 1) }
            keys[i] = k
            targets[i] = t
        }
    }

    mutating func insert(_ key: [Unicode.Scalar], value: Int32) {
        var node: Int32 = 0
        for s in key {
            if let next = child(node, s.value) {
                node = next
            } else {
                let next = Int32(values.count)
                values.append(-1)
                addEdge(node, s.value, next)
                node = next
            }
        }
        values[Int(node)] = value
        maxDepth = max(maxDepth, key.count)
    }

    func exact(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int32? {
        var node: Int32 = 0
        for i in range {
            guard let next = child(node, scalars[i].value) else { return nil }
            node = next
        }
        let v = values[Int(node)]
        return v >= 0 ? v : nil
    }

    func longest(_ scalars: [Unicode.Scalar], from offset: Int, limit: Int) -> Int? {
        var node: Int32 = 0
        var best: Int?
        var i = offset
        while i < limit, let next = child(node, scalars[i].value) {
            node = next
            i += 1
            if values[Int(node)] >= 0 { best = i - offset }
        }
        return best
    }

    /// For a trie of reversed keys: the longest key read backwards from `end` (exclusive).
    func longestBackward(_ scalars: [Unicode.Scalar], from end: Int, lowerBound: Int) -> Int? {
        var node: Int32 = 0
        var best: Int?
        var i = end - 1
        while i >= lowerBound, i < scalars.count, let next = child(node, scalars[i].value) {
            node = next
            if values[Int(node)] >= 0 { best = end - i }
            i -= 1
        }
        return best
    }

    func all(_ scalars: [Unicode.Scalar], from offset: Int, limit: Int) -> [Int] {
        var node: Int32 = 0
        var found: [Int] = []
        var i = offset
        while i < limit, let next = child(node, scalars[i].value) {
            node = next
            i += 1
            if values[Int(node)] >= 0 { found.append(i - offset) }
        }
        return found
    }
}

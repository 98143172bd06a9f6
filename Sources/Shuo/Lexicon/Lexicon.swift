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
    /// after `lowerBound`. Found by trying each start, so meant for short look-backs.
    public func longestMatch(_ scalars: [Unicode.Scalar], endingAt end: Int, lowerBound: Int = 0) -> Int? {
        var best: Int?
        var start = end - 1
        let floor = max(lowerBound, end - trie.maxDepth)
        while start >= floor {
            if trie.exact(scalars, start..<end) != nil { best = end - start }
            start -= 1
        }
        return best
    }
}

/// A trie over code points; nodes live in one array so look-ups touch no reference counts.
struct ScalarTrie: Sendable {
    private var children: [[UInt32: Int32]] = [[:]]
    private var values: [Int32] = [-1]
    private(set) var maxDepth = 0

    mutating func insert(_ key: [Unicode.Scalar], value: Int32) {
        var node = 0
        for s in key {
            if let next = children[node][s.value] {
                node = Int(next)
            } else {
                let next = Int32(children.count)
                children.append([:])
                values.append(-1)
                children[node][s.value] = next
                node = Int(next)
            }
        }
        values[node] = value
        maxDepth = max(maxDepth, key.count)
    }

    func exact(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int32? {
        var node = 0
        for i in range {
            guard let next = children[node][scalars[i].value] else { return nil }
            node = Int(next)
        }
        return values[node] >= 0 ? values[node] : nil
    }

    func longest(_ scalars: [Unicode.Scalar], from offset: Int, limit: Int) -> Int? {
        var node = 0
        var best: Int?
        var i = offset
        while i < limit, let next = children[node][scalars[i].value] {
            node = Int(next)
            i += 1
            if values[node] >= 0 { best = i - offset }
        }
        return best
    }

    func all(_ scalars: [Unicode.Scalar], from offset: Int, limit: Int) -> [Int] {
        var node = 0
        var found: [Int] = []
        var i = offset
        while i < limit, let next = children[node][scalars[i].value] {
            node = Int(next)
            i += 1
            if values[node] >= 0 { found.append(i - offset) }
        }
        return found
    }
}

import Foundation

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
    private var index: [String: Int] = [:]
    private var trie = ScalarTrie()

    public init(name: String, entries: [LexiconEntry] = []) {
        self.name = name
        for e in entries { insert(e) }
    }

    public init(name: String, contents: String) {
        self.init(name: name, entries: Self.parse(contents))
    }

    public static func parse(_ contents: String) -> [LexiconEntry] {
        var out: [LexiconEntry] = []
        for rawLine in contents.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let text = cols[0].trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            var weight = 1.0
            var extra = Array(cols.dropFirst())
            if let first = extra.first, let w = Double(first.trimmingCharacters(in: .whitespaces)) {
                weight = w
                extra.removeFirst()
            }
            out.append(LexiconEntry(text: text, weight: weight, extra: extra.map { $0.trimmingCharacters(in: .whitespaces) }))
        }
        return out
    }

    /// Adds an entry; a later entry with the same text replaces the earlier one.
    public mutating func insert(_ entry: LexiconEntry) {
        if let i = index[entry.text] {
            entries[i] = entry
            return
        }
        index[entry.text] = entries.count
        trie.insert(Array(entry.text.unicodeScalars), value: Int32(entries.count))
        entries.append(entry)
    }

    public var count: Int { entries.count }
    public func contains(_ text: String) -> Bool { index[text] != nil }
    public func entry(_ text: String) -> LexiconEntry? { index[text].map { entries[$0] } }
    public func weight(_ text: String) -> Double? { entry(text)?.weight }

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

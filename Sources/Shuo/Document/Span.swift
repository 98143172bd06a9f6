/// A half-open range of Unicode code point offsets into a document's text (spec §1).
///
/// Code points, not UTF-16 units or grapheme clusters, because that is what the JSONL
/// contract promises: `text[start:end]` in Python and jq.
public struct Span: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "span start after end")
        self.start = start
        self.end = end
    }

    public var count: Int { end - start }
    public var isEmpty: Bool { start == end }
    public var range: Range<Int> { start..<end }

    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
    public func contains(_ offset: Int) -> Bool { start <= offset && offset < end }

    public static func < (a: Span, b: Span) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }

    public var description: String { "[\(start),\(end))" }
}

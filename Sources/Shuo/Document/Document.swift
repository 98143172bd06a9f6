/// A document moving through the pipeline: its text and every annotation stages add to it.
///
/// The text is held as code points because every offset shuo reads or writes is a code point
/// offset (spec §1); stages index `scalars` directly and never count in UTF-16 or graphemes.
public struct Document: Sendable {
    public var id: String
    public var scalars: [Unicode.Scalar]
    /// Fields of a JSONL input line other than id and text, as raw JSON, in input order:
    /// they are written back unchanged.
    public var passthrough: [(key: String, json: String)]

    public var paragraphs: [Span] = []
    public var sentences: [Span] = []
    public var tokens: [Token] = []
    public var entities: [Entity] = []
    public var quotes: [Quote] = []
    public var people: [Person] = []
    public var error: DocumentError?

    public init(id: String, scalars: [Unicode.Scalar], passthrough: [(key: String, json: String)] = []) {
        self.id = id
        self.scalars = scalars
        self.passthrough = passthrough
    }

    public init(id: String, text: String, passthrough: [(key: String, json: String)] = []) {
        self.init(id: id, scalars: Array(text.unicodeScalars), passthrough: passthrough)
    }

    /// A document that failed before it could be annotated.
    public init(id: String, error: DocumentError, passthrough: [(key: String, json: String)] = []) {
        self.init(id: id, scalars: [], passthrough: passthrough)
        self.error = error
    }

    public var count: Int { scalars.count }
    public var fullSpan: Span { Span(0, scalars.count) }

    public var text: String { string(scalars.indices) }

    public func text(_ span: Span) -> String { string(span.range) }

    public func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// The code point at `offset`, or nil outside the text: rules look around spans freely.
    @inline(__always)
    public func scalar(at offset: Int) -> Unicode.Scalar? {
        offset >= 0 && offset < scalars.count ? scalars[offset] : nil
    }

    /// Whether the text at `offset` reads exactly `literal`.
    public func matches(_ literal: String, at offset: Int) -> Bool {
        var i = offset
        for s in literal.unicodeScalars {
            guard i < scalars.count, scalars[i] == s else { return false }
            i += 1
        }
        return true
    }

    /// Whether the text ending at `offset` (exclusive) reads exactly `literal`.
    public func matches(_ literal: String, endingAt offset: Int) -> Bool {
        let n = literal.unicodeScalars.count
        return offset - n >= 0 && matches(literal, at: offset - n)
    }

    /// The entity whose span is exactly `span`, if any.
    public func entity(at span: Span) -> Entity? {
        entities.first { $0.span == span }
    }

    /// Index of the paragraph holding `offset`, by binary search.
    public func paragraphIndex(containing offset: Int) -> Int? {
        Self.index(in: paragraphs, containing: offset)
    }

    /// Index of the sentence holding `offset`, by binary search.
    public func sentenceIndex(containing offset: Int) -> Int? {
        Self.index(in: sentences, containing: offset)
    }

    /// The range of token indices that lie within `span`.
    public func tokenIndices(in span: Span) -> Range<Int> {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(tokens[mid].end) <= span.start { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < tokens.count && Int(tokens[end].start) < span.end { end += 1 }
        return lo..<end
    }

    static func index(in spans: [Span], containing offset: Int) -> Int? {
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < spans.count && spans[lo].contains(offset) ? lo : nil
    }
}

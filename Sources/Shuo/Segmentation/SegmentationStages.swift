import CICU

/// Paragraphs are the lines of the text: news text puts one paragraph on a line. Blank lines
/// are not paragraphs; a paragraph's span excludes its line break (CR LF or LF).
public struct ParagraphStage: Stage {
    public let name = "paragraphs"
    public init() {}

    public func process(_ document: inout Document) {
        document.paragraphs = Self.paragraphs(of: document.scalars)
    }

    static func paragraphs(of s: [Unicode.Scalar]) -> [Span] {
        var out: [Span] = []
        var start = 0
        var i = 0
        let n = s.count
        func close(_ end: Int) {
            var a = start, b = end
            while a < b && isBlank(s[a]) { a += 1 }
            while b > a && isBlank(s[b - 1]) { b -= 1 }
            if a < b { out.append(Span(a, b)) }
        }
        while i < n {
            let c = s[i].value
            if c == 0x0A || c == 0x0D || c == 0x2029 || c == 0x85 {
                close(i)
                if c == 0x0D && i + 1 < n && s[i + 1].value == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        close(n)
        return out
    }

    @inline(__always)
    static func isBlank(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x3000, 0x2000...0x200B, 0xFEFF: true
        default: false
        }
    }
}

/// Sentence boundaries from ICU's sentence break rules, trimmed of surrounding white space.
public struct SentenceStage: Stage {
    public let name = "sentences"
    private let pool: BreakerPool

    public init() throws {
        pool = try BreakerPool(kind: Int32(CICU_BREAK_SENTENCE))
    }

    public func process(_ document: inout Document) {
        let s = document.scalars
        guard !s.isEmpty else { return }
        let text = UTF16Text(s)
        var out: [Span] = []
        var start = 0
        pool.forEachBoundary(text) { boundary, _ in
            var a = start, b = text.scalarOffset(boundary)
            start = b
            while a < b && (ParagraphStage.isBlank(s[a]) || isLineBreak(s[a])) { a += 1 }
            while b > a && (ParagraphStage.isBlank(s[b - 1]) || isLineBreak(s[b - 1])) { b -= 1 }
            if a < b { out.append(Span(a, b)) }
        }
        document.sentences = out
    }
}

@inline(__always)
func isLineBreak(_ s: Unicode.Scalar) -> Bool {
    s.value == 0x0A || s.value == 0x0D || s.value == 0x2029 || s.value == 0x85 || s.value == 0x2028
}

/// Word tokens from ICU's word break rules (dictionary-based for Chinese), with their kind.
public struct WordStage: Stage {
    public let name = "words"
    private let pool: BreakerPool

    public init() throws {
        pool = try BreakerPool(kind: Int32(CICU_BREAK_WORD))
    }

    public func process(_ document: inout Document) {
        let s = document.scalars
        guard !s.isEmpty else { return }
        let text = UTF16Text(s)
        var tokens: [Token] = []
        // News text has about 0.66 tokens per character; reserving one per character costs only
        // untouched address space, where growing at the end would briefly hold two copies.
        tokens.reserveCapacity(s.count + 1)
        var start = 0
        pool.forEachBoundary(text) { boundary, status in
            let end = text.scalarOffset(boundary)
            guard end > start else { return }
            tokens.append(Token(start: start, end: end, kind: Self.kind(status: status, first: s[start])))
            start = end
        }
        document.tokens = tokens
    }

    @inline(__always)
    static func kind(status: Int32, first: Unicode.Scalar) -> TokenKind {
        switch status {
        case 100..<200: return .number
        case 200..<300: return .letter
        case 300..<400: return .kana
        case 400..<500: return .ideographic
        default:
            return ParagraphStage.isBlank(first) || isLineBreak(first) ? .space : .punctuation
        }
    }
}

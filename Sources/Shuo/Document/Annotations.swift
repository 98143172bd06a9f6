/// The kinds of token ICU's word break rules report (its rule-status ranges), refined so that
/// spaces and punctuation, which ICU lumps together, can be told apart.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    case space, punctuation, number, letter, kana, ideographic

    public var name: String {
        switch self {
        case .space: "space"
        case .punctuation: "punct"
        case .number: "number"
        case .letter: "word"
        case .kana: "kana"
        case .ideographic: "ideo"
        }
    }
}

/// One word segment. Offsets are code points; stored narrow since a document holds many.
public struct Token: Hashable, Sendable {
    public var start: Int32
    public var end: Int32
    public var kind: TokenKind

    public init(start: Int, end: Int, kind: TokenKind) {
        self.start = Int32(start)
        self.end = Int32(end)
        self.kind = kind
    }

    public var span: Span { Span(Int(start), Int(end)) }
    public var count: Int { Int(end - start) }
}

public enum EntityType: String, Sendable, CaseIterable, Codable {
    case person = "PERSON"
    case title = "TITLE"
    case org = "ORG"
}

/// A flat mention. Entities never overlap within a document (spec §1), so a span names one.
public struct Entity: Hashable, Sendable {
    public var type: EntityType
    public var span: Span
    /// The rule that produced it, for `shuo eval --by-rule`.
    public var rule: String?
    public var confidence: Double?

    public init(_ type: EntityType, _ span: Span, rule: String? = nil, confidence: Double? = nil) {
        self.type = type
        self.span = span
        self.rule = rule
        self.confidence = confidence
    }
}

public enum QuoteKind: String, Sendable, Codable {
    case direct, term, ignore
}

/// Who a quotation is attributed to. `mention` is the span of the PERSON or ORG entity the
/// attribution rests on; the writer turns it into that entity's id.
public struct Speaker: Hashable, Sendable {
    public var name: String
    public var mention: Span?

    public init(name: String, mention: Span?) {
        self.name = name
        self.mention = mention
    }
}

public struct Quote: Hashable, Sendable {
    public var kind: QuoteKind
    /// The content, without the outer quote marks.
    public var span: Span
    /// The opening and closing marks, as found. `close` is nil when the quote was never closed.
    public var open: Span?
    public var close: Span?
    public var speaker: Speaker?
    public var cue: Span?
    public var rule: String?
    public var confidence: Double?
    /// Set by the quote scanner when a quote ran to the end of its paragraph unclosed.
    public var unclosed: Bool
    /// Nesting depth: 0 for an outer quote, 1 for one inside another.
    public var depth: Int

    public init(kind: QuoteKind, span: Span, open: Span? = nil, close: Span? = nil,
                speaker: Speaker? = nil, cue: Span? = nil, rule: String? = nil,
                confidence: Double? = nil, unclosed: Bool = false, depth: Int = 0) {
        self.kind = kind
        self.span = span
        self.open = open
        self.close = close
        self.speaker = speaker
        self.cue = cue
        self.rule = rule
        self.confidence = confidence
        self.unclosed = unclosed
        self.depth = depth
    }
}

/// A title held by a person, and where it is held when the text says so.
public struct HeldTitle: Hashable, Sendable {
    public var title: Span
    public var org: Span?

    public init(title: Span, org: Span? = nil) {
        self.title = title
        self.org = org
    }
}

/// One person in a document: their PERSON mentions and apposed titles.
public struct Person: Hashable, Sendable {
    public var name: String
    public var mentions: [Span]
    public var titles: [HeldTitle]

    public init(name: String, mentions: [Span], titles: [HeldTitle] = []) {
        self.name = name
        self.mentions = mentions
        self.titles = titles
    }
}

/// Why a document could not be annotated (spec §2: it still yields one line).
public struct DocumentError: Error, Hashable, Sendable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// Tells reproduced speech (`direct`) from scare quotes, names, slogans and headlines (`term`)
/// by ordered rules on what is inside the marks and around them; the first that applies sets
/// `rule` and `confidence`:
///
/// - `term-empty`; nested quotes: `nested-colon` (说：‘…’) else `term-nested`;
/// - `direct-colon` — a colon (：/:) right before the open mark;
/// - the quote is its whole paragraph: `direct-paragraph` when it reads as a sentence (final
///   。！？…, a clause with a comma, several lines, first person) else `term-headline`;
/// - `term-named` — 的 or a naming word (所谓, 称为, 叫做 …) right before the mark;
/// - `direct-cue-after` — a speech cue in the first clause after the close (“…”王理宗表示);
/// - `direct-cue-before` — a cue right before the mark, possibly with a comma (他说，“…”);
/// - `direct-sentence` — a whole sentence in marks (final 。！？…, ≥ 4 code points);
/// - `direct-first-person` — 我/咱/俺 inside, not followed by 的;
/// - `term-modifier` (followed by 的), `term-list` (“A”、“B” / “A”“B”);
/// - `direct-reported-clause` / `-paragraph` / `-fragment` — a clause in marks after a cue
///   earlier in the sentence (a whole clause also earlier in the paragraph);
/// - `direct-clause` — a long clause with inner punctuation not running into a word;
/// - else `term-default`.
public struct QuoteKindStage: Stage {
    public let name = "quote-kinds"
    let cues: QuoteCues

    public init(context: StageContext) throws {
        cues = QuoteCues(lexicons: context.lexicons)
    }

    init(cues: QuoteCues) {
        self.cues = cues
    }

    public func process(_ document: inout Document) {
        guard !document.quotes.isEmpty else { return }
        if document.paragraphs.isEmpty {
            document.paragraphs = ParagraphStage.paragraphs(of: document.scalars)
        }
        var quotes = document.quotes
        let named = document.entities.filter { $0.type != .title }.map(\.span).sorted()
        for k in quotes.indices where quotes[k].kind != .ignore {
            let (kind, rule, conf) = classify(quotes[k], in: document, named: named)
            quotes[k].kind = kind
            quotes[k].rule = rule
            quotes[k].confidence = conf
        }
        document.quotes = quotes
    }

    // MARK: features

    struct Content {
        var length = 0          // code points, blanks excluded
        var ideographs = 0
        var finalPunct = false  // ends with 。！？… (possibly before a closing bracket)
        var innerPunct = 0      // ，；：。！？ inside
        var firstPerson = false
        var hasNested = false
        var lines = 1
        var enumeration = false // 、 inside: a list of slogans or terms
    }

    func content(_ q: Quote, _ s: [Unicode.Scalar]) -> Content {
        var c = Content()
        var i = q.span.start
        while i < q.span.end {
            let ch = s[i]
            if !ParagraphStage.isBlank(ch) { c.length += 1 }
            if QuoteCues.isIdeograph(ch) { c.ideographs += 1 }
            switch ch.value {
            case 0xFF0C, 0x2C, 0xFF1B, 0x3B, 0xFF1A, 0x3002, 0xFF01, 0xFF1F: c.innerPunct += 1
            case 0x6211, 0x54B1, 0x4FFA: c.firstPerson = true   // 我 咱 俺
            case 0x2018, 0x300E, 0xFE41: c.hasNested = true
            case 0x0A: c.lines += 1
            case 0x3001: c.enumeration = true
            default: break
            }
            i += 1
        }
        var e = q.span.end
        while e > q.span.start, ParagraphStage.isBlank(s[e - 1]) || [0x300D, 0x2019, 0xFF09, 0x29].contains(s[e - 1].value) { e -= 1 }
        if e > q.span.start, QuoteCues.isFinalPunct(s[e - 1]) { c.finalPunct = true }
        return c
    }

    /// Index of the first non-blank code point at or after `i` (bounded by `limit`).
    @inline(__always)
    static func skipBlanks(_ s: [Unicode.Scalar], from i: Int, limit: Int) -> Int {
        var j = i
        while j < limit && ParagraphStage.isBlank(s[j]) { j += 1 }
        return j
    }

    @inline(__always)
    static func skipBlanksBack(_ s: [Unicode.Scalar], from i: Int, floor: Int) -> Int {
        var j = i
        while j > floor && ParagraphStage.isBlank(s[j - 1]) { j -= 1 }
        return j
    }

    /// `named`: the document's PERSON and ORG spans, sorted.
    func classify(_ q: Quote, in doc: Document, named: [Span] = []) -> (QuoteKind, String, Double) {
        let s = doc.scalars
        let c = content(q, s)
        guard let pi = doc.paragraphIndex(containing: q.open?.start ?? q.span.start) else {
            return (.term, "term-default", 0.5)
        }
        let para = doc.paragraphs[pi]
        let openAt = q.open?.start ?? q.span.start
        let closeEnd = q.close?.end ?? q.span.end
        let before = Self.skipBlanksBack(s, from: openAt, floor: para.start)
        let prev: Unicode.Scalar? = before > para.start ? s[before - 1] : nil
        let endPara = doc.paragraphIndex(containing: max(closeEnd - 1, 0)).map { doc.paragraphs[$0] } ?? para
        let after = Self.skipBlanks(s, from: closeEnd, limit: endPara.end)
        let next: Unicode.Scalar? = after < endPara.end ? s[after] : nil

        if c.length == 0 { return (.term, "term-empty", 0.95) }

        // Nested quotes are terms unless introduced like speech (说：‘…’ / 嘱托：‘…’).
        if q.depth > 0 {
            if QuoteCues.isColon(prev), c.finalPunct || c.innerPunct > 0 || c.length >= 8 {
                return (.direct, "nested-colon", 0.7)
            }
            return (.term, "term-nested", 0.85)
        }

        // A colon right before the open mark introduces what is said or written.
        if QuoteCues.isColon(prev) && (c.length >= 4 || c.finalPunct) {
            return (.direct, "direct-colon", 0.9)
        }

        // The quote is its whole paragraph: a pull quote or a quoted paragraph of speech when it
        // reads as a sentence; a headline when it is short and has no sentence punctuation.
        let standsAlone = before == para.start && (next == nil || (after + 1 >= endPara.end && QuoteCues.isFinalPunct(next)))
        if standsAlone {
            if c.finalPunct || (c.innerPunct >= 1 && c.length >= 20) || c.lines > 1 || (c.firstPerson && c.length >= 4) {
                return (.direct, "direct-paragraph", 0.85)
            }
            return (.term, "term-headline", 0.85)
        }

        let followedByDe = next?.value == 0x7684          // 的
        // 提到的“…” / 所谓“…” / 称为“…”: the quote is named, not reported.
        if !c.finalPunct && (prev?.value == 0x7684 || QuoteCues.namesWhatFollows(s, endingAt: before, floor: para.start)) {
            return (.term, "term-named", 0.85)
        }
        let listed = next?.value == 0x3001 || prev?.value == 0x3001 || QuoteCues.isQuoteMark(next) && next?.value == 0x201C
            || (prev?.value == 0x201D)                       // “A”“B”、“C”: a list of terms

        // Speech cue right after the quote: “…”王理宗表示 / “…”他说。
        // A bare phrase needs a strong cue with its subject written in between (“X”他强调 /
        // “X”王理宗表示), not just a verb later in the clause (“一国两制”构想提出).
        if !followedByDe && (c.length >= 4 || c.finalPunct), let cue = cueAfter(closeEnd, doc: doc, para: endPara),
           speechLike(c) || (cue.strong && gapHasSubject(closeEnd, cue.span.start, doc: doc, named: named)) {
            return (.direct, "direct-cue-after", cue.strong ? 0.85 : 0.7)
        }

        // Speech cue right before: 他说，“…” / 表示“…”.
        if !followedByDe && (c.length >= 4 || c.finalPunct) {
            var e = before
            if QuoteCues.isComma(prev) { e = Self.skipBlanksBack(s, from: before - 1, floor: para.start) }
            if e > para.start, let m = cues.cue(endingAt: e, in: s, lowerBound: max(para.start, e - 8)),
               m.strong || QuoteCues.isComma(prev) {
                if c.finalPunct || ((c.innerPunct > 0 || c.firstPerson || c.length >= 6) && !QuoteCues.isIdeograph(next)) {
                    return (.direct, "direct-cue-before", 0.8)
                }
            }
        }

        // A whole sentence in marks.
        if c.finalPunct && c.length >= 4 {
            return (.direct, "direct-sentence", 0.75)
        }
        if c.firstPerson && c.length >= 4 && !followedByDe {
            return (.direct, "direct-first-person", 0.7)
        }

        if followedByDe { return (.term, "term-modifier", 0.85) }
        if listed { return (.term, "term-list", 0.8) }

        // A clause in marks inside reported speech: a speech cue earlier in the same sentence
        // (or, for a whole clause, earlier in the paragraph) and the quote not a name.
        if c.length >= 4, let sentence = sentenceStart(openAt, doc: doc, para: para) {
            let clauseLike = c.innerPunct > 0 || (c.length >= 8 && !c.enumeration)
            if let m = cues.nearestCue(before: before, in: s, lowerBound: clauseLike ? para.start : sentence,
                                       window: clauseLike ? 200 : 60, strongOnly: false, weakMin: 2) {
                if clauseLike && (c.finalPunct || !QuoteCues.isIdeograph(next)) {
                    return (.direct, m.span.start >= sentence ? "direct-reported-clause" : "direct-reported-paragraph", 0.6)
                }
                if m.strong && m.span.start >= sentence && QuoteCues.isClauseBreak(next) {
                    return (.direct, "direct-reported-fragment", 0.5)
                }
            }
        }

        // A long clause with inner punctuation that is not a name: speech without a cue.
        if c.innerPunct >= 1 && c.length >= 10 && !QuoteCues.isIdeograph(next) {
            return (.direct, "direct-clause", 0.55)
        }
        return (.term, "term-default", 0.7)
    }

    /// Reads like reproduced speech whatever surrounds it: a sentence end, a clause break inside,
    /// or first person.
    func speechLike(_ c: Content) -> Bool {
        c.finalPunct || c.innerPunct > 0 || c.firstPerson
    }

    /// Whether a PERSON or ORG entity (`named`, sorted) or a personal pronoun (他 她 我 你) lies
    /// in `[a, b)`.
    func gapHasSubject(_ a: Int, _ b: Int, doc: Document, named: [Span]) -> Bool {
        guard a < b else { return false }
        for i in a..<b {
            switch doc.scalars[i].value {
            case 0x4ED6, 0x5979, 0x6211, 0x4F60: return true
            default: break
            }
        }
        var lo = 0, hi = named.count
        while lo < hi { let m = (lo + hi) / 2; if named[m].end <= a { lo = m + 1 } else { hi = m } }
        return lo < named.count && named[lo].start < b
    }

    /// Start of the sentence holding `offset`, not before its paragraph.
    func sentenceStart(_ offset: Int, doc: Document, para: Span) -> Int? {
        let s = doc.scalars
        var i = offset
        let floor = max(para.start, offset - 300)
        while i > floor {
            let ch = s[i - 1]
            if ch.value == 0x3002 || ch.value == 0xFF01 || ch.value == 0xFF1F || ch.value == 0x21 || ch.value == 0x3F || ch.value == 0xFF1B {
                break
            }
            i -= 1
        }
        return i
    }

    /// A speech cue after a quote's close, in the same sentence: optionally a comma, then a
    /// subject (name, title chain, pronoun) of at most ~30 code points, then the cue.
    func cueAfter(_ closeEnd: Int, doc: Document, para: Span) -> QuoteCues.Match? {
        let s = doc.scalars
        var i = Self.skipBlanks(s, from: closeEnd, limit: para.end)
        if i < para.end && QuoteCues.isComma(s[i]) { i += 1 }
        var limit = i
        let cap = min(para.end, i + 50)
        while limit < cap && !QuoteCues.isComma(s[limit]) && !QuoteCues.isSentenceEnd(s[limit]) && !QuoteCues.isColon(s[limit]) {
            limit += 1
        }
        guard let m = cues.firstCue(after: i, in: s, limit: limit, strongOnly: false) else { return nil }
        if m.strong { return m }
        // A weak cue (问, 道, 答) only right before punctuation: “…”他问。
        let after = m.span.end
        if after >= para.end || QuoteCues.isClauseBreak(s[after]) { return m }
        return nil
    }
}

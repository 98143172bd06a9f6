/// Speech cues and the punctuation classes the quote stages reason with, shared by
/// `QuoteKindStage` and `AttributionStage`. Immutable after init.
struct QuoteCues: Sendable {
    let cues: Lexicon

    init(lexicons: Lexicons) {
        cues = lexicons.named("speech-cues")
    }

    init(cues: Lexicon) {
        self.cues = cues
    }

    // MARK: character classes

    @inline(__always)
    static func isColon(_ s: Unicode.Scalar?) -> Bool {
        guard let v = s?.value else { return false }
        return v == 0xFF1A || v == 0x3A || v == 0xFE55
    }

    @inline(__always)
    static func isComma(_ s: Unicode.Scalar?) -> Bool {
        guard let v = s?.value else { return false }
        return v == 0xFF0C || v == 0x2C || v == 0xFE50
    }

    /// 。！？!? ；; and line breaks: a sentence (or strong clause) ends.
    @inline(__always)
    static func isSentenceEnd(_ s: Unicode.Scalar?) -> Bool {
        guard let v = s?.value else { return true }
        switch v {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0xFF1B, 0x3B, 0x0A, 0x0D, 0x2029, 0xFF0E: return true
        default: return false
        }
    }

    /// Sentence ends plus ，, 、 and colons.
    @inline(__always)
    static func isClauseBreak(_ s: Unicode.Scalar?) -> Bool {
        isSentenceEnd(s) || isComma(s) || isColon(s) || s?.value == 0x3001
    }

    /// What may end a quoted sentence inside its marks: 。！？!?… and ASCII "..." .
    @inline(__always)
    static func isFinalPunct(_ s: Unicode.Scalar?) -> Bool {
        guard let v = s?.value else { return false }
        switch v {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x2026, 0x2E, 0xFF0E: return true
        default: return false
        }
    }

    @inline(__always)
    static func isIdeograph(_ s: Unicode.Scalar?) -> Bool {
        guard let v = s?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x3134F).contains(v)
            || (0xF900...0xFAFF).contains(v)
    }

    @inline(__always)
    static func isQuoteMark(_ s: Unicode.Scalar?) -> Bool {
        guard let v = s?.value else { return false }
        switch v {
        case 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F, 0xFE41...0xFE44, 0x22: return true
        default: return false
        }
    }

    @inline(__always)
    static func isBlank(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return ParagraphStage.isBlank(s)
    }

    /// Words that name what follows rather than report it: 所谓“…”, 称为“…”, 叫做“…”, 誉为“…”.
    static let namingWords: [[Unicode.Scalar]] = ["所谓", "称为", "称之为", "叫做", "叫作", "名为", "誉为", "号称", "俗称", "简称", "统称", "堪称", "题为", "名叫"]
        .map { Array($0.unicodeScalars) }

    static func namesWhatFollows(_ s: [Unicode.Scalar], endingAt end: Int, floor: Int) -> Bool {
        for w in namingWords where end - w.count >= floor {
            var ok = true
            for (k, ch) in w.enumerated() where s[end - w.count + k] != ch { ok = false; break }
            if ok { return true }
        }
        return false
    }

    // MARK: cues

    struct Match {
        var span: Span
        var strong: Bool
    }

    /// The cue span to report for a lexicon match: a long entry ending in a short strong one
    /// (激动地说, 对记者说, 回应称) reports that verb only (说, 称), as the guidelines ask.
    func core(_ s: [Unicode.Scalar], _ span: Span) -> Span {
        guard span.count >= 3 else { return span }
        for k in 1...2 where k < span.count {
            let r = (span.end - k)..<span.end
            if let e = cues.entry(s, r), e.tag == "strong" {
                let lead = span.start..<(span.end - k)
                // 说道/写道 stay whole: only trim when what precedes is not itself a cue.
                if cues.entry(s, lead) == nil { return Span(r.lowerBound, r.upperBound) }
            }
        }
        return span
    }

    /// The longest cue ending exactly at `end`, not reaching before `lowerBound`.
    func cue(endingAt end: Int, in s: [Unicode.Scalar], lowerBound: Int) -> Match? {
        guard let n = cues.longestMatch(s, endingAt: end, lowerBound: lowerBound) else { return nil }
        let span = Span(end - n, end)
        // 知道/报道 end in 道; 小说 in 说: a one-character cue right after an ideograph that
        // forms a word with it is not trusted unless strong.
        let e = cues.entry(s, span.range)
        return Match(span: span, strong: e?.tag == "strong")
    }

    /// The longest cue starting exactly at `start`, ending at or before `limit`.
    func cue(at start: Int, in s: [Unicode.Scalar], limit: Int) -> Match? {
        guard let n = cues.longestMatch(s, at: start, limit: limit) else { return nil }
        let span = Span(start, start + n)
        return Match(span: span, strong: cues.entry(s, span.range)?.tag == "strong")
    }

    /// The cue nearest before `end` in `[lowerBound, end)`, searching back over at most `window`
    /// code points and never across a quote mark. With `strongOnly`, weak cues are skipped
    /// unless they end exactly at `end`.
    func nearestCue(before end: Int, in s: [Unicode.Scalar], lowerBound: Int, window: Int,
                    strongOnly: Bool, weakMin: Int = 1, avoid: [Span] = []) -> Match? {
        var e = end
        let floor = max(lowerBound, end - window)
        while e > floor {
            if QuoteCues.isQuoteMark(s[e - 1]) { return nil }
            if let m = cue(endingAt: e, in: s, lowerBound: floor), m.strong || (!strongOnly && m.span.count >= weakMin) || e == end,
               !avoid.contains(where: { $0.overlaps(m.span) }) {
                return m
            }
            e -= 1
        }
        return nil
    }

    /// The first cue starting in `[start, limit)`, not across a quote mark or sentence end.
    func firstCue(after start: Int, in s: [Unicode.Scalar], limit: Int, strongOnly: Bool,
                  avoid: [Span] = []) -> Match? {
        var i = start
        while i < limit {
            if QuoteCues.isQuoteMark(s[i]) || QuoteCues.isSentenceEnd(s[i]) { return nil }
            if let m = cue(at: i, in: s, limit: limit), m.strong || !strongOnly,
               !avoid.contains(where: { $0.overlaps(m.span) }) {
                return m
            }
            i += 1
        }
        return nil
    }
}

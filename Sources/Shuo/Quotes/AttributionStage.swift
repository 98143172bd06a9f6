/// Attributes each direct quote to its speaker by ordered rules, most precise first; each sets
/// the quote's `rule` (appended to the kind rule: `direct-colon+speaker-cue-colon`) and caps its
/// `confidence`:
///
/// 1. `speaker-cue-colon` — 张利文感慨万千：“…”; `cue-comma-quote` — 他说，“…”; `cue-quote` —
///    表示“…”; `speaker-colon` — a colon without a known cue (题词：“…”); `-across-paragraph`
///    when the colon ends the previous paragraph (问：⏎“…”);
/// 2. `quote-then-cue` — “…”王理宗表示 / “…”全国政协委员、…专家张利文开门见山 / “…，”他说;
/// 3. `caption` — a paragraph of titles and a name, then a paragraph that is the quotation;
/// 4. `quote-then-cue-next-paragraph` — the quote is its paragraph, the next one opens with a
///    subject and a cue that ends its sentence (“…”⏎少平说。);
/// 5. `adjacent` — “…”“…”: a quote right after an attributed direct quote continues it;
/// 6. `cue-in-sentence` — reported speech earlier in the sentence (他指出，…，“…”);
/// 7. `quote-then-subject` — a PERSON right after the quote as the next clause's subject;
/// 8. `cue-in-paragraph` — reported speech earlier in the paragraph;
/// 9. `sentence-subject` — no cue, a PERSON in subject position earlier in the sentence;
/// 10. `continuation` — a quote paragraph right after a paragraph that introduced a speaker
///    with a cue and ended with their quote;
/// 11. `next-paragraph-subject` — the quote is its paragraph and the next paragraph's subject is
///    a named person (low confidence);
/// else `no-speaker` with `speaker: null`.
///
/// Subjects are PERSON entities (an addressee after 对/向/跟/给… is skipped), pronouns (他/她 →
/// the nearest PERSON before them in subject position, or the last speaker named nearer than
/// that: suffix `-pronoun`/`-pronoun-speaker`; 他们 → null, `-plural`), other occurrences of a
/// PERSON's text (`-repeated-name`), and, when no person is named, ORG entities (`-org`).
/// Without a PERSON entity a surname from surnames.txt plus one or two given-name characters in
/// subject position stands in (`-fallback`, `mention: nil`). The speaker name is the fullest
/// form of the person (`people`, else the longest PERSON text extending the mention).
/// Cues come from speech-cues.txt (strong anywhere next to a quote; weak only right at a colon
/// or ending the clause).
public struct AttributionStage: Stage {
    public let name = "speakers"
    let cues: QuoteCues
    let pronouns: Lexicon
    let surnames: Lexicon
    let givenChars: Lexicon

    public init(context: StageContext) throws {
        cues = QuoteCues(lexicons: context.lexicons)
        pronouns = context.lexicons.named("pronouns")
        surnames = context.lexicons.named("surnames")
        givenChars = context.lexicons.named("given-name-chars")
    }

    // MARK: per-document view

    struct Subject {
        enum Kind { case person, org, pronoun, plural, fallbackName }
        var kind: Kind
        var span: Span
    }

    struct Result {
        var speaker: Speaker?
        var cue: Span?
        var rule: String
        var confidence: Double
        var viaCueBefore = false
        /// Where the speaker is named (the resolved name for a pronoun), for later pronouns.
        var subjectSpan: Span?
    }

    /// Entities sorted by start, split by type, for binary searches.
    struct View {
        let doc: Document
        let s: [Unicode.Scalar]
        let persons: [Span]
        let orgs: [Span]
        let titles: [Span]
        let all: [Entity]
        let hasPersons: Bool
        /// Speakers found so far in this document and where each was named, in text order.
        var history: [(span: Span, speaker: Speaker)] = []
        /// The texts of the document's PERSON entities, to find their unmarked repetitions.
        let knownNames: Lexicon
        /// `people` names by mention span, and the fullest PERSON text for each shorter one.
        let personName: [Span: String]
        let fullest: [String: String]
        /// PERSON spans by text, in text order.
        let personSpans: [String: [Span]]

        /// The PERSON entity with the same text as `span` nearest to it.
        func nearestSameName(_ span: Span) -> Span? {
            guard let spans = personSpans[doc.text(span)], !spans.isEmpty else { return nil }
            var a = 0, b = spans.count
            while a < b { let m = (a + b) / 2; if spans[m].start < span.start { a = m + 1 } else { b = m } }
            var best: Span?
            for i in [a - 1, a] where i >= 0 && i < spans.count {
                if best == nil || abs(spans[i].start - span.start) < abs(best!.start - span.start) { best = spans[i] }
            }
            return best
        }

        init(_ doc: Document) {
            self.doc = doc
            s = doc.scalars
            let sorted = doc.entities.sorted { $0.span < $1.span }
            all = sorted
            persons = sorted.filter { $0.type == .person }.map(\.span)
            orgs = sorted.filter { $0.type == .org }.map(\.span)
            titles = sorted.filter { $0.type == .title }.map(\.span)
            hasPersons = !persons.isEmpty
            var names = Set<String>()
            for p in persons where p.count >= 2 { names.insert(doc.text(p)) }
            var spansByText: [String: [Span]] = [:]
            for p in persons { spansByText[doc.text(p), default: []].append(p) }
            personSpans = spansByText
            var byMention: [Span: String] = [:]
            for p in doc.people { for m in p.mentions { byMention[m] = p.name } }
            personName = byMention
            // The longest PERSON text that begins or ends with each shorter one (恩佐 → 阿尔弗雷德·恩佐).
            // Ties are broken by text: Set order changes from run to run, and output must not.
            let distinct = Set(persons.map { doc.text($0) }).sorted {
                let a = $0.unicodeScalars.count, b = $1.unicodeScalars.count
                return a != b ? a > b : $0 < $1
            }
            var longest: [String: String] = [:]
            if distinct.count <= 2000 {
                for (k, short) in distinct.enumerated() {
                    for long in distinct[..<k] where long.unicodeScalars.count > short.unicodeScalars.count
                        && (long.hasSuffix(short) || long.hasPrefix(short)) {
                        longest[short] = long
                        break
                    }
                }
            }
            // A three-character Han name is also written by its given name alone (孙少平 → 少平).
            var given = Set<String>()
            for name in names.sorted() where name.unicodeScalars.count == 3
                && name.unicodeScalars.allSatisfy({ QuoteCues.isIdeograph($0) }) {
                let g = String(name.unicodeScalars.dropFirst())
                if !names.contains(g) && longest[g] == nil {
                    longest[g] = name
                    given.insert(g)
                }
            }
            fullest = longest
            knownNames = Lexicon(name: "document-persons", entries: names.union(given).sorted().map { LexiconEntry(text: $0) })
        }

        /// Entities lying within `[lo, hi)`.
        func entities(in lo: Int, _ hi: Int) -> ArraySlice<Entity> {
            var a = 0, b = all.count
            while a < b { let m = (a + b) / 2; if all[m].span.start < lo { a = m + 1 } else { b = m } }
            var e = a
            while e < all.count && all[e].span.end <= hi { e += 1 }
            var k = e
            while k < all.count && all[k].span.start < hi { k += 1 }   // skip partial tails
            return all[a..<e]
        }

        /// Last entity of `spans` ending at or before `end` and starting at or after `lo`.
        func last(_ spans: [Span], endingBy end: Int, from lo: Int) -> Span? {
            var a = 0, b = spans.count
            while a < b { let m = (a + b) / 2; if spans[m].end <= end { a = m + 1 } else { b = m } }
            // spans are sorted by start; with flat entities also by end.
            let i = a - 1
            guard i >= 0, spans[i].start >= lo else { return nil }
            return spans[i]
        }

        func entity(covering offset: Int) -> Entity? {
            var a = 0, b = all.count
            while a < b { let m = (a + b) / 2; if all[m].span.end <= offset { a = m + 1 } else { b = m } }
            return a < all.count && all[a].span.contains(offset) ? all[a] : nil
        }
    }

    public func process(_ document: inout Document) {
        guard document.quotes.contains(where: { $0.kind == .direct }) else { return }
        if document.paragraphs.isEmpty {
            document.paragraphs = ParagraphStage.paragraphs(of: document.scalars)
        }
        var view = View(document)
        var quotes = document.quotes
        var previous: (index: Int, result: Result)?
        for k in quotes.indices {
            guard quotes[k].kind == .direct else {
                if quotes[k].kind == .term { quotes[k].speaker = nil }
                continue
            }
            let r = attribute(quotes[k], index: k, quotes: quotes, previous: previous, view: view)
            quotes[k].speaker = r.speaker
            quotes[k].cue = r.cue
            quotes[k].rule = (quotes[k].rule.map { $0 + "+" } ?? "") + r.rule
            quotes[k].confidence = min(quotes[k].confidence ?? 1, r.confidence)
            if quotes[k].depth == 0 { previous = (k, r) }
            if let sp = r.speaker, let at = r.subjectSpan, r.rule != "adjacent", r.rule != "continuation" {
                view.history.append((at, sp))
            }
        }
        document.quotes = quotes
    }

    // MARK: rules

    func attribute(_ q: Quote, index: Int, quotes: [Quote], previous: (index: Int, result: Result)?,
                   view v: View) -> Result {
        let s = v.s
        let doc = v.doc
        let openAt = q.open?.start ?? q.span.start
        let closeEnd = q.close?.end ?? q.span.end
        guard let pi = doc.paragraphIndex(containing: openAt) else {
            return Result(speaker: nil, cue: nil, rule: "no-speaker", confidence: 0.5)
        }
        let para = doc.paragraphs[pi]
        let lastPi = doc.paragraphIndex(containing: max(closeEnd - 1, openAt)) ?? pi
        let endPara = doc.paragraphs[lastPi]

        // 1. cue then (colon | comma | nothing) then the quote; or a paragraph ending in a colon
        // and the quote opening the next one (少平问：⏎“…”).
        let before = QuoteKindStage.skipBlanksBack(s, from: openAt, floor: para.start)
        if before > para.start {
            if let r = cueBefore(before, para: para, view: v, nextParagraph: false) { return r }
        } else if pi > 0 {
            let prevPara = doc.paragraphs[pi - 1]
            if QuoteCues.isColon(s[prevPara.end - 1]), let r = cueBefore(prevPara.end, para: prevPara, view: v, nextParagraph: true) {
                return r
            }
        }

        // 2. the quote, then a subject and a cue.
        if let m = cueAfter(closeEnd, view: v, para: endPara) {
            let start = QuoteKindStage.skipBlanks(s, from: closeEnd, limit: endPara.end)
            let subject = self.subject(in: start, m.span.start, view: v)
            if subject != nil, let r = resolve(subject, cue: m.span, view: v, rule: "quote-then-cue", confidence: 0.9) {
                return r
            }
        }

        // 3. caption paragraph, then a paragraph that is nothing but this quotation.
        if before == para.start, pi > 0, isWholeParagraph(q, para: endPara, s: s),
           let name = captionName(doc.paragraphs[pi - 1], view: v) {
            return Result(speaker: speaker(name, view: v), cue: nil, rule: "caption", confidence: 0.8)
        }

        // 2b. the quote is its paragraph and the next paragraph opens with a subject and a cue
        // (“…”⏎少平说。).
        if isWholeParagraph(q, para: endPara, s: s), lastPi + 1 < doc.paragraphs.count {
            let next = doc.paragraphs[lastPi + 1]
            if !QuoteCues.isQuoteMark(s[next.start]), let m = cueAfter(next.start, view: v, para: next, wholeSentence: true),
               endsSentenceSoon(m.span.end, para: next, s: s),
               let subject = self.subject(in: next.start, m.span.start, view: v),
               let r = resolve(subject, cue: m.span, view: v, rule: "quote-then-cue-next-paragraph", confidence: 0.75) {
                return r
            }
        }

        // 4. right after another direct quote: “…”“…” / “…”。“…”
        if let prev = previous, let pc = quotes[prev.index].close?.end, prev.result.speaker != nil,
           pc <= openAt, gapIsPunctuation(pc, openAt, s: s) {
            var r = prev.result
            r.rule = "adjacent"
            r.confidence = min(r.confidence, 0.8)
            return r
        }

        // 5. reported speech earlier in the sentence, then in the paragraph.
        let sStart = sentenceStart(openAt, para: para, s: s)
        if let r = cueEarlier(before: before, lowerBound: sStart, view: v, para: para, rule: "cue-in-sentence", confidence: 0.7, unnamed: true) {
            return r
        }

        // 6. a name as the subject of the clause right after the quote.
        do {
            var i = QuoteKindStage.skipBlanks(s, from: closeEnd, limit: endPara.end)
            if i < endPara.end && (QuoteCues.isComma(s[i]) || s[i].value == 0x3002) { i += 1 }
            if v.hasPersons, let e = v.entity(covering: i), e.type == .person, e.span.start == i {
                return Result(speaker: speaker(e.span, view: v), cue: nil, rule: "quote-then-subject", confidence: 0.5)
            }
        }

        if let r = cueEarlier(before: sStart, lowerBound: max(para.start, sStart - Self.lookBack), view: v, para: para, rule: "cue-in-paragraph", confidence: 0.6) {
            return r
        }

        // 7. no cue: a named subject of the sentence holding the quote (徐有芳坐在…，“…”).
        if v.hasPersons {
            var a = 0, b = v.persons.count
            while a < b { let m = (a + b) / 2; if v.persons[m].end <= openAt { a = m + 1 } else { b = m } }
            var k = a - 1
            var found: Span?
            while k >= 0 && v.persons[k].start >= sStart {
                if isSubjectPosition(v.persons[k], view: v) { found = v.persons[k] }
                k -= 1
            }
            if let p = found {
                return Result(speaker: speaker(p, view: v), cue: nil, rule: "sentence-subject", confidence: 0.45)
            }
        }

        // 8. continuation: this paragraph opens with the quote, the previous paragraph introduced
        // a speaker with a cue before a quote and ended with it.
        if openAt == para.start, let prev = previous, prev.result.viaCueBefore, prev.result.speaker != nil,
           let pc = quotes[prev.index].close?.end ?? Optional(quotes[prev.index].span.end),
           pi > 0, doc.paragraphIndex(containing: max(pc - 1, 0)) == pi - 1,
           QuoteKindStage.skipBlanks(s, from: pc, limit: doc.paragraphs[pi - 1].end) + 1 >= doc.paragraphs[pi - 1].end {
            var r = prev.result
            r.rule = "continuation"
            r.cue = nil
            r.confidence = 0.45
            return r
        }

        // 9. a quotation paragraph, then a paragraph whose subject is a named person (“噢……”⏎少安
        //这下才明白了): that person, with low confidence.
        if isWholeParagraph(q, para: endPara, s: s), lastPi + 1 < doc.paragraphs.count {
            let next = doc.paragraphs[lastPi + 1]
            if !QuoteCues.isQuoteMark(s[next.start]), let sub = subject(in: next.start, min(next.end, next.start + 12), view: v, fromStart: true),
               sub.kind == .person || sub.kind == .fallbackName,
               let r = resolve(sub, cue: nil, view: v, rule: "next-paragraph-subject", confidence: 0.4) {
                return r
            }
        }

        return Result(speaker: nil, cue: nil, rule: "no-speaker", confidence: 0.5)
    }

    // MARK: pieces

    /// Rule 1: the code point before the open mark (at `before - 1`) is a colon, a comma or the
    /// end of a cue; the subject before that cue speaks.
    func cueBefore(_ before: Int, para: Span, view v: View, nextParagraph: Bool) -> Result? {
        let s = v.s
        let p = s[before - 1]
        var rule = "cue-quote"
        var cueEnd = before
        if QuoteCues.isColon(p) { rule = "speaker-cue-colon"; cueEnd = before - 1 }
        else if QuoteCues.isComma(p) { rule = "cue-comma-quote"; cueEnd = before - 1 }
        cueEnd = QuoteKindStage.skipBlanksBack(s, from: cueEnd, floor: para.start)
        let clause = clauseStart(cueEnd, para: para, s: s)
        let colon = rule == "speaker-cue-colon"
        let suffix = nextParagraph ? "-across-paragraph" : ""
        if let m = cues.nearestCue(before: cueEnd, in: s, lowerBound: clause, window: colon ? 8 : 3,
                                   strongOnly: !colon, avoid: entitySpans(v, clause, cueEnd)),
           colon || m.span.end == cueEnd {
            let subject = self.subject(before: m.span.start, view: v, para: para)
            if var r = resolve(subject, cue: m.span, view: v, rule: rule + suffix, confidence: colon ? 0.9 : 0.8) {
                r.viaCueBefore = true
                return r
            }
            // A cue with nobody named before it (有记者问：“…”): the cue stands, the speaker is null.
            return Result(speaker: nil, cue: cues.core(s, m.span), rule: rule + suffix + "-unnamed", confidence: 0.6)
        } else if colon {
            // A colon with no known cue (题词：“…”): the clause's subject still speaks.
            let subject = self.subject(before: cueEnd, view: v, para: para)
            if subject != nil, var r = resolve(subject, cue: nil, view: v, rule: "speaker-colon" + suffix, confidence: 0.65) {
                r.viaCueBefore = true
                return r
            }
        }
        return nil
    }

    func entitySpans(_ v: View, _ lo: Int, _ hi: Int) -> [Span] {
        v.entities(in: lo, hi).map(\.span)
    }

    /// The cue ends its sentence (少平说。/ 兰香问他。) or its clause (王理宗表示，…), rather than
    /// introducing a quotation of its own (唐国强回答：“…”).
    func endsSentenceSoon(_ end: Int, para: Span, s: [Unicode.Scalar]) -> Bool {
        var j = end
        while j < min(para.end, end + 4) {
            if QuoteCues.isColon(s[j]) || QuoteCues.isQuoteMark(s[j]) { return false }
            if QuoteCues.isSentenceEnd(s[j]) || QuoteCues.isComma(s[j]) { return true }
            j += 1
        }
        return j >= para.end
    }

    func gapIsPunctuation(_ a: Int, _ b: Int, s: [Unicode.Scalar]) -> Bool {
        guard b - a <= 2 else { return false }
        for i in a..<b where !(ParagraphStage.isBlank(s[i]) || s[i].value == 0x3002 || QuoteCues.isComma(s[i]) || s[i].value == 0x3001) {
            return false
        }
        return true
    }

    /// How far back clause and sentence starts are looked for: keeps every look-back bounded.
    static let lookBack = 300

    func clauseStart(_ offset: Int, para: Span, s: [Unicode.Scalar]) -> Int {
        var i = offset
        let floor = max(para.start, offset - Self.lookBack)
        while i > floor {
            let ch = s[i - 1]
            if QuoteCues.isSentenceEnd(ch) || QuoteCues.isComma(ch) || QuoteCues.isColon(ch) || ch.value == 0x201D || ch.value == 0x300D { break }
            i -= 1
        }
        return i
    }

    func sentenceStart(_ offset: Int, para: Span, s: [Unicode.Scalar]) -> Int {
        var i = offset
        let floor = max(para.start, offset - Self.lookBack)
        while i > floor {
            if QuoteCues.isSentenceEnd(s[i - 1]) { break }
            i -= 1
        }
        return i
    }

    /// The first non-blank offset of the line holding `offset`.
    func lineStart(_ offset: Int, s: [Unicode.Scalar]) -> Int? {
        var i = offset
        while i > 0 && !isLineBreak(s[i - 1]) { i -= 1 }
        while i < offset && ParagraphStage.isBlank(s[i]) { i += 1 }
        return i
    }

    func isWholeParagraph(_ q: Quote, para: Span, s: [Unicode.Scalar]) -> Bool {
        let closeEnd = q.close?.end ?? q.span.end
        let openAt = q.open?.start ?? q.span.start
        // The paragraph starts with the open mark (a multi-paragraph quote ends in `para`).
        guard let first = lineStart(openAt, s: s), first == openAt else { return false }
        var i = closeEnd
        while i < para.end && (ParagraphStage.isBlank(s[i]) || QuoteCues.isFinalPunct(s[i])) { i += 1 }
        return i >= para.end
    }

    /// A cue after the quote's close in the first clause after it.
    func cueAfter(_ closeEnd: Int, view v: View, para: Span, wholeSentence: Bool = false) -> QuoteCues.Match? {
        let s = v.s
        var i = QuoteKindStage.skipBlanks(s, from: closeEnd, limit: para.end)
        if i < para.end && QuoteCues.isComma(s[i]) { i += 1 }
        var limit = i
        let cap = min(para.end, i + 50)
        while limit < cap && !(QuoteCues.isComma(s[limit]) && !wholeSentence) && !QuoteCues.isSentenceEnd(s[limit])
                && !QuoteCues.isColon(s[limit]) && !QuoteCues.isQuoteMark(s[limit]) {
            limit += 1
        }
        let avoid = entitySpans(v, i, limit)
        guard let m = cues.firstCue(after: i, in: s, limit: limit, strongOnly: false, avoid: avoid) else { return nil }
        if m.strong { return m }
        // A weak cue (问, 道, 答) only where the clause ends right after it or after a short
        // addressee: “…”他问。 / “…”兰香问他。
        var j = m.span.end
        while j < min(para.end, m.span.end + 4) && !QuoteCues.isClauseBreak(s[j]) { j += 1 }
        if j >= para.end || QuoteCues.isClauseBreak(s[j]) { return m }
        return nil
    }

    /// A strong cue earlier in `[lowerBound, end)` with a subject before it in its clause.
    func cueEarlier(before end: Int, lowerBound: Int, view v: View, para: Span, rule: String, confidence: Double,
                    unnamed: Bool = false) -> Result? {
        let s = v.s
        var e = end
        var nearest: QuoteCues.Match?
        while e > lowerBound {
            // Weak cues of two or more characters (认为, 提出) count here: the quote is already
            // known to be direct, so only who says it is in question.
            guard let m = cues.nearestCue(before: e, in: s, lowerBound: lowerBound, window: e - lowerBound, strongOnly: false,
                                          weakMin: 2, avoid: entitySpans(v, lowerBound, e)) else { break }
            if nearest == nil { nearest = m }
            if let subject = self.subject(before: m.span.start, view: v, para: para, floor: lowerBound),
               let r = resolve(subject, cue: m.span, view: v, rule: rule, confidence: confidence) {
                return r
            }
            e = m.span.start
        }
        // Reported speech in the same sentence with nobody named (青年人表示要“…”).
        if unnamed, let m = nearest {
            return Result(speaker: nil, cue: cues.core(s, m.span), rule: rule + "-unnamed", confidence: 0.5)
        }
        return nil
    }

    /// The subject of a cue: the PERSON, pronoun or ORG nearest before `cueStart` in its clause,
    /// else the nearest PERSON earlier in the sentence.
    func subject(before cueStart: Int, view v: View, para: Span, floor: Int = 0) -> Subject? {
        let clause = max(floor, clauseStart(cueStart, para: para, s: v.s))
        if let sub = subject(in: clause, cueStart, view: v, allowFallback: false) { return sub }
        let sent = max(floor, sentenceStart(cueStart, para: para, s: v.s))
        if sent < clause {
            // The sentence's subject: the first name or pronoun standing at a clause start
            // (她把稿子放在武惠良的桌上，说：→ 她).
            var c = sent
            while c < clause {
                var e = c
                while e < clause && !QuoteCues.isClauseBreak(v.s[e]) { e += 1 }
                if let sub = subject(in: c, e, view: v, fromStart: true) { return sub }
                c = e + 1
            }
        }
        // A name-like span without an entity in the cue's own clause, then any PERSON earlier
        // in the sentence.
        if let sub = subject(in: clause, cueStart, view: v) { return sub }
        if sent < clause, let p = v.last(v.persons, endingBy: clause, from: sent) {
            return Subject(kind: .person, span: p)
        }
        return nil
    }

    /// Marks the next noun as an addressee or object, not a subject: 对/向/跟/给/和/同/与/问/叫/把/被.
    static let objectMarkers: Set<UInt32> = Set("对向跟给和同与问叫把被让替".unicodeScalars.map(\.value))

    @inline(__always)
    func isAddressee(_ start: Int, _ s: [Unicode.Scalar], floor: Int) -> Bool {
        guard start > floor else { return false }
        if Self.objectMarkers.contains(s[start - 1].value) { return true }
        // 对坐在椅子上的徐治功说: a marker, a short 的 phrase, then the name.
        guard s[start - 1].value == 0x7684 else { return false }
        var i = start - 2
        while i >= max(floor, start - 14) {
            if QuoteCues.isClauseBreak(s[i]) { return false }
            if s[i].value == 0x5BF9 || s[i].value == 0x5411 || s[i].value == 0x8DDF || s[i].value == 0x7ED9 { return true }  // 对 向 跟 给
            i -= 1
        }
        return false
    }

    /// The subject nearest the end of `[lo, hi)`: a PERSON entity, a pronoun, another occurrence
    /// of a name the document has as a PERSON elsewhere, then an ORG, then a name-like span
    /// (surname + one or two ideographs) right before `hi`.
    func subject(in lo: Int, _ hi: Int, view v: View, fromStart: Bool = false, allowFallback: Bool = true) -> Subject? {
        guard lo < hi else { return nil }
        let s = v.s
        if fromStart {
            // Only a subject at the clause start (after titles/orgs and blanks).
            var i = lo
            while i < hi, ParagraphStage.isBlank(s[i]) { i += 1 }
            var leadingOrg: Span?
            while i < hi, let e = v.entity(covering: i), e.type != .person {
                if e.type == .org && leadingOrg == nil && e.span.start == i { leadingOrg = e.span }
                i = e.span.end
            }
            guard i < hi else { return leadingOrg.map { Subject(kind: .org, span: $0) } }
            if let e = v.entity(covering: i), e.type == .person { return Subject(kind: .person, span: e.span) }
            if let n = pronouns.longestMatch(s, at: i, limit: hi), n >= 2 || s[i].value == 0x4ED6 || s[i].value == 0x5979 {
                let span = Span(i, i + n)
                // 他们村的润生 / 她的妹妹小红: the pronoun modifies; the name after 的 is the subject.
                var j = span.end
                while j < min(hi, span.end + 8) && s[j].value != 0x7684 { j += 1 }
                if j + 1 < hi {
                    if let e = v.entity(covering: j + 1), e.type == .person, e.span.start == j + 1 { return Subject(kind: .person, span: e.span) }
                    if let m = v.knownNames.longestMatch(s, at: j + 1, limit: hi) { return Subject(kind: .fallbackName, span: Span(j + 1, j + 1 + m)) }
                }
                return Subject(kind: pronouns.entry(s, span.range)?.tag == "plural" ? .plural : .pronoun, span: span)
            }
            if let n = v.knownNames.longestMatch(s, at: i, limit: hi) { return Subject(kind: .fallbackName, span: Span(i, i + n)) }
            // An organization opening the clause (香港特区政府今天发表…，认为“…”).
            return leadingOrg.map { Subject(kind: .org, span: $0) }
        }
        var i = hi - 1
        while i >= lo {
            if let e = v.entity(covering: i) {
                if e.type == .person && e.span.start >= lo && !isAddressee(e.span.start, s, floor: lo) {
                    return Subject(kind: .person, span: e.span)
                }
                i = e.span.start - 1
                continue
            }
            if let n = pronouns.longestMatch(s, at: i, limit: hi), n >= 2 || s[i].value == 0x4ED6 || s[i].value == 0x5979,
               !isAddressee(i, s, floor: lo) {
                let span = Span(i, i + n)
                let plural = pronouns.entry(s, span.range)?.tag == "plural"
                return Subject(kind: plural ? .plural : .pronoun, span: span)
            }
            if let n = v.knownNames.longestMatch(s, at: i, limit: hi), !isAddressee(i, s, floor: lo) {
                return Subject(kind: .fallbackName, span: Span(i, i + n))
            }
            i -= 1
        }
        // A name-like span right after a TITLE (代表秦华孙签署…) beats an ORG.
        for e in v.entities(in: lo, hi).reversed() where e.type == .title {
            if e.span.end < hi, v.entity(covering: e.span.end) == nil,
               let n = nameLike(at: e.span.end, limit: hi, s: s), !isAddressee(e.span.start, s, floor: lo) {
                return Subject(kind: .fallbackName, span: n)
            }
        }
        if let o = v.last(v.orgs, endingBy: hi, from: lo) {
            return Subject(kind: .org, span: o)
        }
        if allowFallback, let f = fallbackName(endingNear: hi, floor: lo, s: s, view: v) {
            return Subject(kind: .fallbackName, span: f)
        }
        return nil
    }

    /// A name-like span standing in for a missing PERSON entity: a surname from surnames.txt
    /// and one or two given-name characters, either right before `end` (allowing one adverb
    /// such as 也/还/又 between) or at the start of the clause `[floor, end)`, and in subject
    /// position (after a clause break, a title or an org, or at the clause start).
    func fallbackName(endingNear end: Int, floor: Int, s: [Unicode.Scalar], view v: View? = nil) -> Span? {
        func subjectStart(_ i: Int) -> Bool {
            if i <= floor { return true }
            if QuoteCues.isClauseBreak(s[i - 1]) || isLineBreak(s[i - 1]) || ParagraphStage.isBlank(s[i - 1]) { return true }
            if let v, let e = v.entity(covering: i - 1), e.type != .person { return true }
            return false
        }
        func name(at start: Int, limit: Int) -> Span? { nameLike(at: start, limit: limit, s: s) }
        var ends = [end]
        if end - 1 > floor, Self.functionChars.contains(s[end - 1].value) { ends.append(end - 1) }
        for e in ends {
            for len in [3, 2, 4] where e - len >= floor {
                let start = e - len
                if subjectStart(start), let n = name(at: start, limit: e), n.end == e { return n }
            }
        }
        // At the clause start, after titles and orgs: 钱其琛在谈到…时说.
        var i = floor
        if let v { while i < end, let e = v.entity(covering: i), e.type != .person { i = e.span.end } }
        if i < end, let n = name(at: i, limit: end) { return n }
        return nil
    }

    /// A surname from surnames.txt (compound first) and one or two given-name characters at
    /// `start`, not reaching `limit`; reduplications (连连) and function characters excluded.
    func nameLike(at start: Int, limit: Int, s: [Unicode.Scalar]) -> Span? {
        func given(_ i: Int) -> Bool {
            QuoteCues.isIdeograph(s[i]) && !Self.functionChars.contains(s[i].value)
                && (givenChars.count == 0 || givenChars.contains(s, i..<(i + 1)))
        }
        for sl in [2, 1] where start + sl < limit {
            guard surnames.contains(s, start..<(start + sl)) else { continue }
            var e = start + sl
            while e < limit && e < start + sl + 2 && given(e) && s[e] != s[e - 1] { e += 1 }
            if e > start + sl { return Span(start, e) }
        }
        return nil
    }

    /// Characters that end a name run: adverbs, prepositions and verbs that follow a subject.
    static let functionChars: Set<UInt32> = Set("也还又则就都在说表指对向是的和与等将曾已正要讲称谈接再并却便即则".unicodeScalars.map(\.value))

    /// Turns a subject into a result: pronouns are resolved, plural pronouns give no speaker.
    func resolve(_ subject: Subject?, cue: Span?, view v: View, rule: String, confidence: Double) -> Result? {
        guard let subject else { return nil }
        let cueCore = cue.map { cues.core(v.s, $0) }
        switch subject.kind {
        case .person:
            return Result(speaker: speaker(subject.span, view: v), cue: cueCore, rule: rule, confidence: confidence,
                          subjectSpan: subject.span)
        case .fallbackName:
            let known = v.knownNames.contains(v.s, subject.span.range)
            // The name is a PERSON elsewhere: the mention is its nearest PERSON entity.
            let mention = known ? v.nearestSameName(subject.span) : nil
            return Result(speaker: Speaker(name: mention.map { fullestName($0, view: v) } ?? fullestName(subject.span, view: v),
                                           mention: mention), cue: cueCore,
                          rule: rule + (known ? "-repeated-name" : "-fallback"), confidence: confidence * (known ? 0.85 : 0.7),
                          subjectSpan: subject.span)
        case .org:
            return Result(speaker: Speaker(name: v.doc.text(subject.span), mention: subject.span), cue: cueCore,
                          rule: rule + "-org", confidence: confidence * 0.85)
        case .plural:
            return Result(speaker: nil, cue: cueCore, rule: rule + "-plural", confidence: confidence * 0.7)
        case .pronoun:
            let p = antecedent(of: subject.span.start, view: v)
            // A speaker named before (possibly without a PERSON entity) nearer than that PERSON.
            if let h = v.history.last(where: { $0.span.end <= subject.span.start }),
               h.span.start > (p?.start ?? -1),
               let hp = v.doc.paragraphIndex(containing: h.span.start),
               let sp = v.doc.paragraphIndex(containing: subject.span.start), sp - hp <= 3 {
                return Result(speaker: h.speaker, cue: cueCore, rule: rule + "-pronoun-speaker", confidence: confidence * 0.75,
                              subjectSpan: h.span)
            }
            if let p {
                return Result(speaker: speaker(p, view: v), cue: cueCore, rule: rule + "-pronoun", confidence: confidence * 0.8,
                              subjectSpan: p)
            }
            return Result(speaker: nil, cue: cueCore, rule: rule + "-pronoun", confidence: confidence * 0.5)
        }
    }

    /// The PERSON a singular pronoun at `offset` refers to: the nearest preceding PERSON that
    /// stands as a clause subject (sentence or clause start, or right after its titles) within
    /// the last few paragraphs, else the nearest preceding PERSON.
    func antecedent(of offset: Int, view v: View) -> Span? {
        let doc = v.doc
        guard !doc.paragraphs.isEmpty else { return nil }
        let pi = doc.paragraphIndex(containing: offset) ?? 0
        let floor = doc.paragraphs[max(0, pi - 3)].start
        var a = 0, b = v.persons.count
        while a < b { let m = (a + b) / 2; if v.persons[m].end <= offset { a = m + 1 } else { b = m } }
        var i = a - 1
        var nearest: Span?
        while i >= 0 && v.persons[i].start >= floor {
            let p = v.persons[i]
            if nearest == nil { nearest = p }
            if isSubjectPosition(p, view: v) { return p }
            i -= 1
        }
        return nearest
    }

    /// Whether a PERSON mention stands as a clause subject: at a clause start, after its titles
    /// (马来西亚总理马哈蒂尔强调) or after a 的 modifier (眉清目秀的孔玲坐在…), and not itself
    /// modifying what follows (李升的家中).
    func isSubjectPosition(_ p: Span, view v: View) -> Bool {
        let s = v.s
        if p.end < s.count && s[p.end].value == 0x7684 { return false }                // 的
        if p.start == 0 { return true }
        let before = s[p.start - 1]
        if QuoteCues.isClauseBreak(before) || before.value == 0x201D || isLineBreak(before) || before.value == 0x7684 {
            return true
        }
        if let e = v.entity(covering: p.start - 1), e.type == .title { return true }
        return false
    }

    /// The speaker for the entity at `span`: the fullest name of that person in the document.
    func speaker(_ span: Span, view v: View) -> Speaker {
        let isEntity = v.entity(covering: span.start)?.span == span
        return Speaker(name: fullestName(span, view: v), mention: isEntity ? span : nil)
    }

    func fullestName(_ span: Span, view v: View) -> String {
        if let name = v.personName[span] { return name }
        let text = v.doc.text(span)
        return v.fullest[text] ?? text
    }

    /// The name a caption paragraph ends with: the paragraph holds only titles, orgs, a name
    /// (and an optional parenthesised note), no sentence punctuation.
    func captionName(_ para: Span, view v: View) -> Span? {
        let s = v.s
        guard para.count <= 80 else { return nil }
        var end = para.end
        // Drop a trailing note: (受访者供图) / （摄影 …）
        if end > para.start, s[end - 1].value == 0x29 || s[end - 1].value == 0xFF09 {
            var j = end - 1
            while j > para.start && s[j].value != 0x28 && s[j].value != 0xFF08 { j -= 1 }
            if j > para.start { end = j }
        }
        end = QuoteKindStage.skipBlanksBack(s, from: end, floor: para.start)
        for i in para.start..<end {
            let v = s[i].value
            if v == 0x3002 || v == 0xFF0C || v == 0x2C || v == 0xFF1A || v == 0x3A || v == 0xFF01 || v == 0xFF1F || QuoteCues.isQuoteMark(s[i]) {
                return nil
            }
        }
        var name: Span?
        if let p = v.last(v.persons, endingBy: end, from: para.start), p.end == end {
            name = p
        } else if let f = fallbackName(endingNear: end, floor: para.start, s: s, view: v), f.end == end {
            name = f
        }
        guard let p = name else { return nil }
        // Everything before the name is entities (titles, orgs), 、 and blanks — or nothing.
        var covered = 0, total = 0
        for i in para.start..<p.start {
            if ParagraphStage.isBlank(s[i]) || s[i].value == 0x3001 { continue }
            total += 1
            if v.entity(covering: i) != nil { covered += 1 }
        }
        return total == 0 || Double(covered) >= 0.6 * Double(total) ? p : nil
    }
}

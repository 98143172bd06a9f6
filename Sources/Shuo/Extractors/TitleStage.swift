/// TITLE: offices, ranks and professions written in apposition to a named person (spec §3,
/// Corpora/GUIDELINES.md §3).
///
/// 1. Candidates: every listed title (titles.txt: `fixed` compounds kept whole, `head`s) that
///    starts an ICU word (or follows a modifier ICU glued to it: 副主任), widened to the left over
///    title modifiers (副, 常务, 名誉 …; the `ambiguous` ones only when they start a word) and over
///    an assistant head after it (总经理助理). What stands before a head is left out: an ORG is
///    OrgStage's (呼和浩特市市委|副书记), a place is nothing (纽约州|州长, 广东省|人大代表: a
///    title whose first character ends a place starts one character later). Two exceptions
///    stay inside: a unit word with no name in front (市委书记张三, 、县委书记) and a byline posting
///    (本报驻南非记者).
/// 2. Only titles tied to a person are kept:
///    - `title-fixed` / `title-head`: a name-like run follows at once (surname + 1–2 name
///      characters, not a place or known ORG; a transliterated run; a byline name after spaces:
///      本报记者 王皓);
///    - `title-chain`: the title is followed by 、 or 兼, then organization/place material and a
///      title that is itself tied (全国人大代表、呼和浩特市市委副书记、市长贺海东);
///    - `title-after-name`: a head right after a name-like run that starts a clause (after
///      punctuation, a function word or another title) and is followed by punctuation, a
///      function word or a speech verb (何伟委员表示; 张伯礼代表说); a senior office (主席, 总书记,
///      总理, 总统 …) after a full three-character name needs neither (响应江泽民总书记的号召).
///    A title introduced by 作为 is never kept; a title joined to the name by 的 fails the
///    "name follows at once" test by construction (连任3届全国政协委员的何伟).
///
/// PERSON runs after this stage; it may use the TITLE spans as left context for names.
public struct TitleStage: Stage {
    public let name = "titles"

    let titles: Lexicon
    let userTitles: Lexicon
    let modifiers: Lexicon
    let places: Lexicon
    /// Unit words (org suffixes of two or more characters: 市委, 县委, 党委, 政府 …).
    let units: Lexicon
    let names: TitleNameCue
    let forbidden: Set<String>

    /// Byline heads that keep a posting inside (本报驻南非记者).
    static let bylineHeads = TitleOrgChars.words("记者 特约记者 通讯员 摄影记者 评论员 特派记者 首席记者")
    /// Heads that join the head before them into one title (总经理助理).
    static let assistantHeads = TitleOrgChars.words("助理 秘书 特别助理")
    /// Offices that follow a full name in apposition anywhere in a clause (江泽民主席的).
    static let seniorHeads = TitleOrgChars.words("主席 副主席 总书记 总理 副总理 总统 副总统 首相 委员长 副委员长 国务委员 外长 国王 女王 亲王 王储 教皇 秘书长 副秘书长")
    /// Joiners of a title chain.
    static let joiners = TitleOrgChars.set("、兼")
    /// Words that may follow a title + name (…也, …在, …就): built once, not per call.
    static let nameFollowers = TitleOrgChars.set("也在还认就则兼率")
    /// Characters that cannot be inside the organization/place material in front of a title head.
    static let materialBreakers = TitleOrgChars.set("的了是在与或对向从把被给让将为以于到说也都就又还而但等之其该这那们着过曾任")

    public init(context: StageContext) throws {
        let lex = context.lexicons
        titles = lex.named("titles")
        userTitles = lex.user.lexicon(of: .title)
        modifiers = lex.named("title-modifiers")
        places = lex.named("places")
        units = Lexicon(name: "title-units", entries: lex.named("org-suffixes").entries.filter { $0.text.unicodeScalars.count >= 2 })
        names = TitleNameCue(lexicons: lex, titles: lex.named("titles"))
        forbidden = lex.user.forbidden
    }

    struct Candidate {
        var start: Int
        var end: Int
        /// Where the head word (or the fixed title) starts, after modifiers.
        var headStart: Int
        var fixed: Bool
    }

    public func process(_ document: inout Document) {
        let sc = document.scalars
        let n = sc.count
        guard n > 0 else { return }
        let bounds = TitleOrgBoundaries(document)
        let cands = candidates(sc, bounds)
        guard !cands.isEmpty else { return }

        // Tie each candidate to a person, last to first so a chain can lean on what follows it.
        var rule = [String?](repeating: nil, count: cands.count)
        for k in stride(from: cands.count - 1, through: 0, by: -1) {
            let c = cands[k]
            let limit = n
            if names.nameStarts(sc, at: c.end, limit: limit) || names.bylineName(sc, at: c.end, limit: limit) {
                rule[k] = c.fixed ? "title-fixed" : "title-head"
            } else if c.end < n, Self.joiners.contains(sc[c.end].value), k + 1 < cands.count, rule[k + 1] != nil {
                let next = cands[k + 1]
                let from = c.end + 1
                if next.start >= from, next.start - from <= 24, isMaterial(sc, from..<next.start) {
                    rule[k] = "title-chain"
                }
            } else if !c.fixed, afterName(sc, c, bounds, previousEnd: k > 0 && rule[k - 1] == nil ? cands[k - 1].end : -1) {
                rule[k] = "title-after-name"
            }
            if rule[k] != nil, introducedByZuowei(sc, c) { rule[k] = nil }
        }

        var added: [Entity] = []
        for (k, c) in cands.enumerated() {
            guard let r = rule[k] else { continue }
            let span = Span(c.start, c.end)
            if !forbidden.isEmpty, forbidden.contains(document.text(span)) { continue }
            if document.entities.contains(where: { $0.span.overlaps(span) }) { continue }
            added.append(Entity(.title, span, rule: r, confidence: r == "title-after-name" ? 0.6 : 0.85))
        }
        document.entities.append(contentsOf: added)
        document.entities.sort { $0.span < $1.span }
    }

    /// Listed titles in text order, not overlapping, widened over modifiers.
    func candidates(_ sc: [Unicode.Scalar], _ bounds: TitleOrgBoundaries) -> [Candidate] {
        let n = sc.count
        var out: [Candidate] = []
        var i = 0
        while i < n {
            let s = sc[i]
            guard TitleOrgChars.isIdeograph(s) || TitleOrgChars.isAlnum(s) else { i += 1; continue }
            var len = titles.longestMatch(sc, at: i) ?? 0
            var fixed = len > 0 && titles.entry(sc, i..<(i + len))?.tag == "fixed"
            if let u = userTitles.longestMatch(sc, at: i), u >= len { len = u; fixed = true }
            if len > 0, let pl = places.longestMatch(sc, endingAt: i + 1, lowerBound: max(0, i - 8)), pl >= 2,
               titles.longestMatch(sc, at: i + 1) != nil {
                // The title's first character ends a place name (广东省|人大代表, not 广东[省人大代表]):
                // the place is not part of the title; look again one character on.
                i += 1
                continue
            }
            // A head must start a word (银行|行长, not 银[行长]); ASCII heads (CEO) must not be
            // inside a longer Latin word.
            var wordStart = bounds.isStart[i]
            if !wordStart, len > 0, let m = modifiers.longestMatch(sc, endingAt: i, lowerBound: max(0, i - 4)),
               bounds.isStart[i - m] {
                // ICU keeps a modifier and its head together (副主任): still a word start for us.
                wordStart = true
            }
            if len == 0 || !wordStart || (TitleOrgChars.isAlnum(s) && i > 0 && TitleOrgChars.isAlnum(sc[i - 1])) {
                i += 1
                continue
            }
            var end = i + len
            if TitleOrgChars.isAlnum(sc[end - 1]), end < n, TitleOrgChars.isAlnum(sc[end]) { i += 1; continue }
            // An assistant to a head is one title (总经理助理, 院长助理).
            if end < n, let more = titles.longestMatch(sc, at: end), bounds.isStart[end],
               Self.assistantHeads.contains(sc, end..<(end + more)) {
                end += more
            }
            var start = i
            if !fixed || true {
                // Modifiers in front stay inside: 常务副市长, 名誉会长, 首席专家.
                var guardCount = 0
                while guardCount < 3, let m = modifiers.longestMatch(sc, endingAt: start, lowerBound: max(0, start - 4)) {
                    let ms = start - m
                    let entry = modifiers.entry(sc, ms..<start)
                    if entry?.tag == "ambiguous" && !bounds.isStart[ms] { break }
                    if let prev = out.last, prev.end > ms { break }
                    start = ms
                    guardCount += 1
                }
            }
            if start == i, start >= 2, sc[start - 1] != "驻", Self.bylineHeads.contains(sc, i..<end),
               let pl = places.longestMatch(sc, endingAt: start, lowerBound: max(0, start - 8)),
               start - pl >= 1, sc[start - pl - 1] == "驻" {
                // A posting stays inside a byline title: 本报驻南非记者, 驻京记者.
                start -= pl + 1
                if start >= 2, sc[start - 2] == "本", sc[start - 1] == "报" { start -= 2 }
            } else if let u = units.longestMatch(sc, endingAt: start, lowerBound: max(0, start - 4)),
                      u >= 2, start - u == 0 || !(TitleOrgChars.isIdeograph(sc[start - u - 1]) || TitleOrgChars.isAlnum(sc[start - u - 1]))
                        || Self.materialBreakers.contains(sc[start - u - 1].value) || sc[start - u - 1] == "、" {
                // A unit word with no name in front is part of the title (市委书记张三, 县委书记):
                // with a name in front (呼和浩特市市委) it is an ORG, left to OrgStage.
                if let prev = out.last, prev.end > start - u {} else { start -= u }
            }
            out.append(Candidate(start: start, end: end, headStart: i, fixed: fixed))
            i = end
        }
        return out
    }

    /// Whether `range` can be organization or place material between titles of a chain:
    /// ideographs, Latin letters, digits, brackets, and none of the function characters.
    func isMaterial(_ sc: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        for i in range {
            let s = sc[i]
            if TitleOrgChars.isIdeograph(s) {
                if Self.materialBreakers.contains(s.value) { return false }
            } else if !(TitleOrgChars.isAlnum(s) || TitleOrgChars.isOpenBracket(s) || TitleOrgChars.isCloseBracket(s) || s == "·") {
                return false
            }
        }
        return true
    }

    /// 何伟委员 / 张伯礼代表: a name-like run ends right where the head starts, begins a clause,
    /// and the head is followed by punctuation, the end, or a speech verb.
    func afterName(_ sc: [Unicode.Scalar], _ c: Candidate, _ bounds: TitleOrgBoundaries, previousEnd: Int) -> Bool {
        guard c.start == c.headStart || Self.seniorHeads.contains(sc, c.start..<c.end) else { return false }
        let n = sc.count
        var ok = false
        var senior = false
        for k in [2, 3, 4, 5] where c.start - k >= 0 {
            let ns = c.start - k
            guard names.hanName(sc, at: ns, limit: c.start) == k || names.foreignName(sc, at: ns, limit: c.start) == k else { continue }
            if ns == 0 || !(TitleOrgChars.isIdeograph(sc[ns - 1]) || TitleOrgChars.isAlnum(sc[ns - 1])) || previousEnd == ns
                || TitleNameCue.breakers.contains(sc[ns - 1].value)
                || (k == 3 && bounds.isStart[ns] && Self.seniorHeads.contains(sc, c.start..<c.end)) {
                // A senior office right after a full three-character name is apposition even
                // inside a clause (响应江泽民总书记的号召, 和欢迎钱其琛副总理).
                ok = true
                senior = k == 3 && bounds.isStart[ns] && Self.seniorHeads.contains(sc, c.start..<c.end)
                break
            }
        }
        guard ok else { return false }
        if c.end >= n { return true }
        // A senior office after a full name needs no particular word after it (江泽民总书记视察,
        // 克林顿总统访华), only a word end (not 主席团).
        if senior, bounds.isEnd[c.end], sc[c.end] != "团" { return true }
        let next = sc[c.end]
        if !TitleOrgChars.isIdeograph(next) && !TitleOrgChars.isAlnum(next) { return true }
        if names.cues.longestMatch(sc, at: c.end) != nil { return true }
        return TitleNameCue.breakers.contains(next.value) || Self.nameFollowers.contains(next.value)
    }

    /// 作为 before the title (and its organization material) in the same clause.
    func introducedByZuowei(_ sc: [Unicode.Scalar], _ c: Candidate) -> Bool {
        var i = c.start
        var steps = 0
        while i >= 2, steps < 16 {
            let s = sc[i - 1]
            if !(TitleOrgChars.isIdeograph(s) || TitleOrgChars.isAlnum(s)) { return false }
            if sc[i - 2] == "作" && s == "为" { return true }
            i -= 1
            steps += 1
        }
        return false
    }
}

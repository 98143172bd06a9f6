import Foundation

/// PERSON: personal names as written (annotation-spec §3).
///
/// Candidates come from several rules; every candidate gets a score, and candidates are taken
/// greedily, best first, never overlapping each other or the TITLE/ORG entities made before
/// (`threshold`). The `rule` of each entity says which rule made it:
/// - `name-user`: a `--lexicon` PERSON entry, wherever it occurs (always wins).
/// - `name-byline`: names after 记者/通讯员/摄影/编辑/文/图 in a byline, separated by spaces; a
///   name spaced out character by character (本报记者 黄 超) is one span, spaces included. Any
///   2–4 Han characters count there, so names without a Han surname (孟和朝鲁, 牡丹) are found.
/// - `name-surname`: a Han surname (compound first) + 1–2 given-name characters on ICU token
///   boundaries, scored by a logistic model (NameScoring.swift) over surname frequency,
///   given-name character statistics, how ICU cut the span (names are mostly left as single
///   characters) and the words around it (a title before; a speech verb, honorific or title
///   after; punctuation; a loose character that suggests the span is cut out of something
///   longer). Vetoes: not-names.txt, a place name starting at or around the span, surname +
///   honorific or title (张先生, 李主任), a preposition-like surname inside a clause
///   (有助于深化), surname + family/place character (刘家), a number right before (1272万千瓦),
///   a span inside a run of transliteration characters.
/// - `name-after-title`: as `name-surname` or `name-transliterated` with a title right before;
///   and, as a fallback, a run of 2–6 name-like characters right after a title that ends at a
///   clear boundary, even without a Han surname (外交部长恩佐３０日, 发言人吉尔摩６日说).
/// - `name-transliterated`: parts joined by a name dot (穆罕默德·阿里), or a run of
///   transliteration characters scored by the second logistic model (places and place words
///   after it count against it).
/// - `name-japanese`: a Japanese surname (japanese-surnames.txt) + 1–3 characters typical of
///   Japanese given names ending at a clear boundary (桥本龙太郎在, 伊奈恭子不慎), or the surname
///   alone before a title, speech verb or honorific (桥本首相, 小渊说). See NameJapanese.swift.
/// - `name-xiaolao`: 小/老 + surname when that is how the text names someone (小陆说, 老王的).
/// - `name-list`: a weaker candidate joined by 、/和/与 to an accepted name, and any 2–4 Han
///   characters between two accepted names in a 、 list (刘华清、尉健行、李岚清).
/// - `name-doc-consistency`: every further occurrence of a name found with strong evidence
///   (score, byline, after a title, user entry), and short forms: the 2-character given name of
///   a 3-character Han name, the last part of a dotted name.
/// A 3-character Han candidate written twice or more in the document scores higher.
/// Segmentation repairs before scoring: a preposition ICU glued to a surname is split off
/// (和江|泽|民); a name's last character glued to a following 等 is allowed (颜苏|平等). A
/// single-character word after a name (等, 所, 之, 将 …) is not a loose character cut off it; a
/// rare given-name character (outside GB 2312 level 1, common-chars.txt) is not scored as
/// unknown. transliteration-standard.txt adds the standard transliteration syllables to the
/// mined counts; 里 may start or continue a transliterated run (里德, 基里延科).
/// Corrections to the ORG stage: an ORG that starts with surname + 1–2 characters followed
/// by a clause word inside it (黄登仁在任县委) has swallowed a name, and is dropped; so is a
/// transliterated name + 政府 (克林顿政府), whose name is a PERSON.
/// Finally user `!` entries are removed from all entities (this stage owns the forbidden
/// filter for every type). SHUO_PERSON_DEBUG=1 writes every candidate, its score and features
/// to stderr.
public struct PersonStage: Stage {
    public let name = "persons"
    let model: NameModel

    /// Score a candidate needs to be accepted on its own, and to be accepted in a list.
    static let threshold = 2.4
    static let listThreshold = 1.2
    /// A name joined by 、 to an accepted name needs less (会议由王建国、李红梅主持).
    static let commaListThreshold = 0.2
    /// Score from which a name is propagated through the document.
    static let strongThreshold = 4.6
    /// Added to a 3-character Han candidate found twice or more in the document.
    static let repeatBonus = 1.0

    /// Tuning aid: with SHUO_PERSON_DEBUG set, every candidate is written to stderr with its score.
    let debug: Bool

    /// Characters that end a name run after a title (narrower than NameChars.isFunctionChar:
    /// 才 and 正 occur in names, 罗豪才, 叶笃正).
    @inline(__always)
    static func isRunStop(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "的", "是", "在", "说", "和", "也", "就", "又", "还", "都", "把", "被", "对", "给", "跟", "与", "让", "等", "及", "之", "们", "将", "于", "以", "为", "曾", "由", "应", "向", "从":
            true
        default: false
        }
    }

    /// Single characters that follow a name as the next word (…延科均获得, …任英特尔总裁).
    static let afterNameAdverbs: Set<Unicode.Scalar> = ["均", "已", "再", "称", "指", "并", "先", "今", "昨", "任", "著", "译", "编", "摄", "各", "共", "亦"]

    /// Single-character words that often follow a name as the next word of the clause (scored
    /// like a function word after a candidate: 张少农等, 白居易所描绘, 张太雷之女, 邓惜华竟).
    static let afterNameWords: Set<Unicode.Scalar> = afterNameAdverbs.union(["将", "等", "所", "之", "最", "竟", "率", "则", "才", "仍", "便", "即", "却", "刚", "早", "要", "会", "能", "没", "未", "拿", "带", "看", "听", "想", "做"])

    /// Characters that rarely end a given name but often start the clause after a 2-character
    /// name (王非将担任, 杨芳由于, 顾俊近几年): counted like a function word as a 3rd character.
    static let rareGivenLast: Set<Unicode.Scalar> = ["以", "将", "由", "近", "从", "向", "对", "被", "曾", "已", "均", "等", "所", "称", "再", "并", "却", "竟"]

    /// Log given-name ratio assumed for a rare character absent from given-name-chars.txt.
    static let rareGivenLogRatio = log(0.105)

    /// Surnames that inside a clause are nearly always a preposition or adverb.
    static let clauseSurnames: Set<Unicode.Scalar> = ["于", "和", "向", "从", "将", "曾", "连", "经", "与", "同", "把", "对", "为", "以", "在", "自"]
    /// Characters that after a bare surname make a family, clan or place word (刘家, 王氏).
    static let notGivenAlone: Set<Unicode.Scalar> = ["家", "氏", "某", "姓", "老", "总", "朝", "军", "厂", "村", "庄", "店", "府", "门", "族", "派", "院", "队", "们", "哥", "姐", "嫂", "叔", "伯", "婶", "爷", "妈", "公", "婆"]

    static let xiaoLaoWords = Lexicon(name: "xiaolao-words", entries: """
        小康 小时 小米 小平 小师 小包 小费 小麦 小车 小白 小牛 小马 小鱼 小钱 小金 小区 小路 小毛 小商 小城 小农 小雪 小花
        老成 老师 老将 老乡 老伴 老牛 老马 老路 老区 老化 老百 老家 老年 老龄 老干 老党 老农 老总 老城 老牌 老汉 老是
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { LexiconEntry(text: String($0)) })

    public init(context: StageContext) throws {
        model = NameModel(lexicons: context.lexicons)
        debug = ProcessInfo.processInfo.environment["SHUO_PERSON_DEBUG"] != nil
    }

    struct Candidate {
        var span: Span
        var score: Double
        var rule: String
        /// For the statistical rules, which model scored it (1 Han, 2 transliterated), and the
        /// feature vector only when SHUO_PERSON_DEBUG asks for it: inline, it made every
        /// candidate 300 bytes and a long document's candidates hundreds of megabytes.
        var features: FeatureBox? = nil
        var kind = 0
        /// Whether, once accepted, it may seed document consistency (see `consistency`).
        var seeds = true
    }

    public func process(_ document: inout Document) {
        let s = document.scalars
        let n = s.count
        guard n > 0 else { return }
        // A user PERSON entry wins over a TITLE/ORG made before that overlaps it.
        if model.userPersons.count > 0 {
            var user: [Span] = []
            var i = 0
            while i < n {
                if let len = model.userPersons.longestMatch(s, at: i) {
                    user.append(Span(i, i + len))
                    i += len
                } else {
                    i += 1
                }
            }
            if !user.isEmpty {
                document.entities.removeAll { e in user.contains { $0.overlaps(e.span) } }
            }
        }
        dropOrgsSwallowingNames(&document)
        var ctx = Context(document: document, model: model)

        // (the candidate rules only read ctx: see hanNames)
        var cands: [Candidate] = []
        userNames(ctx, &cands)
        bylineNames(ctx, &cands)
        reporterNames(ctx, &cands)
        hanNames(ctx, &cands)
        transliteratedNames(ctx, &cands)
        xiaoLaoNames(ctx, &cands)
        japaneseNames(ctx, &cands)
        afterTitleRuns(ctx, &cands)

        if debug {
            var line = ""
            for c in cands {
                var fs = ""
                if c.kind > 0, let f = c.features?.values { for k in 0..<32 where f[k] != 0 { fs += "\(k):\(f[k]) " } }
                line += "CAND\t\(document.id)\t\(c.span.start)\t\(c.span.end)\t\(c.score)\t\(c.rule)\t\(c.kind)\t\(fs)\n"
            }
            fputs(line, stderr)
        }
        repeatedNames(s, &cands)
        // Highest score first; ties to the longer span.
        cands.sort { $0.score != $1.score ? $0.score > $1.score : $0.span.count > $1.span.count }
        var accepted: [Candidate] = []
        var rejected: [Candidate] = []
        for c in cands {
            if ctx.isForbidden(c.span) { continue }
            if c.score >= Self.threshold, ctx.isFree(c.span) {
                ctx.take(c.span)
                accepted.append(c)
            } else if c.score >= Self.commaListThreshold {
                rejected.append(c)
            }
        }
        // Lists: a weaker candidate next to an accepted name across 、/和.
        var changed = true
        while changed {
            changed = false
            for i in rejected.indices where rejected[i].score >= Self.commaListThreshold {
                let c = rejected[i]
                guard ctx.isFree(c.span) else { continue }
                if c.score >= Self.listThreshold ? ctx.joinedToName(c.span) : ctx.joinedToName(c.span, commaOnly: true) {
                    ctx.take(c.span)
                    accepted.append(Candidate(span: c.span, score: c.score, rule: "name-list"))
                    rejected[i].score = -1
                    changed = true
                }
            }
        }
        fillLists(&ctx, &accepted)
        consistency(&ctx, &accepted)

        for c in accepted {
            let conf = 1 / (1 + exp(-(c.score - Self.threshold)))
            document.entities.append(Entity(.person, c.span, rule: c.rule, confidence: (conf * 100).rounded() / 100))
        }
        if !model.forbidden.entries.isEmpty {
            document.entities.removeAll { model.forbidden.contains(s, $0.span.range) }
        }
        document.entities.sort { $0.span < $1.span }
    }

    // MARK: - Per-document state

    struct Context {
        let s: [Unicode.Scalar]
        let n: Int
        let model: NameModel
        /// Offsets covered by an entity (made before, or accepted here).
        var occupied: BitArray
        /// Token index starting at an offset, or -1.
        var tokenStart: [Int32]
        /// Whether a token ends at an offset (index n included).
        var tokenEnd: BitArray
        /// End offset of the token starting at an offset (0 where none starts).
        var tokenEndFrom: [Int32]
        /// A TITLE entity ends at this offset.
        var titleEndsAt: BitArray
        /// Offsets inside a known place name (places.txt, 2+ characters, starting on a token).
        var inPlace: BitArray
        /// Offsets where such a place name starts.
        var placeStart: BitArray
        /// Accepted PERSON spans by start and end offset (for lists).
        var personStartAt: BitArray
        var personEndAt: BitArray

        init(document: Document, model: NameModel) {
            s = document.scalars
            n = s.count
            self.model = model
            occupied = BitArray(repeating: false, count: n)
            titleEndsAt = BitArray(repeating: false, count: n + 1)
            for e in document.entities {
                for i in e.span.range where i < n { occupied[i] = true }
                if e.type == .title { titleEndsAt[e.span.end] = true }
            }
            tokenStart = [Int32](repeating: -1, count: n + 1)
            tokenEnd = BitArray(repeating: false, count: n + 1)
            tokenEndFrom = [Int32](repeating: 0, count: n + 1)
            if document.tokens.isEmpty {
                for i in 0..<n {
                    tokenStart[i] = Int32(i)
                    tokenEnd[i + 1] = true
                    tokenEndFrom[i] = Int32(i + 1)
                }
                tokenEnd[0] = true
            } else {
                tokenEnd[0] = true
                for (ti, t) in document.tokens.enumerated() where Int(t.end) <= n {
                    tokenStart[Int(t.start)] = Int32(ti)
                    tokenEnd[Int(t.end)] = true
                    tokenEndFrom[Int(t.start)] = t.end
                }
                // ICU glues a preposition to the surname of an unknown name (和江|泽|民, 向江|泽|民,
                // 和穆|巴拉|克): a 2-character token of preposition + surname (or transliteration
                // character) followed by two single-character Han tokens, or by a word of
                // transliteration characters, is split, so the name can start on a token boundary.
                var a = 0
                while a + 3 < n {
                    if tokenStart[a] >= 0, tokenEndFrom[a] == Int32(a + 2), Self.gluedPrepositions.contains(s[a]),
                       NameChars.isHan(s[a + 1]), NameChars.isHan(s[a + 2]), NameChars.isHan(s[a + 3]), tokenStart[a + 2] >= 0 {
                        let singles = tokenEndFrom[a + 2] == Int32(a + 3) && tokenStart[a + 3] >= 0 && tokenEndFrom[a + 3] == Int32(a + 4)
                        var translitWord = false
                        let l = Int(tokenEndFrom[a + 2]) - (a + 2)
                        if l >= 2, model.translitCount(s[a + 1]) >= 5 {
                            translitWord = true
                            for k in (a + 2)..<(a + 2 + l) where !NameChars.isHan(s[k]) || model.translitCount(s[k]) < 2 { translitWord = false }
                        }
                        if singles && model.surnames.contains(s, (a + 1)..<(a + 2)) || translitWord {
                            tokenEndFrom[a] = Int32(a + 1)
                            tokenEnd[a + 1] = true
                            tokenStart[a + 1] = tokenStart[a]
                            tokenEndFrom[a + 1] = Int32(a + 2)
                        }
                    }
                    a += 1
                }
            }
            inPlace = BitArray(repeating: false, count: n + 1)
            placeStart = BitArray(repeating: false, count: n + 1)
            if model.places.count > 0 {
                var i = 0
                while i < n {
                    if tokenStart[i] >= 0, NameChars.isHan(s[i]), let l = model.places.longestMatch(s, at: i), l >= 2 {
                        for k in i..<(i + l) { inPlace[k] = true }
                        placeStart[i] = true
                        i += l
                    } else {
                        i += 1
                    }
                }
            }
            personStartAt = BitArray(repeating: false, count: n + 1)
            personEndAt = BitArray(repeating: false, count: n + 1)
        }

        /// Prepositions and conjunctions ICU may glue to the surname after them (和江|泽|民).
        static let gluedPrepositions: Set<Unicode.Scalar> = ["和", "向", "对", "与", "同", "给", "被", "把", "让", "请", "由", "跟", "及", "据"]

        @inline(__always) func isFree(_ span: Span) -> Bool {
            for i in span.range where occupied[i] { return false }
            return true
        }

        mutating func take(_ span: Span) {
            for i in span.range { occupied[i] = true }
            personStartAt[span.start] = true
            personEndAt[span.end] = true
        }

        func isForbidden(_ span: Span, placesToo: Bool = true) -> Bool {
            if model.notNames.contains(s, span.range) { return true }
            if !model.forbidden.entries.isEmpty, model.forbidden.contains(s, span.range) { return true }
            guard placesToo else { return false }
            // Starting in the middle of a place name (大湾|区智慧).
            if inPlace[span.start], !placeStart[span.start] { return true }
            // A candidate that starts inside or at a known place (安哥拉, 哈萨克|斯坦, 印度|尼西亚);
            // not one that merely ends in a place name (贺|海东).
            if inPlace[span.start], span.count >= 2, inPlace[span.start + 1] {
                var k = span.start
                while k > 0, inPlace[k], !placeStart[k] { k -= 1 }
                if placeStart[k] { return true }
            }
            if !model.forbidden.entries.isEmpty, model.forbidden.contains(s, span.range) { return true }
            return false
        }

        @inline(__always) func isTokenStart(_ i: Int) -> Bool { i <= n && tokenStart[i] >= 0 }
        @inline(__always) func tokenLength(at i: Int) -> Int { i < n && tokenStart[i] >= 0 ? Int(tokenEndFrom[i]) - i : 0 }

        @inline(__always) func isBoundaryBefore(_ i: Int) -> Bool {
            i == 0 || !NameChars.isHan(s[i - 1])
        }

        /// Whether `span` is joined by 、/和/与/及 to an accepted PERSON on either side.
        func joinedToName(_ span: Span, commaOnly: Bool = false) -> Bool {
            if span.start >= 2, NameChars.isListJoiner(s[span.start - 1]), s[span.start - 1] != "，",
               !commaOnly || s[span.start - 1] == "、", personEndAt[span.start - 1] {
                return true
            }
            if span.end + 1 < n, NameChars.isListJoiner(s[span.end]), s[span.end] != "，",
               !commaOnly || s[span.end] == "、", personStartAt[span.end + 1] {
                return true
            }
            return false
        }

        /// A title (entity, or titles.txt word) ends right at `i`.
        func titleBefore(_ i: Int) -> Bool {
            if titleEndsAt[i] { return true }
            if let len = model.titles.longestMatch(s, endingAt: i, lowerBound: max(0, i - 8)), len >= 2 { return true }
            return false
        }

        /// Whether the token at `k` of length `l` can be part of a transliterated name: Han,
        /// and a single character that is not a function word, or all transliteration characters.
        func nameLikeToken(_ k: Int, _ l: Int) -> Bool {
            guard l >= 1, k + l <= n else { return false }
            var allTranslit = true
            for j in k..<(k + l) {
                if !NameChars.isHan(s[j]) || occupied[j] { return false }
                if model.translitCount(s[j]) < 2 { allTranslit = false }
            }
            if allTranslit && l > 1 { return true }
            if l == 1 {
                if NameChars.isFunctionChar(s[k]), s[k] != "里" { return false }
                switch s[k] {
                case "人", "了", "等", "及", "由", "向", "为", "从", "将", "家", "国", "长", "者", "员", "师": return false
                default: return true
                }
            }
            return false
        }

        /// The character before `i` is a Han single-character token that is not a function word
        /// or a preposition: a name starting at `i` may really start earlier (唐|关东, 克|林斯曼).
        func looseCharBefore(_ i: Int) -> Bool {
            guard i > 0, NameChars.isHan(s[i - 1]), tokenStart[i - 1] >= 0, tokenEndFrom[i - 1] == Int32(i),
                  !occupied[i - 1], !titleBefore(i) else { return false }
            let p = s[i - 1]
            if NameChars.isFunctionChar(p) { return false }
            switch p {
            case "由", "向", "让", "请", "据", "为", "从", "使", "令", "派", "经", "按", "连", "嘱", "及", "将", "称",
                 "见", "找", "陪", "帮", "教", "送", "拜", "访", "会", "邀", "约", "随", "等", "着", "了", "过", "上", "下", "中", "后", "前":
                return false
            default:
                return true
            }
        }

        /// A title, speech verb or honorific of 2+ characters starts at `e`.
        func strongRightWord(_ e: Int) -> Bool {
            guard e < n else { return false }
            if let l = model.titles.longestMatch(s, at: e, limit: min(n, e + 8)), l >= 2 { return true }
            if let l = model.cues.longestMatch(s, at: e, limit: min(n, e + 6)), l >= 2 { return true }
            if let l = model.honorifics.longestMatch(s, at: e, limit: min(n, e + 4)), l >= 2 { return true }
            return false
        }

    }

    /// An ORG that starts with surname + 1–2 characters followed, inside the ORG, by a clause
    /// word (在, 是, 任 …) has swallowed a name and a verb (黄登仁在任县委): no organization name
    /// reads like that, so it is dropped and the name is left to the rules below.
    func dropOrgsSwallowingNames(_ document: inout Document) {
        let s = document.scalars
        document.entities.removeAll { e in
            // A foreign leader's name + 政府 (克林顿政府, 内塔尼亚胡政府): the government is named
            // after a person, the name is a PERSON.
            if e.type == .org, e.span.count >= 4, e.span.count <= 7, s[e.span.end - 2] == "政", s[e.span.end - 1] == "府" {
                let name = e.span.start..<(e.span.end - 2)
                var translit = true
                for k in name where !NameChars.isHan(s[k]) || model.translitCount(s[k]) < 2 { translit = false }
                if translit, model.places.longestMatch(s, at: name.lowerBound, limit: name.upperBound) == nil { return true }
            }
            guard e.type == .org, e.span.count >= 5, NameChars.isHan(s[e.span.start]),
                  model.surnames.contains(s, e.span.start..<(e.span.start + 1)) else { return false }
            for gl in 1...2 {
                let k = e.span.start + 1 + gl
                guard k < e.span.end - 1 else { continue }
                switch s[k] {
                case "在", "是", "任", "说", "曾", "于", "也", "就", "对", "向", "将", "把", "被", "的":
                    var name = true
                    for j in (e.span.start + 1)..<k where model.givenRatio[s[j].value] == nil && model.translitCount(s[j]) < 2 { name = false }
                    if name { return true }
                default: continue
                }
            }
            return false
        }
    }

    // MARK: - Rules

    func userNames(_ ctx: Context, _ out: inout [Candidate]) {
        let lex = model.userPersons
        guard lex.count > 0 else { return }
        var i = 0
        while i < ctx.n {
            if let len = lex.longestMatch(ctx.s, at: i) {
                out.append(Candidate(span: Span(i, i + len), score: 100, rule: "name-user"))
                i += len
            } else {
                i += 1
            }
        }
    }

    /// Whether the text ending at `i` is a byline head: 记者, 通讯员, 摄影, 编辑 (alone or as the end
    /// of a title such as 本报记者, 新华社记者), or 文/图.
    func bylineHead(_ ctx: Context, endingAt i: Int) -> Bool {
        let s = ctx.s
        func ends(_ lit: String) -> Bool {
            let u = Array(lit.unicodeScalars)
            guard i - u.count >= 0 else { return false }
            for k in 0..<u.count where s[i - u.count + k] != u[k] { return false }
            return true
        }
        return ends("记者") || ends("通讯员") || ends("摄影") || ends("摄") || ends("编辑") || ends("文/图") || ends("文／图") || ends("撰稿")
    }

    /// 记者薛原报道, 记者陈昭、王芳报道, （新华社记者戴浩摄）: the names between a reporter
    /// title and 报道/摄 are names whatever their characters (`name-byline`).
    func reporterNames(_ ctx: Context, _ out: inout [Candidate]) {
        let s = ctx.s, n = ctx.n
        var i = 2
        while i < n {
            guard NameChars.isHan(s[i]), s[i - 1] == "者" && s[i - 2] == "记" || s[i - 1] == "员" && i >= 3 && s[i - 2] == "讯" && s[i - 3] == "通"
            else { i += 1; continue }
            var names: [Span] = []
            var j = i
            var closed = false
            while j < n {
                var k = j
                while k < n, NameChars.isHan(s[k]), k - j <= 5 { k += 1 }
                // The name ends before 报道 or 摄.
                var end = k
                if k - j >= 3, s[k - 1] == "摄" { end = k - 1; closed = true }
                else if k - j >= 4, s[k - 2] == "报", s[k - 1] == "道" { end = k - 2; closed = true }
                guard end - j >= 2, end - j <= 4 else { break }
                names.append(Span(j, end))
                if closed { break }
                guard k < n, s[k] == "、" else { break }
                j = k + 1
            }
            if closed {
                for name in names where ctx.isFree(name) && !ctx.isForbidden(name, placesToo: false) {
                    out.append(Candidate(span: name, score: 50, rule: "name-byline"))
                }
            }
            i = max(i + 1, j)
        }
    }

    func bylineStop(_ ctx: Context, _ g: Span) -> Bool {
        let s = ctx.s
        let last = s[g.end - 1]
        if last == "摄" || last == "电" || last == "讯" || last == "文" || last == "图" { return true }
        if g.count >= 2, s[g.end - 2] == "报", last == "道" { return true }
        if model.titles.contains(s, g.range) || model.cues.contains(s, g.range) || model.places.contains(s, g.range) { return true }
        if let l = model.places.longestMatch(s, at: g.start, limit: g.end), l >= 2 { return true }
        return model.notNames.contains(s, g.range)
    }

    func bylineNames(_ ctx: Context, _ out: inout [Candidate]) {
        let s = ctx.s, n = ctx.n
        var i = 0
        while i < n {
            // A byline head followed by an inline space.
            guard NameChars.isInlineSpace(s[i]), i > 0, NameChars.isHan(s[i - 1]) || s[i - 1] == "图",
                  bylineHead(ctx, endingAt: i) else { i += 1; continue }
            // Read space-separated groups of Han characters to the end of the line.
            var groups: [Span] = []
            var j = i
            while j < n {
                while j < n, NameChars.isInlineSpace(s[j]) { j += 1 }
                guard j < n, NameChars.isHan(s[j]) else { break }
                var k = j
                while k < n, NameChars.isHan(s[k]) { k += 1 }
                // Not a name: 报道, 北京报道, 摄, 文/图, a title (通讯员), a place or speech word.
                if bylineStop(ctx, Span(j, k)) { break }
                groups.append(Span(j, k))
                j = k
                if k < n, !NameChars.isInlineSpace(s[k]) { break }
            }
            // Merge runs of single characters (黄 超) into one name.
            var names: [Span] = []
            var g = 0
            var ok = true
            while g < groups.count {
                if groups[g].count == 1 {
                    var h = g
                    while h + 1 < groups.count, groups[h + 1].count == 1, groups[h + 1].start - groups[h].end <= 2 { h += 1 }
                    if h > g, h - g <= 3 { names.append(Span(groups[g].start, groups[h].end)) } else { ok = false }
                    g = h + 1
                } else {
                    if groups[g].count > 4 { ok = false; break }
                    names.append(groups[g])
                    g += 1
                }
            }
            // The last group may run into the text (本报记者 王皓报道): leave it to the other rules.
            if ok {
                for name in names where !ctx.isForbidden(name) {
                    let endsLine = name.end >= n || !NameChars.isHan(s[name.end])
                    guard endsLine else { continue }
                    out.append(Candidate(span: name, score: 50, rule: "name-byline"))
                }
            }
            i = max(j, i + 1)
        }
    }

    /// Takes `ctx` borrowed, not inout, like the other candidate rules: they only read it, and
    /// with inout the compiler copied the whole Context (1.5 kB) before each call of a helper
    /// on it, once per candidate.
    func hanNames(_ ctx: Context, _ out: inout [Candidate]) {
        typealias F = NameFeatures
        let s = ctx.s, n = ctx.n
        for i in 0..<n {
            guard ctx.tokenStart[i] >= 0, NameChars.isHan(s[i]), !ctx.occupied[i] else { continue }
            // After a number it is a measure word or unit (1272万千瓦, 3张卫星图片), not a name.
            if i > 0, NameChars.isNumeral(s[i - 1]) { continue }
            for sl in stride(from: 2, through: 1, by: -1) {
                guard i + sl < n, let sur = model.surnames.entry(s, i..<(i + sl)) else { continue }
                let gStart = i + sl
                // 张先生, 李主任, 王总: surname + honorific or title is not a name.
                if model.honorifics.longestMatch(s, at: gStart, limit: min(n, gStart + 4)) != nil { continue }
                if let t = model.titles.longestMatch(s, at: gStart, limit: min(n, gStart + 8)), ctx.tokenEnd[gStart + t] { continue }
                // 王他们, 李其: but 钱其琛 is a name.
                let pronoun = model.pronouns.longestMatch(s, at: gStart, limit: min(n, gStart + 3)) ?? 0
                if pronoun >= 2 { continue }
                for gl in 1...2 {
                    let e = gStart + gl
                    if pronoun == 1 && gl == 1 { continue }
                    // （新华社记者戴浩摄）: 摄 closes a photo credit, it is not part of the name.
                    if e < n, s[e - 1] == "摄", !NameChars.isHan(s[e]) { continue }
                    guard e <= n else { continue }
                    var f = SIMD32<Double>(repeating: 0)
                    // ICU may glue the name's last character to the next word (迟浩|田上|将):
                    // allowed when a title, speech verb or honorific starts right after.
                    // Likewise when the glued word is the last given character + a function word or
                    // 等 (颜苏|平等 → 颜苏平 + 等).
                    if !ctx.tokenEnd[e] {
                        guard ctx.strongRightWord(e) || gluedFunctionAfter(ctx, e) else { continue }
                        f[F.hCut] = 1
                    }
                    var allHan = true
                    for k in gStart..<e where !NameChars.isHan(s[k]) || ctx.occupied[k] { allHan = false }
                    guard allHan else { continue }
                    let span = Span(i, e)
                    if ctx.isForbidden(span) { continue }
                    f[F.hBias] = 1
                    f[F.hSurnameLogWeight] = log(max(1, sur.weight))
                    f[F.hCompound] = sl == 2 ? 1 : 0
                    f[F.hThreeChar] = gl == 2 ? 1 : 0
                    var minLog = 0.0
                    for k in gStart..<e {
                        if let lr = logRatio(s[k]) {
                            f[F.hGivenLogRatio] += lr
                            minLog = min(minLog, lr)
                        } else if model.isRare(s[k]) {
                            // A rare character missing from the statistics: scored like a
                            // moderately name-like one (季羡林, 陈寅恪), not as unknown.
                            f[F.hGivenLogRatio] += Self.rareGivenLogRatio
                            minLog = min(minLog, Self.rareGivenLogRatio)
                        } else {
                            f[F.hGivenUnknown] += 1
                            if ctx.tokenLength(at: k) == 1 { f[F.hGivenUnknownSingle] += 1 }
                            minLog = min(minLog, log(0.005))
                        }
                    }
                    f[F.hGivenMinLogRatio] = minLog
                    if sl == 1, NameChars.isFunctionSurname(s[i]) { f[F.hFunctionSurname] = 1 }
                    // (里 ends transliterated names, 麦柯里, 詹祖里: counted below, only without a title
                    // or speech verb around, as in 秋风里)
                    if gl == 2, NameChars.isFunctionChar(s[e - 1]) && s[e - 1] != "里" || Self.rareGivenLast.contains(s[e - 1]) { f[F.hLastFunction] = 1 }
                    // How ICU cut it.
                    let firstTok = ctx.tokenLength(at: i)
                    if firstTok == sl {
                        f[F.hSurnameOwnToken] = 1
                        var singles = true
                        var k = gStart
                        while k < e {
                            let l = ctx.tokenLength(at: k)
                            if l != 1 { singles = false }
                            k += max(l, 1)
                        }
                        if singles {
                            f[gl == 2 ? F.hGivenSingles2 : F.hGivenSingle1] = 1
                        } else if ctx.tokenLength(at: gStart) == gl && gl == 2 {
                            f[F.hGivenWord] = 1
                        }
                    } else if i + firstTok == e {
                        // The whole name is one ICU word: famous 3-character names are in its
                        // dictionary (邓小平); 2-character ones are mostly ordinary words (高峰).
                        f[sl + gl >= 3 ? F.hWholeWord3 : F.hWholeWord2] = 1
                        if model.notNames.contains(s, i..<e) { continue }
                    } else {
                        // ICU glued the surname to part of the given name as a word (e.g. 高度).
                        if model.notNames.contains(s, i..<(i + firstTok)) { continue }
                        f[F.hSurnameGlued] = 1
                    }
                    let d = sides(ctx, i, e)
                    let personContext = d.titleBefore || d.rightCue || d.rightHonorific || d.rightTitle
                    if gl == 2, s[e - 1] == "里", !personContext { f[F.hLastFunction] = 1 }
                    // Guards the statistics miss: a preposition-like surname inside a clause
                    // (有助于深化, 毕业于北大), an ICU word of surname + 1 (王朝, 高徒), and
                    // surname + a family/place character (刘家, 王氏, 李村).
                    if sl == 1, !ctx.titleEndsAt[i], !d.leftPunct, !d.leftComma, Self.clauseSurnames.contains(s[i]) { continue }
                    // (an ICU word of surname + 1 may still be a name inside a list of names: 乔石)
                    let listOnly = sl + gl == 2 && f[F.hWholeWord2] == 1 && !personContext
                    if gl == 1, Self.notGivenAlone.contains(s[gStart]) { continue }
                    // Inside a run of transliteration characters (萨|马兰奇, 克|林斯曼): leave it
                    // to the transliteration rule.
                    if d.leftLoose, model.translitCount(s[i - 1]) >= 5 {
                        var allTranslit = true
                        for k in i..<e where model.translitCount(s[k]) < 2 { allTranslit = false }
                        if allTranslit { continue }
                    }
                    f[F.hTitleBefore] = d.titleBefore ? 1 : 0
                    f[F.hLeftComma] = d.leftComma ? 1 : 0
                    f[F.hLeftPunct] = d.leftPunct ? 1 : 0
                    f[F.hLeftFunction] = d.leftFunction ? 1 : 0
                    f[F.hLeftLoose] = d.leftLoose ? 1 : 0
                    f[F.hRightCue] = d.rightCue ? 1 : 0
                    f[F.hRightHonorific] = d.rightHonorific ? 1 : 0
                    f[F.hRightTitle] = d.rightTitle ? 1 : 0
                    f[F.hRightPunct] = d.rightPunct ? 1 : 0
                    f[F.hRightComma] = d.rightComma ? 1 : 0
                    f[F.hRightLoose] = d.rightLoose ? 1 : 0
                    f[F.hRightFunction] = d.rightFunction ? 1 : 0
                    f[F.hRightParen] = d.rightParen ? 1 : 0
                    var score = (f * F.hanWeights).sum() - F.hanThreshold + Self.threshold
                    if d.titleBefore { score += F.hanTitleBonus }
                    // (the model scores it: famous names are ICU words, 鲁宾, 张骞, 李白; an
                    // ordinary word stays below the threshold and is kept only for a list)
                    if listOnly { score = max(score, Self.commaListThreshold + 0.1) }
                    out.append(Candidate(span: span, score: score, rule: d.titleBefore ? "name-after-title" : "name-surname",
                                         features: debug ? FeatureBox(f) : nil, kind: 1))
                }
            }
        }
    }

    func transliteratedNames(_ ctx: Context, _ out: inout [Candidate]) {
        let s = ctx.s, n = ctx.n
        // Dotted names: extend over name-like tokens on both sides of each dot.
        var i = 1
        while i + 1 < n {
            guard NameChars.isNameDot(s[i]), NameChars.isHan(s[i - 1]), NameChars.isHan(s[i + 1]) else { i += 1; continue }
            var start = i
            while start > 0, NameChars.isHan(s[start - 1]), !ctx.occupied[start - 1] {
                // The token ending at `start`.
                var b = start - 1
                while b > 0, ctx.tokenStart[b] < 0, NameChars.isHan(s[b - 1]) { b -= 1 }
                guard start == i || ctx.nameLikeToken(b, start - b), !ctx.titleBefore(start) || start == i else { break }
                start = b
                if ctx.titleBefore(start) { break }
            }
            if start == i { start = i - 1 }
            var end = i + 1
            var k = i + 1
            while k < n {
                if NameChars.isHan(s[k]), !ctx.occupied[k] {
                    let l = max(1, ctx.tokenLength(at: k))
                    guard k + l <= n, ctx.nameLikeToken(k, l) || k == i + 1 else { break }
                    if k > i + 1, ctx.strongRightWord(k) { break }
                    // A trailing single character must look like part of a foreign name (not 均, 任).
                    if k > i + 2, l == 1 {
                        if Self.isRunStop(s[k]) || Self.afterNameAdverbs.contains(s[k]) { break }
                        if model.translitCount(s[k]) < 2, (model.givenRatio[s[k].value] ?? 0) < 0.03,
                           !model.surnames.contains(s, k..<(k + 1)) { break }
                    }
                    k += l
                    end = k
                } else if k + 1 < n, NameChars.isNameDot(s[k]), NameChars.isHan(s[k + 1]) {
                    k += 1
                } else {
                    break
                }
            }
            if end <= i + 1 { end = i + 2 }
            out.append(Candidate(span: Span(start, end), score: 8, rule: "name-transliterated"))
            i = end
        }
        // Runs of common transliteration characters, on token boundaries.
        i = 0
        while i < n {
            guard ctx.tokenStart[i] >= 0, NameChars.isHan(s[i]), !ctx.occupied[i],
                  model.translitCount(s[i]) >= 5, !NameChars.isFunctionChar(s[i]) || translitLeadingLi(ctx, i) else { i += 1; continue }
            // Common word characters start a run only when it is long (内塔尼亚胡, 比埃尔霍夫).
            var weakStart = false
            switch s[i] {
            case "人", "多", "大", "和", "子", "文", "天", "新", "海", "山", "南", "内", "比", "加", "因", "保", "达", "图", "汉", "列":
                weakStart = true
            default: break
            }
            var e = i
            var tokens = 0
            var multi = 0
            while e < n, ctx.tokenStart[e] >= 0 {
                let l = ctx.tokenLength(at: e)
                var ok = l > 0
                for k in e..<(e + l) where !NameChars.isHan(s[k]) || model.translitCount(s[k]) < (k == i ? 5 : 2) || ctx.occupied[k]
                    || NameChars.isFunctionChar(s[k]) && !translitInnerLi(ctx, k, runStart: i) && !(k == i && translitLeadingLi(ctx, k))
                    || s[k] == "以" { ok = false }
                guard ok else { break }
                if e > i, ctx.strongRightWord(e) { break }
                tokens += 1
                if l > 1 { multi += 1 }
                e += l
            }
            let len = e - i
            guard len >= 2 else { i += max(1, len); continue }
            if weakStart, len < 4 || s[i] == "人" || s[i] == "和" { i += 1; continue }
            // Known places (and ICU words that are places) are not names.
            if model.places.contains(s, i..<e) || model.surnames.contains(s, i..<e) { i = e; continue }
            var placeInside = false
            var k = i
            while k < e {
                let l = ctx.tokenLength(at: k)
                if l > 1, model.places.contains(s, k..<(k + l)) { placeInside = true }
                k += max(l, 1)
            }
            if placeInside { i = e; continue }
            typealias F = NameFeatures
            var f = SIMD32<Double>(repeating: 0)
            f[F.tBias] = 1
            f[F.tLength] = Double(min(len, 6))
            f[F.tTwoChars] = len == 2 ? 1 : 0
            f[F.tOneWord] = multi == tokens && tokens == 1 ? 1 : 0
            f[F.tAllSingles] = multi == 0 ? 1 : 0
            let last = s[e - 1]
            f[F.tPlaceEnding] = last == "亚" || last == "斯" && len <= 3 ? 1 : 0
            var sumLog = 0.0, minLog = 100.0
            for k in i..<e {
                let c = log(Double(max(1, model.translitCount(s[k]))))
                sumLog += c
                minLog = min(minLog, c)
            }
            f[F.tMeanLogCount] = sumLog / Double(len)
            f[F.tMinLogCount] = minLog
            let d = sides(ctx, i, e)
            let afterTitle = d.titleBefore
            f[F.tTitleBefore] = d.titleBefore ? 1 : 0
            f[F.tLeftComma] = d.leftComma ? 1 : 0
            f[F.tLeftPunct] = d.leftPunct ? 1 : 0
            f[F.tLeftFunction] = d.leftFunction ? 1 : 0
            f[F.tRightCue] = d.rightCue ? 1 : 0
            f[F.tRightHonorific] = d.rightHonorific ? 1 : 0
            f[F.tRightTitle] = d.rightTitle ? 1 : 0
            f[F.tRightPunct] = d.rightPunct ? 1 : 0
            f[F.tRightComma] = d.rightComma ? 1 : 0
            f[F.tLooseBefore] = d.leftLoose ? 1 : 0
            f[F.tLooseAfter] = d.rightLoose ? 1 : 0
            // Where a place is expected (在…, 访问…) or a place or organization word follows.
            if i > 0 {
                switch s[i - 1] {
                case "在", "于", "到", "赴", "抵", "访", "至", "往", "飞", "经", "从", "驻", "报": f[F.tPlacePrepBefore] = 1
                default: break
                }
            }
            if e < n {
                switch s[e] {
                case "国", "省", "市", "州", "县", "队", "河", "湖", "山", "岛", "港", "城", "族", "语", "人", "式", "派", "牌",
                     "堡", "湾", "公", "集", "大", "电", "报", "号", "群", "地", "区", "机", "现", "核", "交", "举", "特", "行", "的":
                    f[F.tPlaceWordAfter] = 1
                default: break
                }
            }
            let score = (f * F.translitWeights).sum() - F.translitThreshold + Self.threshold
            out.append(Candidate(span: Span(i, e), score: score, rule: afterTitle ? "name-after-title" : "name-transliterated",
                                 features: debug ? FeatureBox(f) : nil, kind: 2))
            i = e
        }
    }

    /// The name's last character and the character at `e` form one 2-character ICU token, and
    /// the character at `e` is 等 (other function characters glue into words too often: 成都, 过于).
    @inline(__always)
    func gluedFunctionAfter(_ ctx: Context, _ e: Int) -> Bool {
        guard e >= 1, e < ctx.n, ctx.tokenStart[e - 1] >= 0, ctx.tokenEndFrom[e - 1] == Int32(e + 1) else { return false }
        let c = ctx.s[e]
        return c == "等"
    }

    /// 里 is a function word (这里, 家里) but also a common transliteration syllable (基里延科,
    /// 罗马里奥): inside a run, after its first character and before another transliteration
    /// character that is not a function word, it is part of the name.
    @inline(__always)
    func translitInnerLi(_ ctx: Context, _ k: Int, runStart: Int) -> Bool {
        let s = ctx.s
        guard s[k] == "里", k > runStart, k + 1 < ctx.n, NameChars.isHan(s[k + 1]), !ctx.occupied[k + 1] else { return false }
        return model.translitCount(s[k + 1]) >= 2 && !NameChars.isFunctionChar(s[k + 1])
    }

    /// 里 can start a transliterated name (里德, 里贝罗) where it cannot be the end of 这里/那里:
    /// after punctuation or 的/和/而/与/及, on its own token, before a transliteration character.
    @inline(__always)
    func translitLeadingLi(_ ctx: Context, _ i: Int) -> Bool {
        let s = ctx.s
        guard s[i] == "里", i + 1 < ctx.n, ctx.tokenLength(at: i) == 1, NameChars.isHan(s[i + 1]),
              model.translitCount(s[i + 1]) >= 5, !NameChars.isFunctionChar(s[i + 1]) else { return false }
        guard i > 0, NameChars.isHan(s[i - 1]) else { return true }
        switch s[i - 1] {
        case "的", "和", "而", "与", "及": return true
        default: return false
        }
    }

    /// Right after a TITLE entity, a run of characters ICU did not know as words (single
    /// characters, or words of transliteration characters) that ends at a clear boundary is a
    /// name even without a Han surname (发言人吉尔摩６日说, 总理若斯潘突然): `name-after-title`,
    /// a fallback the surname and transliteration rules outscore where they apply.
    func afterTitleRuns(_ ctx: Context, _ out: inout [Candidate]) {
        let s = ctx.s, n = ctx.n
        for i in 1..<max(1, n) where ctx.tokenStart[i] >= 0 && NameChars.isHan(s[i]) && !ctx.occupied[i] {
            guard ctx.titleBefore(i) else { continue }
            var e = i
            while e < n, NameChars.isHan(s[e]), !ctx.occupied[e], ctx.tokenStart[e] >= 0, e - i < 7 {
                let l = ctx.tokenLength(at: e)
                if e > i {
                    if Self.isRunStop(s[e]) || ctx.strongRightWord(e) { break }
                    if model.cues.longestMatch(s, at: e, limit: min(n, e + 6)) != nil { break }
                }
                if l == 1 {
                    if Self.isRunStop(s[e]) { break }
                    // Every character must look like part of a name.
                    // (a character absent from the given-name statistics is a rare one, 叶利钦;
                    // a known one with a low ratio is a common word character)
                    if model.translitCount(s[e]) < 2, let r = model.givenRatio[s[e].value], r < 0.05,
                       !(e == i && model.surnames.contains(s, e..<(e + 1))) { e = i; break }
                } else {
                    var translit = true
                    for k in e..<(e + l) where model.translitCount(s[k]) < 2 { translit = false }
                    if !translit { break }
                }
                e += l
            }
            let len = e - i
            guard len >= 2, len <= 6 else { continue }
            var allTranslit = true
            for k in i..<e where model.translitCount(s[k]) < 2 { allTranslit = false }
            if len >= 5, !allTranslit { continue }
            // A clear end: punctuation, a digit, a speech verb, a function word, a title.
            var hard = e >= n || !NameChars.isHan(s[e])
            if !hard {
                hard = NameChars.isFunctionChar(s[e]) || Self.isRunStop(s[e]) || ctx.strongRightWord(e)
                    || model.cues.longestMatch(s, at: e, limit: min(n, e + 6)) != nil
                    || s[e] == "等" || s[e] == "及" || s[e] == "今" || s[e] == "昨" || s[e] == "近" || s[e] == "日"
            }
            guard hard else { continue }
            // Only foreign-looking runs or runs with a Han surname seed document consistency.
            let seeds = allTranslit || model.surnames.contains(s, i..<(i + 1))
            out.append(Candidate(span: Span(i, e), score: Self.threshold + 0.1, rule: "name-after-title", seeds: seeds))
        }
    }

    func xiaoLaoNames(_ ctx: Context, _ out: inout [Candidate]) {
        let s = ctx.s, n = ctx.n
        guard n >= 2 else { return }
        for i in 0..<(n - 1) {
            guard s[i] == "小" || s[i] == "老", ctx.tokenLength(at: i) == 2 || ctx.tokenLength(at: i) == 1 && ctx.tokenLength(at: i + 1) == 1,
                  let sur = model.surnames.entry(s, (i + 1)..<(i + 2)), sur.weight >= 5 else { continue }
            // Words, not names: 小康, 小时, 老师, 老乡 …
            if Self.xiaoLaoWords.contains(s, i..<(i + 2)) { continue }
            // 邓小平: 小 inside a name.
            if i > 0, NameChars.isHan(s[i - 1]), model.surnames.contains(s, (i - 1)..<i) { continue }
            let e = i + 2
            var score = 1.8
            if e >= n || !NameChars.isHan(s[e]) {
                score += 1.0
            } else if ctx.tokenLength(at: e) >= 2 || NameChars.isFunctionChar(s[e]) {
                score += 0.8
                if model.cues.longestMatch(s, at: e, limit: min(n, e + 6)) != nil { score += 0.6 }
            } else {
                continue
            }
            out.append(Candidate(span: Span(i, e), score: score, rule: "name-xiaolao"))
        }
    }

    /// A 3-character Han candidate written more than once in the document is more likely a name
    /// (a name is repeated, a chance character triple rarely is): its score goes up.
    func repeatedNames(_ s: [Unicode.Scalar], _ cands: inout [Candidate]) {
        @inline(__always) func key(_ sp: Span) -> UInt64 {
            UInt64(s[sp.start].value) << 42 | UInt64(s[sp.start + 1].value) << 21 | UInt64(s[sp.start + 2].value)
        }
        var counts: [UInt64: Int] = [:]
        for c in cands where c.kind == 1 && c.span.count == 3 && c.score >= Self.commaListThreshold {
            counts[key(c.span), default: 0] += 1
        }
        guard counts.values.contains(where: { $0 >= 2 }) else { return }
        for k in cands.indices where cands[k].kind == 1 && cands[k].span.count == 3 && cands[k].score >= Self.commaListThreshold {
            if counts[key(cands[k].span)]! >= 2 { cands[k].score += Self.repeatBonus }
        }
    }

    /// In a list of names joined by 、, an item of 2–4 Han characters between two accepted names
    /// is a name too (刘华清、尉健行、李岚清), whatever its characters.
    func fillLists(_ ctx: inout Context, _ accepted: inout [Candidate]) {
        let s = ctx.s, n = ctx.n
        var changed = true
        while changed {
            changed = false
            for e in 1..<max(1, n) where ctx.personEndAt[e] && s[e] == "、" {
                var k = e + 1
                while k < n, NameChars.isHan(s[k]), !ctx.occupied[k], k - e <= 5 { k += 1 }
                let span = Span(e + 1, k)
                guard span.count >= 2, span.count <= 4, k + 1 < n, s[k] == "、", ctx.personStartAt[k + 1],
                      ctx.isFree(span), !ctx.isForbidden(span) else { continue }
                ctx.take(span)
                accepted.append(Candidate(span: span, score: Self.threshold, rule: "name-list"))
                changed = true
            }
        }
    }

    /// Finds every further occurrence of strongly supported names, and short forms of them.
    func consistency(_ ctx: inout Context, _ accepted: inout [Candidate]) {
        let s = ctx.s, n = ctx.n
        var forms: [LexiconEntry] = []
        var seen = Set<String>()
        for c in accepted where c.score >= Self.strongThreshold || c.rule == "name-byline" || c.rule == "name-user"
            || c.rule == "name-after-title" && c.seeds
            || c.span.count >= 4 && c.rule == "name-transliterated" {
            var text = String.UnicodeScalarView()
            for k in c.span.range where !NameChars.isInlineSpace(s[k]) { text.append(s[k]) }
            let full = String(text)
            let u = Array(full.unicodeScalars)
            guard u.count >= 2 else { continue }
            if seen.insert(full).inserted { forms.append(LexiconEntry(text: full, weight: 2)) }
            // 2-character given name of a 3-character Han name.
            if u.count == 3, model.surnames.contains(u, 0..<1), !model.surnames.contains(u, 0..<2) {
                let given = String(String.UnicodeScalarView(u[1...]))
                if seen.insert(given).inserted { forms.append(LexiconEntry(text: given, weight: 1)) }
            }
            // Last part of a dotted name.
            if let dot = u.lastIndex(where: { NameChars.isNameDot($0) }), u.count - dot - 1 >= 2 {
                let last = String(String.UnicodeScalarView(u[(dot + 1)...]))
                if seen.insert(last).inserted { forms.append(LexiconEntry(text: last, weight: 1)) }
            }
        }
        guard !forms.isEmpty else { return }
        let lex = Lexicon(name: "doc-names", entries: forms)
        var i = 0
        while i < n {
            guard !ctx.occupied[i], ctx.tokenStart[i] >= 0, let len = lex.longestMatch(s, at: i) else { i += 1; continue }
            let span = Span(i, i + len)
            let entry = lex.entry(s, span.range)!
            let strongRight = ctx.strongRightWord(span.end)
                || span.end < n && model.cues.longestMatch(s, at: span.end, limit: min(n, span.end + 6)) != nil
            guard ctx.isFree(span), !ctx.isForbidden(span, placesToo: !strongRight) else { i += 1; continue }
            if entry.weight < 2 {
                guard ctx.tokenEnd[span.end] else { i += 1; continue }
                // A short form: not when ICU reads it as one ordinary word (unless a speech verb
                // or title follows: 海东说), nor inside a longer name.
                if ctx.tokenLength(at: i) == len, !strongRight { i += 1; continue }
                if i > 0, NameChars.isHan(s[i - 1]), model.surnames.contains(s, (i - 1)..<i) { i += 1; continue }
            }
            ctx.take(span)
            accepted.append(Candidate(span: span, score: Self.threshold + 0.5, rule: "name-doc-consistency"))
            i += len
        }
    }
}

/// A candidate's feature vector, kept (by reference) only for the debugging dump.
final class FeatureBox {
    let values: SIMD32<Double>
    init(_ values: SIMD32<Double>) { self.values = values }
}

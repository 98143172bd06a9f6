/// Shared, immutable helpers for the TITLE and ORG stages: character classes, token-boundary
/// maps and a conservative "a personal name starts here" test.
///
/// Everything works on `Document.scalars` and lexicon tries; nothing allocates a String per
/// token. Built once per stage, read from many threads.

enum TitleOrgChars {
    /// CJK unified ideographs (BMP, extension A, supplementary planes) and compatibility ideographs.
    @inline(__always)
    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0x20000...0x3134F).contains(v) || (0xF900...0xFAFF).contains(v) || v == 0x3007
    }

    /// ASCII and full-width Latin letters and digits (parts of names such as 深圳出海e站通, ＤＥＣ).
    @inline(__always)
    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
            || (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v)
    }

    /// Spaces that separate byline names (ASCII, no-break, ideographic, tab).
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x20 || v == 0xA0 || v == 0x3000 || v == 0x09 || v == 0x2002 || v == 0x2003
    }

    static func isOpenBracket(_ s: Unicode.Scalar) -> Bool { s == "(" || s == "（" }
    static func isCloseBracket(_ s: Unicode.Scalar) -> Bool { s == ")" || s == "）" }

    /// Middle dots joining the parts of transliterated names.
    static func isNameDot(_ s: Unicode.Scalar) -> Bool {
        s == "·" || s == "•" || s == "・" || s == "．" || s == "‧"
    }

    /// A set of single code points, from literal text.
    static func set(_ chars: String) -> CodePointSet { CodePointSet(chars.unicodeScalars.map(\.value)) }

    /// A word list written in the code (grammar words, not lexicon data), as a trie so a
    /// scalar range is looked up without building a String or an array.
    static func words(_ list: String) -> Lexicon {
        Lexicon(name: "rule-words", entries: list.split(whereSeparator: { $0 == " " || $0 == "\n" })
            .map { LexiconEntry(text: String($0)) })
    }
}

/// Which offsets are ICU word boundaries, so rules can refuse a match that cuts a word.
struct TitleOrgBoundaries {
    var isStart: [Bool]
    var isEnd: [Bool]

    init(_ doc: Document) {
        let n = doc.count
        isStart = Array(repeating: false, count: n + 1)
        isEnd = Array(repeating: false, count: n + 1)
        isStart[n] = true
        isEnd[0] = true
        for t in doc.tokens {
            let s = Int(t.start), e = Int(t.end)
            guard s >= 0, e <= n, s < e else { continue }
            isStart[s] = true
            isEnd[e] = true
        }
        if doc.tokens.isEmpty {
            // No word stage ran: treat every code point as its own word.
            for i in 0...n { isStart[i] = true; isEnd[i] = true }
        }
    }
}

/// A conservative test for "a personal name begins here", used before PERSON has run: a listed
/// surname followed by one or two name-like characters, a transliterated run, or a byline name
/// set off by spaces.
struct TitleNameCue: Sendable {
    let surnames: Lexicon
    let notNames: Lexicon
    let titles: Lexicon
    let cues: Lexicon
    /// Given-name characters with the share of their uses that are inside names.
    let givenRatio: CodePointMap<Double>
    let translit: CodePointMap<Int>
    let places: Lexicon
    let orgs: Lexicon
    /// Whether the first given character may be any character that is not a function word.
    var relaxedFirst = true

    init(lexicons: Lexicons, titles: Lexicon) {
        surnames = lexicons.named("surnames")
        notNames = lexicons.named("not-names")
        cues = lexicons.named("speech-cues")
        self.titles = titles
        givenRatio = CodePointMap(lexicons.named("given-name-chars").perCharacter { Double($0.extra.first ?? "") ?? 0.05 })
        translit = CodePointMap(lexicons.named("transliteration-chars").perCharacter { Int($0.weight) })
        places = lexicons.named("places")
        orgs = lexicons.named("orgs")
    }

    /// Characters that never continue a name (function words, common verbs after a name).
    static let breakers = TitleOrgChars.set("的了是在和与及或对向从把被给让将为以于到说也都就又还而但等之该这那们着过谈称会能要率由经据")

    @inline(__always)
    func isGivenChar(_ s: Unicode.Scalar, strict: Bool) -> Bool {
        guard TitleOrgChars.isIdeograph(s), !Self.breakers.contains(s.value) else { return false }
        guard let r = givenRatio[s.value] else { return !strict && relaxedFirst }
        return r >= (strict ? 0.02 : (relaxedFirst ? 0 : 0.004))
    }

    /// The length of a Han name (surname + 1–2 given characters) starting at `offset`, or nil.
    func hanName(_ sc: [Unicode.Scalar], at offset: Int, limit: Int) -> Int? {
        guard offset < limit, TitleOrgChars.isIdeograph(sc[offset]), !Self.breakers.contains(sc[offset].value) else { return nil }
        // A place or organization starting here is not a name (代表南非政府, 书记北京市).
        if let l = places.longestMatch(sc, at: offset, limit: limit), l >= 2 { return nil }
        if let l = orgs.longestMatch(sc, at: offset, limit: limit), l >= 2 { return nil }
        var best: Int?
        for sl in surnames.matchLengths(sc, at: offset, limit: limit).reversed() {
            let g = offset + sl
            guard g < limit, isGivenChar(sc[g], strict: false) else { continue }
            // The surname and first given char must not be a known non-name word (公司, 高级).
            if notNames.contains(sc, offset..<(g + 1)) && sl == 1 { continue }
            if titles.contains(sc, offset..<(g + 1)) { continue }
            // A surname character before a speech verb is not a name (典型代表时指出: 时|指出).
            if let c = cues.longestMatch(sc, at: g, limit: limit), c >= 2 { continue }
            var len = sl + 1
            if g + 1 < limit, isGivenChar(sc[g + 1], strict: true),
               cues.longestMatch(sc, at: g + 1, limit: limit) == nil,
               titles.longestMatch(sc, at: g + 1, limit: limit) == nil {
                len += 1
            }
            best = len
            break
        }
        return best
    }

    /// A transliterated name: two or more transliteration characters, or parts joined by ·.
    func foreignName(_ sc: [Unicode.Scalar], at offset: Int, limit: Int) -> Int? {
        guard offset < limit, !Self.breakers.contains(sc[offset].value) else { return nil }
        var i = offset
        var run = 0
        while i < limit {
            let s = sc[i]
            if translit[s.value, default: 0] >= 2, !Self.breakers.contains(s.value) { run += 1; i += 1; continue }
            if run >= 1, TitleOrgChars.isIdeograph(s), !Self.breakers.contains(s.value), translit[s.value] != nil { run += 1; i += 1; continue }
            if TitleOrgChars.isNameDot(s), run > 0, i + 1 < limit, translit[sc[i + 1].value] != nil { i += 1; continue }
            break
        }
        guard run >= 2 else { return nil }
        // A place or organization is not a transliterated name (代表南非政府, 代表山西省), unless
        // the name runs on past it (马里恩).
        var known = places.longestMatch(sc, at: offset, limit: limit) ?? 0
        if let l = orgs.longestMatch(sc, at: offset, limit: limit), l > known { known = l }
        if known >= 2, i - offset <= known { return nil }
        return i - offset
    }

    /// Whether a name (of any kind this test knows) starts at `offset`.
    func nameStarts(_ sc: [Unicode.Scalar], at offset: Int, limit: Int) -> Bool {
        guard offset < limit else { return false }
        if hanName(sc, at: offset, limit: limit) != nil { return true }
        if foreignName(sc, at: offset, limit: limit) != nil { return true }
        return false
    }

    /// A byline name after spaces (本报记者 王皓 / 本报记者 黄 超): returns true when at least one
    /// space is followed by 2–4 ideographs (spaces between them allowed).
    func bylineName(_ sc: [Unicode.Scalar], at offset: Int, limit: Int) -> Bool {
        var i = offset
        var spaces = 0
        while i < limit, TitleOrgChars.isSpace(sc[i]) { i += 1; spaces += 1 }
        guard spaces > 0, spaces <= 3 else { return false }
        var han = 0
        while i < limit, han < 5 {
            if TitleOrgChars.isIdeograph(sc[i]) { han += 1; i += 1 }
            else if TitleOrgChars.isSpace(sc[i]), han > 0, i + 1 < limit, TitleOrgChars.isIdeograph(sc[i + 1]) { i += 1 }
            else { break }
        }
        return han >= 2 && !Self.breakers.contains(sc[offset + spaces].value)
    }
}

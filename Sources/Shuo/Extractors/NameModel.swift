/// Character classes and lexicon evidence used to find personal names (PersonStage).
///
/// Everything here is immutable after `init`, looked up by code point value, so the hot loop
/// over a document allocates nothing per token.
enum NameChars {
    @inline(__always)
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x3134F).contains(v)
    }

    /// Spaces a byline may put between names or between the characters of one name.
    @inline(__always)
    static func isInlineSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0xA0, 0x3000, 0x2002...0x200A, 0x202F: true
        default: false
        }
    }

    /// The dots that join the parts of a transliterated or minority name (穆罕默德·阿里).
    @inline(__always)
    static func isNameDot(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xB7, 0x2022, 0x30FB, 0xFF65, 0x2027, 0x2219, 0x22C5: true
        default: false
        }
    }

    /// Separators between the names of a list (张三、李四和王五).
    @inline(__always)
    static func isListJoiner(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3001 /* 、 */, 0x548C /* 和 */, 0x4E0E /* 与 */, 0x53CA /* 及 */, 0xFF0C /* ， */, 0x2C /* , */: true
        default: false
        }
    }

    /// Digits (ASCII, full-width) and Chinese numerals.
    @inline(__always)
    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0xFF10...0xFF19: return true
        default: break
        }
        switch s {
        case "〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "亿", "两", "几": return true
        default: return false
        }
    }

    /// Surnames that are far more often a preposition, adverb or verb (于, 曾, 向, 和 …).
    @inline(__always)
    static func isFunctionSurname(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "于", "曾", "向", "和", "从", "将", "连", "经", "万", "高", "安", "金", "米", "古", "华", "汤", "党", "云",
             "雷", "明", "时", "全", "成", "平", "文", "红", "强", "常", "首", "东", "南", "关", "双", "师", "别", "利":
            true
        default: false
        }
    }

    /// Single characters that, right after a short 小/老 + surname form, show it is a name
    /// and not the start of a longer word.
    @inline(__always)
    static func isFunctionChar(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "的", "是", "在", "说", "和", "也", "就", "又", "还", "却", "都", "把", "被", "对",
             "给", "跟", "同", "与", "让", "叫", "问", "笑", "便", "已", "一", "不", "则", "摄", "为", "于", "更", "著", "里":
            true
        default: false
        }
    }
}

/// The lexicons PersonStage scores candidates with, loaded once.
struct NameModel: Sendable {
    let surnames: Lexicon
    let notNames: Lexicon
    let honorifics: Lexicon
    let titles: Lexicon
    let cues: Lexicon
    let places: Lexicon
    let pronouns: Lexicon
    /// given-name-chars.txt: code point → ratio of its uses that are inside given names.
    let givenRatio: CodePointMap<Float>
    /// transliteration-chars.txt: code point → count in transliterated names.
    let translit: CodePointMap<Int>
    let userPersons: Lexicon
    let forbidden: Lexicon
    /// common-chars.txt: the GB 2312 level-1 characters (code points); empty if the file is absent.
    let commonChars: CodePointMap<Bool>
    /// japanese-surnames.txt: Japanese family names of 2+ characters (rule `name-japanese`).
    let japaneseSurnames: Lexicon
    /// Count given to a character of transliteration-standard.txt (enough to start a run).
    static let standardTranslitCount = 5

    init(lexicons: Lexicons) {
        surnames = lexicons.named("surnames")
        notNames = lexicons.named("not-names")
        honorifics = lexicons.named("honorifics")
        titles = lexicons.named("titles")
        cues = lexicons.named("speech-cues")
        places = lexicons.named("places")
        pronouns = lexicons.named("pronouns")
        givenRatio = CodePointMap(lexicons.named("given-name-chars").perCharacter { Float($0.extra.first ?? "") ?? 0 })
        var tr = lexicons.named("transliteration-chars").perCharacter { Int($0.weight) }
        // transliteration-standard.txt: the standard transliteration syllables (hand-written),
        // each counted as seen at least `standardTranslitCount` times.
        for c in lexicons.named("transliteration-standard").perCharacter({ _ in Self.standardTranslitCount }).keys {
            tr[c] = max(tr[c] ?? 0, Self.standardTranslitCount)
        }
        translit = CodePointMap(tr)
        userPersons = lexicons.user.lexicon(of: .person)
        japaneseSurnames = lexicons.named("japanese-surnames")
        commonChars = CodePointMap(lexicons.named("common-chars").perCharacter { _ in true })
        forbidden = Lexicon(name: "forbidden", entries: lexicons.user.forbidden.map { LexiconEntry(text: $0) })
    }

    /// Evidence that `s` is a given-name character, roughly a log-odds contribution.
    @inline(__always)
    func givenScore(_ s: Unicode.Scalar) -> Double {
        guard let r = givenRatio[s.value] else { return -1.2 }
        if r >= 0.3 { return 1.2 }
        if r >= 0.15 { return 0.8 }
        if r >= 0.07 { return 0.4 }
        if r >= 0.03 { return 0.0 }
        return -0.6
    }

    @inline(__always)
    func surnamePrior(_ weight: Double) -> Double {
        if weight >= 50 { return 1.0 }
        if weight >= 15 { return 0.6 }
        if weight >= 5 { return 0.3 }
        return 0
    }

    /// A rare Han character: outside GB 2312 level 1 (羡, 镕, 恪). Rare characters missing from
    /// the given-name statistics are mostly name characters, not common words.
    @inline(__always)
    func isRare(_ s: Unicode.Scalar) -> Bool {
        !commonChars.isEmpty && NameChars.isHan(s) && !commonChars.contains(s.value)
    }

    /// Count of `s` in transliterated names (0 if never seen).
    @inline(__always)
    func translitCount(_ s: Unicode.Scalar) -> Int { translit[s.value] ?? 0 }
}

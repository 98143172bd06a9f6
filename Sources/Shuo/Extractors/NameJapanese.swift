/// `name-japanese`: Japanese personal names in Chinese text (PersonStage).
///
/// Japanese surnames (桥本, 小渊, 中江) are not Han surnames, so the surname rule misses them,
/// and their given names are written with their own characters (龙太郎, 恭子, 要介). A candidate is
/// - a surname of japanese-surnames.txt on a token start + 1–3 characters of
///   `japaneseGivenChars`, ending on a token end before a clear boundary (punctuation, a function
///   word, a speech verb, a title or honorific, a word that follows a name such as 等),
/// - or the surname alone, as its own ICU word, before a title, speech verb or honorific, or
///   after a title before a clear boundary (桥本首相, 小渊说, 外相小渊的).
extension PersonStage {
    /// Characters common in Japanese given names (郎, 太, 子, 介, 雄 …).
    static let japaneseGivenChars: Set<Unicode.Scalar> = Set("""
        郎太一二三四五六七八九十夫子雄男介树彦之助明博弘信正美惠江代枝生也哉治司史人平和义克晋纯龙俊章恭清幸要喜英秀光\
        昭宏浩真由纪香奈里智隆茂健康武敏胜实德辉荣洋修达孝直诚次良重宽敬吉利文保稔彰贵功岳敦伸进悦晃裕丰亮圭淳尚靖久\
        千夏春秋雅典辅佑藏造作卫兵吾朗政邦宪哲聪绫绘丽玲理沙织绪菜优爱彩步舞登勇毅仁乃富启嗣知公守行伦晴翔阳元满
        """.unicodeScalars.filter { NameChars.isHan($0) })

    /// Whether the text at `e` closes a name: end, punctuation, a function word or a word that
    /// follows a name, a speech verb, a title or an honorific.
    func japaneseNameEnds(_ ctx: Context, _ e: Int) -> Bool {
        let s = ctx.s
        guard e < ctx.n else { return true }
        let c = s[e]
        if !NameChars.isHan(c) { return true }
        if NameChars.isFunctionChar(c) || Self.isRunStop(c) { return true }
        if ctx.tokenLength(at: e) == 1, Self.afterNameWords.contains(c) { return true }
        if ctx.strongRightWord(e) { return true }
        // A time word (今天, 昨日, 近日) starts the predicate.
        if c == "今" || c == "昨" || c == "近", ctx.tokenLength(at: e) >= 2 { return true }
        return model.cues.longestMatch(s, at: e, limit: min(ctx.n, e + 6)) != nil
    }

    func japaneseNames(_ ctx: Context, _ out: inout [Candidate]) {
        let s = ctx.s, n = ctx.n
        guard model.japaneseSurnames.count > 0, n >= 2 else { return }
        for i in 0..<(n - 1) where ctx.tokenStart[i] >= 0 && NameChars.isHan(s[i]) && !ctx.occupied[i] {
            guard let sl = model.japaneseSurnames.longestMatch(s, at: i, limit: min(n, i + 4)) else { continue }
            let g = i + sl
            var free = true
            for k in i..<g where ctx.occupied[k] { free = false }
            guard free, !ctx.isForbidden(Span(i, g)) else { continue }
            let title = ctx.titleBefore(i)
            // Surname + given name.
            for gl in 1...3 {
                let e = g + gl
                guard e <= n, ctx.tokenEnd[e] else { continue }
                var ok = true
                for k in g..<e where !NameChars.isHan(s[k]) || ctx.occupied[k] || !Self.japaneseGivenChars.contains(s[k]) { ok = false }
                guard ok, japaneseNameEnds(ctx, e) else { continue }
                // The given name must not start with a title or speech verb (桥本首相).
                if ctx.strongRightWord(g) { continue }
                let score = Self.threshold + 0.4 + 0.1 * Double(gl) + (title ? 0.5 : 0)
                out.append(Candidate(span: Span(i, e), score: score, rule: "name-japanese"))
            }
            // Surname alone.
            guard ctx.tokenEnd[g] else { continue }
            let d = sides(ctx, i, g)
            // (or an adverb and then a speech verb: 桥本还表示)
            let adverbCue = d.rightFunction && g + 1 < n && ctx.tokenLength(at: g) == 1
                && model.cues.longestMatch(s, at: g + 1, limit: min(n, g + 7)).map { $0 >= 2 } == true
            let strongRight = d.rightCue || d.rightTitle || d.rightHonorific || adverbCue
            if strongRight || title && japaneseNameEnds(ctx, g) {
                out.append(Candidate(span: Span(i, g), score: Self.threshold + 0.3, rule: "name-japanese"))
            }
        }
    }
}

import Foundation

/// Feature vectors and weights for the two statistical name rules (Han surname names and runs
/// of transliteration characters). A candidate's score is the dot product of its features with
/// the weights: a logistic-regression log-odds.
///
/// How the weights were fitted: `SHUO_PERSON_DEBUG=1 shuo annotate` writes every candidate with
/// its feature vector to stderr (`CAND id start end score rule kind k:v …`); each candidate of
/// CLUENER2020 *train* (cluener/train.json, name → PERSON) and of the MSRA *train* slice
/// (msra/train-slice, PER → PERSON) was labelled 1 when its span is exactly a gold name, and an
/// L2-regularised logistic regression (λ = 1, 3000 steps of gradient descent) was fitted per
/// model. MSRA train is in the fit because the character lexicons were mined from CLUENER
/// train: on CLUENER alone a given-name character missing from given-name-chars.txt looks like
/// it never occurs in a name, and its weight is far too negative for other text. People's
/// Daily (pd1998 dev, pd1998-doc) is not in the fit and checks that the weights generalise;
/// it and MSRA were used to choose the two thresholds below. Refit when the features change
/// (Scripts/lexicon/fit-person-weights.py).
enum NameFeatures {
    // Han names: surname + 1–2 given characters.
    static let hBias = 0, hSurnameLogWeight = 1, hCompound = 2, hGivenLogRatio = 3, hGivenUnknown = 4,
        hThreeChar = 5, hSurnameOwnToken = 6, hGivenSingles2 = 7, hGivenSingle1 = 8, hWholeWord3 = 9,
        hWholeWord2 = 10, hSurnameGlued = 11, hGivenWord = 12, hCut = 13, hTitleBefore = 14,
        hLeftComma = 15, hLeftPunct = 16, hLeftFunction = 17, hRightCue = 18, hRightHonorific = 19,
        hRightTitle = 20, hRightPunct = 21, hRightComma = 22, hRightLoose = 23, hLeftLoose = 24,
        hRightFunction = 25, hRightParen = 26, hGivenMinLogRatio = 27,
        hFunctionSurname = 28, hLastFunction = 29, hGivenUnknownSingle = 30
    // Transliterated runs.
    static let tBias = 0, tLength = 1, tTwoChars = 2, tOneWord = 3, tPlaceEnding = 4, tTitleBefore = 5,
        tLeftComma = 6, tLeftPunct = 7, tRightCue = 8, tRightHonorific = 9, tRightTitle = 10,
        tRightPunct = 11, tRightComma = 12, tLooseBefore = 13, tLooseAfter = 14, tPlacePrepBefore = 15,
        tPlaceWordAfter = 16, tMeanLogCount = 17, tMinLogCount = 18, tAllSingles = 19, tLeftFunction = 20

    static let hanWeights: SIMD32<Double> = {
        var w = SIMD32<Double>(repeating: 0)
        let values: [Double] = [
            -0.507, 0.697, 0.305, 0.326, -2.978, 1.575, -0.019, 0.903, -0.796, 0.698,
            -1.278, 0.120, -0.128, -0.108, 1.129, 0.545, 0.594, 0.526, 1.385, 1.040,
            0.990, 0.011, 0.913, -2.769, -1.267, 0.735, 0.895, 0.313, -0.956, -2.018,
            -0.472,
        ]
        for (k, v) in values.enumerated() { w[k] = v }
        return w
    }()

    static let translitWeights: SIMD32<Double> = {
        var w = SIMD32<Double>(repeating: 0)
        let values: [Double] = [
            -1.853, -0.082, -1.101, -1.129, -0.239, 2.040, 0.920, -0.061, 1.097, 0.886,
            0.926, -1.412, 0.378, -1.289, -1.135, -1.045, -0.550, 0.327, 0.292, 0.561,
            0.265,
        ]
        for (k, v) in values.enumerated() { w[k] = v }
        return w
    }()

    /// Added by hand to a Han candidate right after a title: CLUENER's `position` labels include
    /// generic roles, so the fitted weight undervalues a title in news apposition.
    static let hanTitleBonus = 1.0

    /// Threshold on the log-odds score for accepting a candidate alone.
    static let hanThreshold = -1.0
    static let translitThreshold = -0.5
}

extension PersonStage {
    /// How the text next to a candidate reads (used by both statistical rules).
    struct Sides {
        var titleBefore = false, leftComma = false, leftPunct = false, leftFunction = false
        var rightCue = false, rightHonorific = false, rightTitle = false, rightPunct = false
        var rightComma = false, rightLoose = false, leftLoose = false, rightFunction = false, rightParen = false
    }

    func sides(_ ctx: Context, _ i: Int, _ e: Int) -> Sides {
        let s = ctx.s, n = ctx.n
        var d = Sides()
        if i == 0 {
            d.leftPunct = true
        } else if ctx.titleBefore(i) {
            d.titleBefore = true
        } else {
            let p = s[i - 1]
            if p == "、" { d.leftComma = true }
            else if !NameChars.isHan(p) { d.leftPunct = true }
            else {
                switch p {
                case "和", "与", "及", "同", "向", "对", "给", "让", "被", "由", "据", "请", "是", "的", "在":
                    d.leftFunction = true
                default: break
                }
            }
            d.leftLoose = ctx.looseCharBefore(i)
        }
        if e >= n {
            d.rightPunct = true
        } else {
            let c = s[e]
            if !NameChars.isHan(c) {
                if c == "、" { d.rightComma = true }
                else if c == "（" || c == "(" { d.rightParen = true }
                else { d.rightPunct = true }
            } else {
                if model.cues.longestMatch(s, at: e, limit: min(n, e + 6)) != nil { d.rightCue = true }
                if let h = model.honorifics.longestMatch(s, at: e, limit: min(n, e + 4)), h >= 2 { d.rightHonorific = true }
                if let t = model.titles.longestMatch(s, at: e, limit: min(n, e + 8)), t >= 2 { d.rightTitle = true }
                // A single-character word that typically follows a subject name (等, 所, 之, 均, 竟 …)
                // counts as a function word, not as a loose character cut off the name.
                let afterName = ctx.tokenLength(at: e) == 1 && PersonStage.afterNameWords.contains(c)
                if NameChars.isFunctionChar(c) || afterName { d.rightFunction = true }
                if ctx.tokenLength(at: e) == 1, !NameChars.isFunctionChar(c), !afterName, !d.rightCue, !ctx.strongRightWord(e) {
                    d.rightLoose = true
                }
            }
        }
        return d
    }

    @inline(__always)
    func logRatio(_ s: Unicode.Scalar) -> Double? {
        guard let r = model.givenRatio[s.value] else { return nil }
        return log(Double(r) + 0.005)
    }
}

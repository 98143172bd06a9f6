/// Precision, recall and F1 from counts. By convention (conlleval, seqeval) a ratio with a
/// zero denominator is 0.
public struct PRF: Equatable, Sendable {
    public var tp: Int
    public var gold: Int
    public var pred: Int
    public init(tp: Int = 0, gold: Int = 0, pred: Int = 0) {
        self.tp = tp
        self.gold = gold
        self.pred = pred
    }

    public var precision: Double { pred == 0 ? 0 : Double(tp) / Double(pred) }
    public var recall: Double { gold == 0 ? 0 : Double(tp) / Double(gold) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    public static func + (a: PRF, b: PRF) -> PRF {
        PRF(tp: a.tp + b.tp, gold: a.gold + b.gold, pred: a.pred + b.pred)
    }
}

public struct EntityScore: Sendable {
    /// PERSON, TITLE, ORG, or "micro".
    public var type: String
    public var exact = PRF()
    public var partial = PRF()
}

public struct QuoteScore: Sendable {
    /// Gold direct quotes, predicted direct quotes scored (after ignore regions).
    public var gold = 0
    public var pred = 0
    /// Predicted direct quotes left out because they overlap a gold `ignore` quote.
    public var ignored = 0
    public var exact = PRF()
    public var overlap = PRF()
    public var speakerPairs = 0
    public var speakerCorrect = 0
    public var endToEnd = PRF()

    /// nil when no quote was paired.
    public var speakerAccuracy: Double? {
        speakerPairs == 0 ? nil : Double(speakerCorrect) / Double(speakerPairs)
    }
}

/// Precision of one rule among predicted entities (category = entity type) or direct quotes
/// (category "QUOTE"), on exact span match.
public struct RuleScore: Sendable {
    public var category: String
    public var rule: String
    public var pred = 0
    public var correct = 0
    public var precision: Double { pred == 0 ? 0 : Double(correct) / Double(pred) }
}

/// A miss, a false alarm or a wrong speaker, for reading.
public struct EvalErrorItem: Sendable {
    public enum Kind: String, Sendable { case miss = "MISS", falseAlarm = "FALSE", speaker = "SPEAKER" }
    public var document: String
    public var kind: Kind
    /// Entity type, or "QUOTE".
    public var category: String
    public var span: Span
    /// The span with ±10 code points of context, the span marked ⟦ ⟧.
    public var context: String
    /// What it was paired with, or the speakers.
    public var note: String
}

public struct EvalResult: Sendable {
    public var goldDocuments = 0
    public var predDocuments = 0
    /// Gold documents found in PRED.
    public var scoredDocuments = 0
    /// Gold ids absent from PRED (scored as all misses), in gold order.
    public var missing: [String] = []
    /// PRED ids absent from GOLD (not scored), in pred order.
    public var extra: [String] = []
    /// PRED lines that were error lines.
    public var failed: [String] = []
    /// Entity types scored, in report order.
    public var types: [String] = []
    /// One per type in `types`, then "micro".
    public var entities: [EntityScore] = []
    public var quotes = QuoteScore()
    public var byRule: [RuleScore] = []
    public var errors: [EvalErrorItem] = []

    public func entity(_ type: String) -> EntityScore? { entities.first { $0.type == type } }
    public var micro: EntityScore { entities.last! }
}

/// The scorer of annotation-spec §4.
///
/// Pairing by overlap is greedy and one to one: every (gold, pred) pair that overlaps is a
/// candidate; candidates are taken largest overlap first, ties broken by the gold span's
/// position (start, then end) and then the predicted span's position (start, then end);
/// a candidate is taken when neither side is paired yet. Exact matching pairs equal spans one
/// to one (a span listed twice matches at most as often as the other side lists it).
public struct Evaluator: Sendable {
    public static let allTypes = EntityType.allCases.map(\.rawValue)

    public var types: [String]
    public var byRule: Bool
    public var collectErrors: Bool

    public init(types: [String]? = nil, byRule: Bool = false, collectErrors: Bool = false) {
        self.types = types ?? Self.allTypes
        self.byRule = byRule
        self.collectErrors = collectErrors
    }

    public func evaluate(gold: EvalFile, pred: EvalFile) -> EvalResult {
        var r = EvalResult()
        r.goldDocuments = gold.documents.count
        r.predDocuments = pred.documents.count
        r.types = types
        r.extra = pred.documents.filter { gold.index[$0.id] == nil }.map(\.id)
        var scores: [String: EntityScore] = [:]
        for t in types { scores[t] = EntityScore(type: t) }
        var rules: [String: RuleScore] = [:]
        var ruleOrder: [String] = []

        for g in gold.documents {
            let firstError = r.errors.count
            defer {
                // A document's errors in text order.
                r.errors[firstError...].sort { a, b in
                    a.span.start != b.span.start ? a.span.start < b.span.start
                        : a.span.end != b.span.end ? a.span.end < b.span.end : a.category < b.category
                }
            }
            let p: EvalDocument
            if let found = pred[g.id] {
                r.scoredDocuments += 1
                p = found
                if found.failed { r.failed.append(g.id) }
            } else {
                r.missing.append(g.id)
                p = EvalDocument(id: g.id, scalars: nil)
            }
            let text = g.scalars ?? p.scalars ?? []

            // Entities, type by type.
            for t in types {
                let gs = g.entities.filter { $0.type == t }.map(\.span).sorted()
                let ps = p.entities.filter { $0.type == t }.map(\.span).sorted()
                let exact = Self.exactPairs(gs, ps)
                let partial = Self.overlapPairs(gs, ps)
                scores[t]!.exact = scores[t]!.exact + PRF(tp: exact.count, gold: gs.count, pred: ps.count)
                scores[t]!.partial = scores[t]!.partial + PRF(tp: partial.count, gold: gs.count, pred: ps.count)
                if collectErrors {
                    let gm = Set(exact.map(\.0)), pm = Set(exact.map(\.1))
                    var partner: [Int: Int] = [:], partnerP: [Int: Int] = [:]
                    for (i, j) in partial { partner[i] = j; partnerP[j] = i }
                    for (i, s) in gs.enumerated() where !gm.contains(i) {
                        var note = partner[i].map { "overlaps predicted \(Self.show(ps[$0], text))" } ?? ""
                        if note.isEmpty, let other = p.entities.first(where: { $0.type != t && $0.span.overlaps(s) }) {
                            note = "predicted as \(other.type) \(Self.show(other.span, text))"
                        }
                        r.errors.append(EvalErrorItem(document: g.id, kind: .miss, category: t, span: s,
                                                      context: Self.context(s, text), note: note))
                    }
                    for (j, s) in ps.enumerated() where !pm.contains(j) {
                        var note = partnerP[j].map { "overlaps gold \(Self.show(gs[$0], text))" } ?? ""
                        if note.isEmpty, let other = g.entities.first(where: { $0.type != t && $0.span.overlaps(s) }) {
                            note = "gold has \(other.type) \(Self.show(other.span, text))"
                        }
                        r.errors.append(EvalErrorItem(document: g.id, kind: .falseAlarm, category: t, span: s,
                                                      context: Self.context(s, text), note: note))
                    }
                }
            }
            if byRule {
                let goldSet = Dictionary(g.entities.map { ($0.type + "\u{0}" + $0.span.description, 1) }, uniquingKeysWith: +)
                var used: [String: Int] = [:]
                for e in p.entities.sorted(by: { $0.span < $1.span }) where types.contains(e.type) {
                    let key = e.type + "\u{0}" + (e.rule ?? "(none)")
                    if rules[key] == nil {
                        rules[key] = RuleScore(category: e.type, rule: e.rule ?? "(none)")
                        ruleOrder.append(key)
                    }
                    rules[key]!.pred += 1
                    let sk = e.type + "\u{0}" + e.span.description
                    if used[sk, default: 0] < goldSet[sk, default: 0] {
                        used[sk, default: 0] += 1
                        rules[key]!.correct += 1
                    }
                }
            }

            // Quotes: direct only; predicted quotes overlapping a gold ignore region are left out.
            let ignore = g.quotes.filter { $0.kind == QuoteKind.ignore.rawValue }.map(\.span)
            let gq = g.quotes.filter { $0.kind == QuoteKind.direct.rawValue }.sorted { $0.span < $1.span }
            var pq: [EvalQuote] = []
            for q in p.quotes where q.kind == QuoteKind.direct.rawValue {
                if ignore.contains(where: { $0.overlaps(q.span) }) { r.quotes.ignored += 1 } else { pq.append(q) }
            }
            pq.sort { $0.span < $1.span }
            r.quotes.gold += gq.count
            r.quotes.pred += pq.count
            let exact = Self.exactPairs(gq.map(\.span), pq.map(\.span))
            let pairs = Self.overlapPairs(gq.map(\.span), pq.map(\.span))
            r.quotes.exact = r.quotes.exact + PRF(tp: exact.count, gold: gq.count, pred: pq.count)
            r.quotes.overlap = r.quotes.overlap + PRF(tp: pairs.count, gold: gq.count, pred: pq.count)
            var right = 0
            for (i, j) in pairs {
                if Self.speakerMatches(gold: gq[i], pred: pq[j]) {
                    right += 1
                } else if collectErrors {
                    r.errors.append(EvalErrorItem(document: g.id, kind: .speaker, category: "QUOTE", span: pq[j].span,
                                                  context: Self.context(pq[j].span, text),
                                                  note: "speaker \(pq[j].speaker ?? "null"), gold \(Self.goldSpeaker(gq[i]))"))
                }
            }
            r.quotes.speakerPairs += pairs.count
            r.quotes.speakerCorrect += right
            r.quotes.endToEnd = r.quotes.endToEnd + PRF(tp: right, gold: gq.count, pred: pq.count)
            if collectErrors {
                let gm = Set(pairs.map(\.0)), pm = Set(pairs.map(\.1))
                for (i, q) in gq.enumerated() where !gm.contains(i) {
                    r.errors.append(EvalErrorItem(document: g.id, kind: .miss, category: "QUOTE", span: q.span,
                                                  context: Self.context(q.span, text), note: "gold speaker \(Self.goldSpeaker(q))"))
                }
                for (j, q) in pq.enumerated() where !pm.contains(j) {
                    r.errors.append(EvalErrorItem(document: g.id, kind: .falseAlarm, category: "QUOTE", span: q.span,
                                                  context: Self.context(q.span, text), note: "speaker \(q.speaker ?? "null")"))
                }
            }
            if byRule {
                let goldSpans = Dictionary(gq.map { ($0.span, 1) }, uniquingKeysWith: +)
                var used: [Span: Int] = [:]
                for q in pq {
                    let key = "QUOTE\u{0}" + (q.rule ?? "(none)")
                    if rules[key] == nil {
                        rules[key] = RuleScore(category: "QUOTE", rule: q.rule ?? "(none)")
                        ruleOrder.append(key)
                    }
                    rules[key]!.pred += 1
                    if used[q.span, default: 0] < goldSpans[q.span, default: 0] {
                        used[q.span, default: 0] += 1
                        rules[key]!.correct += 1
                    }
                }
            }
        }

        var micro = EntityScore(type: "micro")
        for t in types {
            micro.exact = micro.exact + scores[t]!.exact
            micro.partial = micro.partial + scores[t]!.partial
        }
        r.entities = types.map { scores[$0]! } + [micro]
        let categoryOrder = types + ["QUOTE"]
        r.byRule = ruleOrder.map { rules[$0]! }.sorted {
            let a = categoryOrder.firstIndex(of: $0.category) ?? 99, b = categoryOrder.firstIndex(of: $1.category) ?? 99
            return a != b ? a < b : ($0.pred != $1.pred ? $0.pred > $1.pred : $0.rule < $1.rule)
        }
        return r
    }

    /// A predicted speaker is right when its name equals the gold name or one of the gold
    /// aliases, or when both are null.
    public static func speakerMatches(gold: EvalQuote, pred: EvalQuote) -> Bool {
        guard let g = gold.speaker else { return pred.speaker == nil }
        guard let p = pred.speaker else { return false }
        return p == g || gold.aliases.contains(p)
    }

    /// Exact one-to-one pairs (gold index, pred index) of equal spans; both lists sorted.
    public static func exactPairs(_ gold: [Span], _ pred: [Span]) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var i = 0, j = 0
        while i < gold.count && j < pred.count {
            if gold[i] == pred[j] { out.append((i, j)); i += 1; j += 1 } else if gold[i] < pred[j] { i += 1 } else { j += 1 }
        }
        return out
    }

    /// One-to-one overlap pairs (gold index, pred index), largest overlap first; see the type's
    /// comment for ties. Both lists sorted.
    public static func overlapPairs(_ gold: [Span], _ pred: [Span]) -> [(Int, Int)] {
        var candidates: [(overlap: Int, i: Int, j: Int)] = []
        for (i, g) in gold.enumerated() {
            for (j, p) in pred.enumerated() {
                if p.start >= g.end { break }
                if g.overlaps(p) {
                    candidates.append((min(g.end, p.end) - max(g.start, p.start), i, j))
                }
            }
        }
        candidates.sort { a, b in
            a.overlap != b.overlap ? a.overlap > b.overlap : (a.i != b.i ? a.i < b.i : a.j < b.j)
        }
        var gUsed = Set<Int>(), pUsed = Set<Int>()
        var out: [(Int, Int)] = []
        for c in candidates where !gUsed.contains(c.i) && !pUsed.contains(c.j) {
            gUsed.insert(c.i)
            pUsed.insert(c.j)
            out.append((c.i, c.j))
        }
        return out
    }

    static func goldSpeaker(_ q: EvalQuote) -> String {
        guard let s = q.speaker else { return "null" }
        return q.aliases.isEmpty ? s : s + " (" + q.aliases.joined(separator: ", ") + ")"
    }

    static func slice(_ text: [Unicode.Scalar], _ range: Range<Int>) -> String {
        let lo = max(0, min(range.lowerBound, text.count)), hi = max(lo, min(range.upperBound, text.count))
        var view = String.UnicodeScalarView()
        for s in text[lo..<hi] {
            switch s {
            case "\n": view.append("⏎")
            case "\r", "\t": view.append(" ")
            default: view.append(s)
            }
        }
        return String(view)
    }

    static func show(_ s: Span, _ text: [Unicode.Scalar]) -> String {
        "\(s) \(clip(slice(text, s.range)))"
    }

    static func clip(_ s: String, _ n: Int = 40) -> String {
        s.unicodeScalars.count <= n ? s : String(String.UnicodeScalarView(s.unicodeScalars.prefix(n - 1))) + "…"
    }

    static func context(_ s: Span, _ text: [Unicode.Scalar]) -> String {
        slice(text, (s.start - 10)..<s.start) + "⟦" + clip(slice(text, s.range), 60) + "⟧" + slice(text, s.end..<(s.end + 10))
    }
}

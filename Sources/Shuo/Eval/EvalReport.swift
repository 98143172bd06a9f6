/// Renders an `EvalResult` as a readable table (conlleval-like) or as JSON.
public enum EvalReport {
    static func pct(_ v: Double) -> String {
        let x = (v * 10000).rounded() / 100
        var s = String(format2: x)
        while s.count < 6 { s = " " + s }
        return s
    }

    static func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
        let w = s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        if w >= n { return s }
        let fill = String(repeating: " ", count: n - w)
        return right ? fill + s : s + fill
    }

    public static func table(_ r: EvalResult) -> String {
        var out = ""
        out += "documents: gold \(r.goldDocuments), pred \(r.predDocuments), scored \(r.scoredDocuments)"
        out += ", missing \(r.missing.count), extra \(r.extra.count)"
        if !r.failed.isEmpty { out += ", failed \(r.failed.count)" }
        out += "\n\n"
        out += "type      gold   pred |  exact: tp      P      R     F1 | partial: tp      P      R     F1\n"
        for e in r.entities {
            if e.type == "micro" { out += String(repeating: "-", count: 87) + "\n" }
            out += pad(e.type, 7) + pad(String(e.exact.gold), 7, right: true) + pad(String(e.exact.pred), 7, right: true)
            out += " | " + pad(String(e.exact.tp), 10, right: true) + " " + pct(e.exact.precision) + " " + pct(e.exact.recall) + " " + pct(e.exact.f1)
            out += " | " + pad(String(e.partial.tp), 11, right: true) + " " + pct(e.partial.precision) + " " + pct(e.partial.recall) + " " + pct(e.partial.f1)
            out += "\n"
        }
        let q = r.quotes
        out += "\nquotes (direct): gold \(q.gold), pred \(q.pred)"
        if q.ignored > 0 { out += " (+\(q.ignored) left out: overlap a gold ignore region)" }
        out += "\n"
        out += "                   tp      P      R     F1\n"
        for (name, s) in [("exact span", q.exact), ("overlap span", q.overlap), ("end-to-end", q.endToEnd)] {
            out += pad(name, 14) + pad(String(s.tp), 7, right: true) + " " + pct(s.precision) + " " + pct(s.recall) + " " + pct(s.f1) + "\n"
        }
        out += "speaker accuracy: "
        if let a = q.speakerAccuracy {
            out += pct(a).trimmingLeadingSpaces + "% (\(q.speakerCorrect)/\(q.speakerPairs) overlap pairs)\n"
        } else {
            out += "n/a (no overlap pairs)\n"
        }
        if !r.byRule.isEmpty {
            out += "\nprecision by rule (exact match)\n"
            out += "category  pred  correct      P  rule\n"
            for s in r.byRule {
                out += pad(s.category, 7) + pad(String(s.pred), 7, right: true) + pad(String(s.correct), 9, right: true)
                out += " " + pct(s.precision) + "  " + s.rule + "\n"
            }
        }
        return out
    }

    public static func errors(_ r: EvalResult) -> String {
        var out = ""
        for e in r.errors {
            out += "\(e.document)\t\(e.kind.rawValue)\t\(e.category)\t\(e.span)\t\(e.context)"
            if !e.note.isEmpty { out += "\t\(e.note)" }
            out += "\n"
        }
        return out
    }

    static func prf(_ p: PRF, _ out: inout JSONBuffer) {
        out.raw("{\"tp\":"); out.int(p.tp)
        out.raw(",\"precision\":"); out.double(p.precision)
        out.raw(",\"recall\":"); out.double(p.recall)
        out.raw(",\"f1\":"); out.double(p.f1)
        out.raw("}")
    }

    static func strings(_ list: [String], _ out: inout JSONBuffer) {
        out.raw("[")
        for (k, s) in list.enumerated() {
            if k > 0 { out.raw(",") }
            out.string(s)
        }
        out.raw("]")
    }

    /// Machine-readable report, one JSON object (ratios 0…1).
    public static func json(_ r: EvalResult, includeErrors: Bool = false) -> String {
        var out = JSONBuffer(capacity: 4096)
        out.raw("{\"documents\":{\"gold\":"); out.int(r.goldDocuments)
        out.raw(",\"pred\":"); out.int(r.predDocuments)
        out.raw(",\"scored\":"); out.int(r.scoredDocuments)
        out.raw(",\"missing\":"); strings(r.missing, &out)
        out.raw(",\"extra\":"); strings(r.extra, &out)
        out.raw(",\"failed\":"); strings(r.failed, &out)
        out.raw("},\"entities\":{")
        for (k, e) in r.entities.enumerated() {
            if k > 0 { out.raw(",") }
            out.string(e.type)
            out.raw(":{\"gold\":"); out.int(e.exact.gold)
            out.raw(",\"pred\":"); out.int(e.exact.pred)
            out.raw(",\"exact\":"); prf(e.exact, &out)
            out.raw(",\"partial\":"); prf(e.partial, &out)
            out.raw("}")
        }
        let q = r.quotes
        out.raw("},\"quotes\":{\"gold\":"); out.int(q.gold)
        out.raw(",\"pred\":"); out.int(q.pred)
        out.raw(",\"ignored\":"); out.int(q.ignored)
        out.raw(",\"exact\":"); prf(q.exact, &out)
        out.raw(",\"overlap\":"); prf(q.overlap, &out)
        out.raw(",\"speaker\":{\"pairs\":"); out.int(q.speakerPairs)
        out.raw(",\"correct\":"); out.int(q.speakerCorrect)
        out.raw(",\"accuracy\":")
        if let a = q.speakerAccuracy { out.double(a) } else { out.raw("null") }
        out.raw("},\"end_to_end\":"); prf(q.endToEnd, &out)
        out.raw("}")
        if !r.byRule.isEmpty {
            out.raw(",\"by_rule\":[")
            for (k, s) in r.byRule.enumerated() {
                if k > 0 { out.raw(",") }
                out.raw("{\"category\":"); out.string(s.category)
                out.raw(",\"rule\":"); out.string(s.rule)
                out.raw(",\"pred\":"); out.int(s.pred)
                out.raw(",\"correct\":"); out.int(s.correct)
                out.raw(",\"precision\":"); out.double(s.precision)
                out.raw("}")
            }
            out.raw("]")
        }
        if includeErrors {
            out.raw(",\"errors\":[")
            for (k, e) in r.errors.enumerated() {
                if k > 0 { out.raw(",") }
                out.raw("{\"id\":"); out.string(e.document)
                out.raw(",\"kind\":"); out.string(e.kind.rawValue)
                out.raw(",\"category\":"); out.string(e.category)
                out.raw(",\"start\":"); out.int(e.span.start)
                out.raw(",\"end\":"); out.int(e.span.end)
                out.raw(",\"context\":"); out.string(e.context)
                out.raw(",\"note\":"); out.string(e.note)
                out.raw("}")
            }
            out.raw("]")
        }
        out.raw("}")
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

extension String {
    /// Two decimals, without Foundation's locale-dependent formatting.
    init(format2 x: Double) {
        let scaled = Int((abs(x) * 100).rounded())
        let frac = scaled % 100
        self = (x < 0 && scaled != 0 ? "-" : "") + String(scaled / 100) + "." + (frac < 10 ? "0" : "") + String(frac)
    }

    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}

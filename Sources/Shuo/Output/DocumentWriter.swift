/// Serialises an annotated document as one line of spec JSONL (spec §2).
///
/// Entity ids are given here, in order of start, so stages refer to entities by span and never
/// have to renumber. Anything that would break the contract (a span that does not slice the
/// text, entities that overlap) is dropped here rather than written.
public struct DocumentWriter: Sendable {
    public var includeText: Bool

    public init(includeText: Bool = true) {
        self.includeText = includeText
    }

    public func line(for doc: Document) -> [UInt8] {
        // Sized to fit so that a large document's line is not grown by doubling, which briefly
        // holds the old and the new buffer: CJK text is 3 bytes a character in UTF-8, an entity
        // about 100 bytes of JSON, a quote repeats its text.
        var quoted = 0
        for q in doc.quotes { quoted += q.span.count }
        let estimate = (includeText ? doc.count * 3 : 0) + quoted * 3 + doc.entities.count * 100
            + doc.quotes.count * 200 + doc.people.count * 64 + 256
        var out = JSONBuffer(capacity: estimate)
        write(doc, to: &out)
        out.bytes.append(0x0A)
        return out.bytes
    }

    public func write(_ doc: Document, to out: inout JSONBuffer) {
        out.raw("{\"id\":")
        out.string(doc.id)
        if let error = doc.error {
            writePassthrough(doc, to: &out)
            out.raw(",\"error\":{\"code\":")
            out.string(error.code)
            out.raw(",\"message\":")
            out.string(error.message)
            out.raw("}}")
            return
        }
        if includeText {
            out.raw(",\"text\":")
            out.string(doc.scalars[...])
        }
        writePassthrough(doc, to: &out)

        let entities = Self.flatEntities(doc)
        var ids: [Span: Int] = [:]
        ids.reserveCapacity(entities.count)
        out.raw(",\"entities\":[")
        for (k, e) in entities.enumerated() {
            ids[e.span] = k + 1
            if k > 0 { out.raw(",") }
            out.raw("{\"id\":\"T")
            out.int(k + 1)
            out.raw("\",\"type\":\"")
            out.raw(e.type.rawValue)
            out.raw("\",")
            span(e.span, doc, &out)
            provenance(e.rule, e.confidence, &out)
            out.raw("}")
        }
        out.raw("]")

        let quotes = doc.quotes.filter { valid($0.span, doc) }.sorted { $0.span < $1.span }
        out.raw(",\"quotes\":[")
        for (k, q) in quotes.enumerated() {
            if k > 0 { out.raw(",") }
            out.raw("{\"id\":\"Q")
            out.int(k + 1)
            out.raw("\",\"kind\":\"")
            out.raw(q.kind.rawValue)
            out.raw("\",")
            span(q.span, doc, &out)
            out.raw(",\"speaker\":")
            if let s = q.speaker {
                out.raw("{\"name\":")
                out.string(s.name)
                out.raw(",\"mention\":")
                if let m = s.mention, let id = ids[m] {
                    out.raw("\"T"); out.int(id); out.raw("\"")
                } else {
                    out.raw("null")
                }
                out.raw("}")
            } else {
                out.raw("null")
            }
            out.raw(",\"cue\":")
            if let c = q.cue, valid(c, doc) {
                out.raw("{")
                span(c, doc, &out)
                out.raw("}")
            } else {
                out.raw("null")
            }
            if q.unclosed { out.raw(",\"unclosed\":true") }
            provenance(q.rule, q.confidence, &out)
            out.raw("}")
        }
        out.raw("]")

        out.raw(",\"people\":[")
        var first = true
        for p in doc.people {
            let mentions = p.mentions.compactMap { ids[$0] }
            if mentions.isEmpty { continue }
            if !first { out.raw(",") }
            first = false
            out.raw("{\"name\":")
            out.string(p.name)
            out.raw(",\"mentions\":[")
            for (k, m) in mentions.enumerated() {
                if k > 0 { out.raw(",") }
                out.raw("\"T"); out.int(m); out.raw("\"")
            }
            out.raw("],\"titles\":[")
            var firstTitle = true
            for t in p.titles {
                guard let tid = ids[t.title] else { continue }
                if !firstTitle { out.raw(",") }
                firstTitle = false
                out.raw("{\"title\":\"T"); out.int(tid); out.raw("\"")
                if let o = t.org, let oid = ids[o] {
                    out.raw(",\"org\":\"T"); out.int(oid); out.raw("\"")
                }
                out.raw("}")
            }
            out.raw("]}")
        }
        out.raw("]}")
    }

    private func writePassthrough(_ doc: Document, to out: inout JSONBuffer) {
        for (key, json) in doc.passthrough {
            out.raw(",")
            out.string(key)
            out.raw(":")
            out.raw(json)
        }
    }

    @inline(__always)
    private func valid(_ s: Span, _ doc: Document) -> Bool {
        s.start >= 0 && s.start <= s.end && s.end <= doc.count
    }

    private func span(_ s: Span, _ doc: Document, _ out: inout JSONBuffer) {
        out.raw("\"start\":"); out.int(s.start)
        out.raw(",\"end\":"); out.int(s.end)
        out.raw(",\"text\":"); out.string(doc.scalars[s.start..<s.end])
    }

    private func provenance(_ rule: String?, _ confidence: Double?, _ out: inout JSONBuffer) {
        if let r = rule { out.raw(",\"rule\":"); out.string(r) }
        if let c = confidence { out.raw(",\"confidence\":"); out.double((c * 1000).rounded() / 1000) }
    }

    /// Entities sorted by start, with invalid spans and overlaps removed (first come wins).
    static func flatEntities(_ doc: Document) -> [Entity] {
        let sorted = doc.entities
            .filter { $0.span.start >= 0 && $0.span.start < $0.span.end && $0.span.end <= doc.count }
            .sorted { $0.span < $1.span }
        var out: [Entity] = []
        out.reserveCapacity(sorted.count)
        for e in sorted {
            if let last = out.last, last.span.end > e.span.start { continue }
            out.append(e)
        }
        return out
    }
}

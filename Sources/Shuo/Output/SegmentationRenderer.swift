/// Renders `shuo segment` output.
public enum SegmentationRenderer {
    public static func jsonl(_ doc: Document) -> [UInt8] {
        var out = JSONBuffer(capacity: doc.tokens.count * 16 + 64)
        out.raw("{\"id\":")
        out.string(doc.id)
        out.raw(",\"sentences\":[")
        for (k, s) in doc.sentences.enumerated() {
            if k > 0 { out.raw(",") }
            out.raw("["); out.int(s.start); out.raw(","); out.int(s.end); out.raw("]")
        }
        out.raw("],\"tokens\":[")
        var first = true
        for t in doc.tokens where t.kind != .space {
            if !first { out.raw(",") }
            first = false
            out.raw("["); out.int(Int(t.start)); out.raw(","); out.int(Int(t.end)); out.raw(",\"")
            out.raw(t.kind.name)
            out.raw("\"]")
        }
        out.raw("]}\n")
        return out.bytes
    }

    /// Words joined by '|'; line breaks kept, other white space dropped.
    public static func text(_ doc: Document) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(doc.count * 4)
        var needBar = false
        for t in doc.tokens {
            if t.kind == .space {
                for i in Int(t.start)..<Int(t.end) where doc.scalars[i] == "\n" {
                    out.append(0x0A)
                    needBar = false
                }
                continue
            }
            if needBar { out.append(UInt8(ascii: "|")) }
            for i in Int(t.start)..<Int(t.end) { appendUTF8(doc.scalars[i], to: &out) }
            needBar = true
        }
        out.append(0x0A)
        out.append(0x0A)
        return out
    }

    @inline(__always)
    static func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}

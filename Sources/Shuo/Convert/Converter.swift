import Foundation

/// Public NER formats `shuo convert` reads.
public enum ConvertFormat: String, CaseIterable, Sendable {
    /// CLUENER: JSON lines `{"text", "label": {label: {span text: [[start, end_inclusive]]}}}`.
    case cluener
    /// One `char TAG` per line, BIO (B-/I-; E-/S-/M- accepted too), blank line between sentences.
    /// Also the two-file variant (characters line / tags line) with `--tags`.
    case bio
    /// As `bio`, BMES tags (B-/M-/E-/S-).
    case bmes
    /// Weibo NER: `charN<TAB>TAG`, N the character's position in its word. `bio` detects it too.
    case weibo
    /// brat stand-off: `X.txt` and `X.ann` (`T1<TAB>LABEL start end<TAB>text`).
    case brat

    /// The labels each format maps by default (corpora/README.md); anything else is dropped.
    public var defaultMap: [String: EntityType] {
        switch self {
        case .cluener:
            return ["name": .person, "organization": .org, "company": .org, "government": .org, "position": .title]
        case .bio, .bmes:
            return ["PER": .person, "ORG": .org, "NAME": .person, "TITLE": .title, "PERSON": .person,
                    "PER.NAM": .person, "ORG.NAM": .org]
        case .weibo:
            return ["PER.NAM": .person, "ORG.NAM": .org]
        case .brat:
            return ["PER": .person, "PERSON": .person, "ORG": .org, "TITLE": .title]
        }
    }
}

/// A problem in an input file, named by file and line.
public typealias ConvertError = FileLineError

/// A converted document: text and flat entities in spec types.
public struct ConvertedDocument: Sendable, Equatable {
    public var id: String
    public var scalars: [Unicode.Scalar]
    public var entities: [(type: EntityType, span: Span)]

    public init(id: String, scalars: [Unicode.Scalar], entities: [(type: EntityType, span: Span)] = []) {
        self.id = id
        self.scalars = scalars
        self.entities = entities
    }

    public init(id: String, text: String, entities: [(type: EntityType, span: Span)] = []) {
        self.init(id: id, scalars: Array(text.unicodeScalars), entities: entities)
    }

    public var text: String { var v = String.UnicodeScalarView(); v.append(contentsOf: scalars); return String(v) }

    public static func == (a: ConvertedDocument, b: ConvertedDocument) -> Bool {
        a.id == b.id && a.scalars == b.scalars && a.entities.count == b.entities.count
            && zip(a.entities, b.entities).allSatisfy { $0.type == $1.type && $0.span == $1.span }
    }

    /// One spec JSONL line (with a trailing newline): entities T1… in order of start, no quotes.
    public func jsonLine() -> [UInt8] {
        var out = JSONBuffer(capacity: scalars.count * 4 + 64)
        out.raw("{\"id\":")
        out.string(id)
        out.raw(",\"text\":")
        out.string(scalars[...])
        out.raw(",\"entities\":[")
        for (k, e) in entities.sorted(by: { $0.span < $1.span }).enumerated() {
            if k > 0 { out.raw(",") }
            out.raw("{\"id\":\"T")
            out.int(k + 1)
            out.raw("\",\"type\":\"")
            out.raw(e.type.rawValue)
            out.raw("\",\"start\":")
            out.int(e.span.start)
            out.raw(",\"end\":")
            out.int(e.span.end)
            out.raw(",\"text\":")
            out.string(scalars[e.span.range])
            out.raw("}")
        }
        out.raw("],\"quotes\":[],\"people\":[]}\n")
        return out.bytes
    }
}

/// Lines split at LF by code point (a Swift `Character` holds CR LF as one, so splitting a
/// String at "\n" misses CRLF line ends); a trailing CR is removed from each line.
func splitLines(_ s: String) -> [Substring] {
    s.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { piece in
        var line = Substring(piece)
        if line.unicodeScalars.last == "\r" { line = Substring(line.unicodeScalars.dropLast()) }
        return line
    }
}

/// Parses `--map name=PERSON,position=TITLE`.
public func parseLabelMap(_ text: String) throws -> [String: EntityType] {
    var map: [String: EntityType] = [:]
    for part in text.split(separator: ",") {
        let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard kv.count == 2, !kv[0].isEmpty, let t = EntityType(rawValue: kv[1].uppercased()) else {
            throw ConvertError(file: "--map", line: nil, message: "expected LABEL=PERSON|TITLE|ORG, got '\(part)'")
        }
        map[kv[0]] = t
    }
    return map
}

/// Turns public NER formats into spec documents. Labels outside `map` are dropped and counted
/// in `dropped`; entities that overlap an earlier, longer one (CLUENER, brat) are dropped and
/// counted in `overlapsDropped` (spec §1: entities are flat).
public final class Converter {
    public let format: ConvertFormat
    public let map: [String: EntityType]
    public var stripSpaces = false
    public var crlfOffsets = false
    public private(set) var dropped: [String: Int] = [:]
    public private(set) var overlapsDropped = 0

    public init(format: ConvertFormat, map: [String: EntityType]? = nil) {
        self.format = format
        self.map = map ?? format.defaultMap
    }

    /// "dropped labels: LOC 1951, …" or nil.
    public var droppedSummary: String? {
        var parts: [String] = []
        if !dropped.isEmpty {
            parts.append("unmapped labels dropped: " + dropped.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        if overlapsDropped > 0 { parts.append("\(overlapsDropped) overlapping entities dropped (kept the longer)") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    func mapped(_ label: String) -> EntityType? {
        if let t = map[label] { return t }
        dropped[label, default: 0] += 1
        return nil
    }

    /// Keeps entities flat: sorted by start, longer first; one overlapping a kept one is dropped.
    func flat(_ list: [(type: EntityType, span: Span)]) -> [(type: EntityType, span: Span)] {
        let sorted = list.sorted { $0.span.start != $1.span.start ? $0.span.start < $1.span.start : $0.span.end > $1.span.end }
        var out: [(type: EntityType, span: Span)] = []
        for e in sorted {
            if let last = out.last, e.span.start < last.span.end {
                if !(e.span == last.span && e.type == last.type) { overlapsDropped += 1 }
                continue
            }
            out.append(e)
        }
        return out
    }

    // MARK: tag sequences

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    struct Tag {
        var prefix: Character  // B I M E S O
        var label: String
    }

    static func parseTag(_ raw: String) -> Tag? {
        if raw == "O" { return Tag(prefix: "O", label: "") }
        let s = Array(raw)
        guard s.count >= 3, "BIMES".contains(s[0]), s[1] == "-" || s[1] == "_" else { return nil }
        return Tag(prefix: s[0], label: String(s[2...]))
    }

    /// Decodes one sentence of per-token tags (BIO, BIOES, BMES; lenient: an I/M/E of another
    /// label than the open entity starts a new one). `widths` are the tokens' code point counts.
    func decode(_ tags: [Tag], widths: [Int]) -> [(type: EntityType, span: Span)] {
        var out: [(type: EntityType, span: Span)] = []
        var open: (label: String, start: Int)? = nil
        var offset = 0
        func close(_ end: Int) {
            if let o = open, let t = mapped(o.label) { out.append((t, Span(o.start, end))) }
            open = nil
        }
        for (tag, width) in zip(tags, widths) {
            switch tag.prefix {
            case "O":
                close(offset)
            case "B", "S":
                close(offset)
                open = (tag.label, offset)
            default:  // I, M, E
                if open?.label != tag.label {
                    close(offset)
                    open = (tag.label, offset)
                }
            }
            offset += width
            if tag.prefix == "E" || tag.prefix == "S" { close(offset) }
        }
        close(offset)
        return out
    }

    /// One `char TAG` per line, sentences separated by blank lines (bio, bmes, weibo).
    /// Tab or space separated; the tag is the last field. Weibo's position digits
    /// (`字0`, `m15`) are stripped when the format is weibo or every token of the file has them.
    public func convertTagged(_ contents: String, name: String) throws -> [ConvertedDocument] {
        var rows: [(token: String, tag: String, line: Int)?] = []  // nil = sentence break
        var lineNo = 0
        var positional = format == .weibo
        var allPositional = true
        var any = false
        for raw in splitLines(contents) {
            lineNo += 1
            var line = raw
            if lineNo == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { rows.append(nil); continue }
            let sep: Character = line.contains("\t") ? "\t" : " "
            let fields = line.split(separator: sep, omittingEmptySubsequences: false)
            guard fields.count >= 2 else {
                throw ConvertError(file: name, line: lineNo, message: "expected 'char TAG', got '\(line)'")
            }
            var token = String(fields[0])
            let tag = fields.last!.trimmingCharacters(in: .whitespaces)
            if token.isEmpty && sep == " " { token = " " }  // a space character: " O"
            let sc = Array(token.unicodeScalars)
            if !(sc.count >= 2 && Self.isDigit(sc.last!)) { allPositional = false }
            any = true
            rows.append((token, tag, lineNo))
        }
        if any && allPositional { positional = true }

        var docs: [ConvertedDocument] = []
        var scalars: [Unicode.Scalar] = []
        var tags: [Tag] = []
        var widths: [Int] = []
        func flush() {
            if tags.isEmpty { return }
            docs.append(ConvertedDocument(id: "\(name):\(docs.count + 1)", scalars: scalars,
                                          entities: decode(tags, widths: widths)))
            scalars = []; tags = []; widths = []
        }
        for row in rows {
            guard let row else { flush(); continue }
            var sc = Array(row.token.unicodeScalars)
            if positional {
                var k = sc.count
                while k > 0, Self.isDigit(sc[k - 1]) { k -= 1 }
                sc = k == 0 ? [sc[0]] : Array(sc[..<k])
            }
            guard let tag = Self.parseTag(row.tag) else {
                throw ConvertError(file: name, line: row.line, message: "bad tag '\(row.tag)' (expected O or B-/I-/M-/E-/S-LABEL)")
            }
            scalars.append(contentsOf: sc)
            widths.append(sc.count)
            tags.append(tag)
        }
        flush()
        return docs
    }

    /// Two parallel files: space-separated characters per line, and space-separated tags per line
    /// (msra/train-slice.sentences.txt + .tags.txt). One document per line.
    public func convertTwoFile(characters: String, tags: String, name: String, tagsName: String) throws -> [ConvertedDocument] {
        func lines(_ s: String) -> [Substring] {
            var l = splitLines(s)
            if l.last?.isEmpty == true { l.removeLast() }
            return l
        }
        let cl = lines(characters), tl = lines(tags)
        guard cl.count == tl.count else {
            throw ConvertError(file: tagsName, line: nil, message: "\(tl.count) lines of tags for \(cl.count) lines of characters in \(name)")
        }
        var docs: [ConvertedDocument] = []
        for (k, (c, t)) in zip(cl, tl).enumerated() {
            let chars = c.split(separator: " ", omittingEmptySubsequences: true)
            let ts = t.split(separator: " ", omittingEmptySubsequences: true)
            guard chars.count == ts.count else {
                throw ConvertError(file: tagsName, line: k + 1, message: "\(ts.count) tags for \(chars.count) characters")
            }
            var scalars: [Unicode.Scalar] = [], widths: [Int] = [], tags: [Tag] = []
            for (ch, tg) in zip(chars, ts) {
                guard let tag = Self.parseTag(String(tg)) else {
                    throw ConvertError(file: tagsName, line: k + 1, message: "bad tag '\(tg)'")
                }
                scalars.append(contentsOf: ch.unicodeScalars)
                widths.append(ch.unicodeScalars.count)
                tags.append(tag)
            }
            docs.append(ConvertedDocument(id: "\(name):\(k + 1)", scalars: scalars, entities: decode(tags, widths: widths)))
        }
        return docs
    }

    /// CLUENER JSON lines; one document per line, id `name:N` (N the line number).
    public func convertCluener(_ contents: String, name: String) throws -> [ConvertedDocument] {
        var docs: [ConvertedDocument] = []
        var lineNo = 0
        for raw in splitLines(contents) {
            lineNo += 1
            let line = String(raw)
            if line.allSatisfy({ $0.isWhitespace }) { continue }
            func fail(_ m: String) -> ConvertError { ConvertError(file: name, line: lineNo, message: m) }
            let v: JSONValue
            do { v = try JSONParser.parse(line) } catch { throw fail("not JSON: \(error)") }
            guard let text = v["text"]?.string else { throw fail("no string \"text\"") }
            let scalars = Array(text.unicodeScalars)
            var ents: [(type: EntityType, span: Span)] = []
            if let label = v["label"], !label.isNull {
                guard case .object(let labels) = label else { throw fail("\"label\" is not an object") }
                for (lab, spans) in labels {
                    guard case .object(let byText) = spans else { throw fail("label \(lab): not an object") }
                    for (spanText, list) in byText {
                        for pair in list.array ?? [] {
                            guard let a = pair.array, a.count == 2, let s = a[0].int, let e = a[1].int,
                                  s >= 0, s <= e, e < scalars.count else {
                                throw fail("label \(lab): bad span for '\(spanText)'")
                            }
                            guard spanText.unicodeScalars.elementsEqual(scalars[s...e]) else {
                                throw fail("label \(lab): [\(s),\(e)] is not '\(spanText)'")
                            }
                            if let t = mapped(lab) { ents.append((t, Span(s, e + 1))) }
                        }
                    }
                }
            }
            docs.append(ConvertedDocument(id: "\(name):\(lineNo)", scalars: scalars, entities: flat(ents)))
        }
        return docs
    }

    /// A brat pair. The .ann offsets count a leading BOM (as brat's Python reading does) and,
    /// with `crlfOffsets`, every line end as two characters; the BOM is removed from the text,
    /// and with `stripSpaces` every ASCII space too, offsets remapped. Each span must slice to
    /// its .ann text (spaces removed when stripping).
    public func convertBrat(text rawText: String, ann: String, id: String, annName: String) throws -> ConvertedDocument {
        var raw: [Unicode.Scalar] = []
        var annPos: [Int] = []  // .ann offset of each kept code point
        var a = 0
        for (i, s) in rawText.unicodeScalars.enumerated() {
            let keep = !(i == 0 && s == "\u{FEFF}") && !(stripSpaces && s == " ")
            if keep { raw.append(s); annPos.append(a) }
            a += (crlfOffsets && s == "\n") ? 2 : 1
        }
        let annEnd = a
        func toRaw(_ off: Int) -> Int {
            var lo = 0, hi = annPos.count
            while lo < hi { let m = (lo + hi) / 2; if annPos[m] < off { lo = m + 1 } else { hi = m } }
            return lo
        }
        var ents: [(type: EntityType, span: Span)] = []
        var lineNo = 0
        for l in splitLines(ann) {
            lineNo += 1
            guard l.hasPrefix("T") else { continue }  // relations, events, notes
            let parts = l.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count >= 2 else {
                throw ConvertError(file: annName, line: lineNo, message: "expected 'T<TAB>LABEL start end<TAB>text'")
            }
            let fields = parts[1].split(separator: " ")
            guard fields.count >= 3 else {
                throw ConvertError(file: annName, line: lineNo, message: "expected 'LABEL start end', got '\(parts[1])'")
            }
            if parts[1].contains(";") {
                dropped["(discontinuous)", default: 0] += 1
                continue
            }
            let label = String(fields[0])
            guard let s = Int(fields[1]), let e = Int(fields[2]), s >= 0, s <= e, e <= annEnd else {
                throw ConvertError(file: annName, line: lineNo, message: "bad offsets '\(parts[1])'")
            }
            guard let type = mapped(label) else { continue }
            let span = Span(toRaw(s), toRaw(e))
            if parts.count == 3 {
                var want = String(parts[2])
                if stripSpaces { want.removeAll { $0 == " " } }
                if !want.unicodeScalars.elementsEqual(raw[span.range]) {
                    var v = String.UnicodeScalarView(); v.append(contentsOf: raw[span.range])
                    throw ConvertError(file: annName, line: lineNo,
                                       message: "\(label) \(s) \(e) maps to '\(String(v))', not '\(want)'"
                                           + (crlfOffsets ? "" : " (CRLF offsets? try --crlf-offsets)"))
                }
            }
            ents.append((type, span))
        }
        return ConvertedDocument(id: id, scalars: raw, entities: flat(ents))
    }
}

/// Writers for the same formats, used by the round-trip tests and handy for exporting gold.
public enum ConvertWriter {
    /// One `char TAG` per line (space separated), blank line after the document; `bmes` uses
    /// B-/M-/E-/S- tags, otherwise B-/I-. `labels` maps spec types back to corpus labels.
    public static func tagged(_ doc: ConvertedDocument, bmes: Bool, labels: [EntityType: String]) -> String {
        tags(doc, bmes: bmes, labels: labels).enumerated().map { "\(doc.scalars[$0.offset]) \($0.element)\n" }.joined() + "\n"
    }

    public static func tags(_ doc: ConvertedDocument, bmes: Bool, labels: [EntityType: String]) -> [String] {
        var tags = Array(repeating: "O", count: doc.scalars.count)
        for e in doc.entities {
            let l = labels[e.type] ?? e.type.rawValue
            for i in e.span.range {
                let p: String
                if bmes {
                    p = e.span.count == 1 ? "S" : i == e.span.start ? "B" : i == e.span.end - 1 ? "E" : "M"
                } else {
                    p = i == e.span.start ? "B" : "I"
                }
                tags[i] = "\(p)-\(l)"
            }
        }
        return tags
    }

    /// CLUENER line.
    public static func cluener(_ doc: ConvertedDocument, labels: [EntityType: String]) -> String {
        var out = JSONBuffer()
        out.raw("{\"text\":")
        out.string(doc.scalars[...])
        out.raw(",\"label\":{")
        var byLabel: [(String, [(String, Span)])] = []
        for e in doc.entities {
            let l = labels[e.type] ?? e.type.rawValue
            var v = String.UnicodeScalarView(); v.append(contentsOf: doc.scalars[e.span.range])
            if let k = byLabel.firstIndex(where: { $0.0 == l }) { byLabel[k].1.append((String(v), e.span)) } else { byLabel.append((l, [(String(v), e.span)])) }
        }
        for (k, (l, list)) in byLabel.enumerated() {
            if k > 0 { out.raw(",") }
            out.string(l)
            out.raw(":{")
            var seen: [String] = []
            for (text, _) in list where !seen.contains(text) { seen.append(text) }
            for (m, text) in seen.enumerated() {
                if m > 0 { out.raw(",") }
                out.string(text)
                out.raw(":[")
                let spans = list.filter { $0.0 == text }.map(\.1)
                out.raw(spans.map { "[\($0.start),\($0.end - 1)]" }.joined(separator: ","))
                out.raw("]")
            }
            out.raw("}")
        }
        out.raw("}}")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// brat .ann for `doc.text` as written (no BOM, no CRLF counting).
    public static func bratAnn(_ doc: ConvertedDocument, labels: [EntityType: String]) -> String {
        doc.entities.enumerated().map { k, e in
            var v = String.UnicodeScalarView(); v.append(contentsOf: doc.scalars[e.span.range])
            return "T\(k + 1)\t\(labels[e.type] ?? e.type.rawValue) \(e.span.start) \(e.span.end)\t\(String(v))\n"
        }.joined()
    }
}

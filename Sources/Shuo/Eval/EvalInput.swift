import Foundation

/// An entity as the scorer sees it: a type name (PERSON, TITLE, ORG), a span and its rule.
public struct EvalEntity: Hashable, Sendable {
    public var type: String
    public var span: Span
    public var rule: String?

    public init(type: String, span: Span, rule: String? = nil) {
        self.type = type
        self.span = span
        self.rule = rule
    }
}

/// A quote as the scorer sees it. `speaker` nil is a null speaker; `aliases` are the other
/// names a gold speaker may be given (spec §4).
public struct EvalQuote: Hashable, Sendable {
    public var kind: String
    public var span: Span
    public var speaker: String?
    public var aliases: [String]
    public var rule: String?

    public init(kind: String, span: Span, speaker: String? = nil, aliases: [String] = [], rule: String? = nil) {
        self.kind = kind
        self.span = span
        self.speaker = speaker
        self.aliases = aliases
        self.rule = rule
    }
}

public struct EvalDocument: Sendable {
    public var id: String
    /// The text, when the line carried one.
    public var scalars: [Unicode.Scalar]?
    public var entities: [EvalEntity]
    public var quotes: [EvalQuote]
    /// 1-based line in its file.
    public var line: Int
    /// The line was an error line (`{"id","error":…}`): it has no annotations.
    public var failed: Bool

    public init(id: String, scalars: [Unicode.Scalar]?, entities: [EvalEntity] = [], quotes: [EvalQuote] = [],
                line: Int = 0, failed: Bool = false) {
        self.id = id
        self.scalars = scalars
        self.entities = entities
        self.quotes = quotes
        self.line = line
        self.failed = failed
    }

    public init(id: String, text: String, entities: [EvalEntity] = [], quotes: [EvalQuote] = []) {
        self.init(id: id, scalars: Array(text.unicodeScalars), entities: entities, quotes: quotes)
    }
}

/// A spec JSONL file that cannot be scored: names the file and line.
public typealias EvalInputError = FileLineError

/// The documents of one spec JSONL file, in file order, indexed by id.
public struct EvalFile: Sendable {
    public var name: String
    public var documents: [EvalDocument]
    public var index: [String: Int]

    public init(name: String, documents: [EvalDocument]) throws {
        self.name = name
        self.documents = documents
        var index: [String: Int] = [:]
        for (k, d) in documents.enumerated() {
            if let first = index[d.id] {
                throw EvalInputError(file: name, line: d.line,
                                     message: "duplicate id \"\(d.id)\" (first on line \(documents[first].line))")
            }
            index[d.id] = k
        }
        self.index = index
    }

    public subscript(id: String) -> EvalDocument? { index[id].map { documents[$0] } }

    /// Reads a file from disk ("-": stdin).
    public static func load(path: String, textsFrom reference: EvalFile? = nil) throws -> EvalFile {
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data else {
            throw EvalInputError(file: path, line: nil, message: "cannot read the file")
        }
        guard let contents = String(validating: data, as: UTF8.self) else {
            throw EvalInputError(file: path, line: nil, message: "not UTF-8")
        }
        return try parse(contents, name: path, textsFrom: reference)
    }

    /// Parses spec JSONL. Every span is checked against the line's text; a line without text
    /// (annotate --no-text) is checked against the text of the same id in `reference`.
    public static func parse(_ contents: String, name: String, textsFrom reference: EvalFile? = nil) throws -> EvalFile {
        var docs: [EvalDocument] = []
        var lineNumber = 0
        for rawLine in splitLines(contents) {
            lineNumber += 1
            var line = String(rawLine)
            if lineNumber == 1 && line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            docs.append(try parseLine(line, file: name, line: lineNumber, reference: reference))
        }
        return try EvalFile(name: name, documents: docs)
    }

    static func parseLine(_ line: String, file: String, line n: Int, reference: EvalFile?) throws -> EvalDocument {
        func fail(_ message: String) -> EvalInputError { EvalInputError(file: file, line: n, message: message) }
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch let e as JSONParseError {
            throw fail("not JSON: \(e.description)")
        }
        guard case .object = value else { throw fail("not a JSON object") }
        guard let id = value["id"]?.string else { throw fail("no string \"id\"") }
        if value["error"] != nil && value["text"] == nil {
            return EvalDocument(id: id, scalars: nil, line: n, failed: true)
        }
        var scalars: [Unicode.Scalar]? = nil
        if let t = value["text"] {
            guard let s = t.string else { throw fail("\"text\" is not a string") }
            scalars = Array(s.unicodeScalars)
        }
        if let own = scalars, let refText = reference?[id]?.scalars, refText != own {
            throw fail("the text of \"\(id)\" differs from the gold text (offsets would not be comparable)")
        }
        let text = scalars ?? reference?[id]?.scalars

        func span(_ obj: JSONValue, _ what: String) throws -> Span {
            guard let s = obj["start"]?.int, let e = obj["end"]?.int else {
                throw fail("\(what): no integer start/end")
            }
            guard s >= 0, s <= e else { throw fail("\(what): bad span [\(s),\(e))") }
            if let text {
                guard e <= text.count else {
                    throw fail("\(what): span [\(s),\(e)) runs past the end of the text (\(text.count) code points)")
                }
                if let t = obj["text"] {
                    guard let ts = t.string else { throw fail("\(what): \"text\" is not a string") }
                    if !ts.unicodeScalars.elementsEqual(text[s..<e]) {
                        var view = String.UnicodeScalarView()
                        view.append(contentsOf: text[s..<e])
                        throw fail("\(what): span [\(s),\(e)) text \"\(ts)\" does not equal the slice \"\(String(view))\"")
                    }
                }
            }
            return Span(s, e)
        }

        var entities: [EvalEntity] = []
        if let list = value["entities"], !list.isNull {
            guard let items = list.array else { throw fail("\"entities\" is not an array") }
            for (k, item) in items.enumerated() {
                let what = "entity \(item["id"]?.string ?? "#\(k + 1)")"
                guard let type = item["type"]?.string else { throw fail("\(what): no string \"type\"") }
                guard EntityType(rawValue: type) != nil else {
                    throw fail("\(what): unknown type \"\(type)\" (PERSON, TITLE or ORG)")
                }
                entities.append(EvalEntity(type: type, span: try span(item, what), rule: item["rule"]?.string))
            }
        }
        var quotes: [EvalQuote] = []
        if let list = value["quotes"], !list.isNull {
            guard let items = list.array else { throw fail("\"quotes\" is not an array") }
            for (k, item) in items.enumerated() {
                let what = "quote \(item["id"]?.string ?? "#\(k + 1)")"
                guard let kind = item["kind"]?.string else { throw fail("\(what): no string \"kind\"") }
                guard QuoteKind(rawValue: kind) != nil else {
                    throw fail("\(what): unknown kind \"\(kind)\" (direct, term or ignore)")
                }
                let sp = try span(item, what)
                var name: String? = nil
                var aliases: [String] = []
                if let speaker = item["speaker"], !speaker.isNull {
                    guard let nm = speaker["name"]?.string else {
                        throw fail("\(what): speaker has no string \"name\" (use null for no speaker)")
                    }
                    name = nm
                    if let a = speaker["aliases"]?.array {
                        aliases = a.compactMap { $0.string }
                    }
                }
                quotes.append(EvalQuote(kind: kind, span: sp, speaker: name, aliases: aliases, rule: item["rule"]?.string))
            }
        }
        return EvalDocument(id: id, scalars: scalars, entities: entities, quotes: quotes, line: n)
    }
}

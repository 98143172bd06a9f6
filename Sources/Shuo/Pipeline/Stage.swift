/// A pipeline component: takes a document and adds one kind of annotation to it.
///
/// Stages are built once and then called from many threads at once, one document per call,
/// so they hold only immutable state (lexicons, settings) or guard what they must share.
public protocol Stage: Sendable {
    /// The name used on the command line (`--stages`) and in diagnostics.
    var name: String { get }
    func process(_ document: inout Document)
}

/// What a stage may need when it is built.
public struct StageContext: Sendable {
    public var lexicons: Lexicons

    public init(lexicons: Lexicons = Lexicons()) {
        self.lexicons = lexicons
    }
}

/// The stages shuo knows, in the order a full pipeline runs them.
public enum StageRegistry {
    public struct Entry: Sendable {
        public var name: String
        public var summary: String
        /// Stages that must run before this one.
        public var requires: [String]
        public var make: @Sendable (StageContext) throws -> any Stage
    }

    public static var all: [Entry] { builtIn + extractorEntries }

    static let builtIn: [Entry] = [
        Entry(name: "paragraphs", summary: "paragraph spans from line breaks", requires: [],
              make: { _ in ParagraphStage() }),
        Entry(name: "sentences", summary: "ICU sentence boundaries (locale zh)", requires: [],
              make: { _ in try SentenceStage() }),
        Entry(name: "words", summary: "ICU word boundaries and rule status (locale zh)", requires: [],
              make: { _ in try WordStage() }),
    ]

    public static var names: [String] { all.map(\.name) }

    public static func entry(named name: String) -> Entry? { all.first { $0.name == name } }

    /// Builds the named stages in registry order, adding what they require.
    public static func build(_ names: [String]? = nil, context: StageContext) throws -> [any Stage] {
        let wanted = Set(names ?? Self.names)
        for name in wanted where entry(named: name) == nil {
            throw PipelineError.unknownStage(name, known: Self.names)
        }
        var closure = wanted
        var changed = true
        while changed {
            changed = false
            for e in all where closure.contains(e.name) {
                for r in e.requires where !closure.contains(r) {
                    closure.insert(r)
                    changed = true
                }
            }
        }
        return try all.filter { closure.contains($0.name) }.map { try $0.make(context) }
    }
}

public enum PipelineError: Error, CustomStringConvertible {
    case unknownStage(String, known: [String])
    case icu(String)

    public var description: String {
        switch self {
        case let .unknownStage(name, known):
            "unknown stage '\(name)' (known: \(known.joined(separator: ", ")))"
        case let .icu(message):
            message
        }
    }
}

import Foundation

/// A user's own entries (`--lexicon FILE`): text TAB type, where type is PERSON, TITLE or ORG
/// to add an entry, or `!` to forbid the text as any entity.
public struct UserLexicon: Sendable {
    public var additions: [String: EntityType] = [:]
    public var forbidden: Set<String> = []

    public init() {}

    public init(contents: String, source: String) throws {
        var lineNumber = 0
        for rawLine in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cols.count >= 2, !cols[0].isEmpty else {
                throw LexiconError("\(source):\(lineNumber): expected 'text<TAB>PERSON|TITLE|ORG|!'")
            }
            if cols[1] == "!" {
                forbidden.insert(cols[0])
            } else if let type = EntityType(rawValue: cols[1].uppercased()) {
                additions[cols[0]] = type
            } else {
                throw LexiconError("\(source):\(lineNumber): unknown type '\(cols[1])' (use PERSON, TITLE, ORG or !)")
            }
        }
    }

    public mutating func merge(_ other: UserLexicon) {
        additions.merge(other.additions) { _, new in new }
        forbidden.formUnion(other.forbidden)
    }

    public func lexicon(of type: EntityType) -> Lexicon {
        Lexicon(name: "user-\(type.rawValue)", entries: additions.filter { $0.value == type }.map { LexiconEntry(text: $0.key) })
    }
}

public struct LexiconError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The lexicons shipped with shuo (Sources/Shuo/Resources/lexicons), loaded once and shared
/// read-only by every stage on every thread.
public final class Lexicons: @unchecked Sendable {
    public let user: UserLexicon
    private let directory: URL?
    private let lock = NSLock()
    private var cache: [String: Lexicon] = [:]

    public init(directory: URL? = Lexicons.bundledDirectory, user: UserLexicon = UserLexicon()) {
        self.directory = directory
        self.user = user
    }

    /// Where the bundled lexicon files are. SwiftPM puts resources in a bundle beside the binary.
    public static var bundledDirectory: URL? {
        if let env = ProcessInfo.processInfo.environment["SHUO_LEXICONS"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return Bundle.module.url(forResource: "lexicons", withExtension: nil)
    }

    /// The lexicon in `<name>.txt`; an empty one if the file is absent, so that a stage
    /// degrades instead of failing when run from a trimmed install.
    public func named(_ name: String) -> Lexicon {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[name] { return cached }
        var lexicon = Lexicon(name: name)
        if let dir = directory,
           let contents = try? String(contentsOf: dir.appendingPathComponent("\(name).txt"), encoding: .utf8) {
            lexicon = Lexicon(name: name, contents: contents)
        }
        cache[name] = lexicon
        return lexicon
    }
}

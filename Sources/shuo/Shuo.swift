import ArgumentParser
import Foundation
import Shuo

@main
struct ShuoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shuo",
        abstract: "说 — find who said what in Chinese news text.",
        discussion: """
        Reads files, folders or stdin and writes one JSON line per document to stdout:
        PERSON, TITLE and ORG entities, direct quotations and their speakers, and the people
        they belong to. Messages go to stderr. Exit status: 0 ok, 1 some input failed, 2 usage.
        """,
        version: "0.1.0",
        subcommands: [Annotate.self, Segment.self, Stages.self] + extraCommands
    )

    /// ArgumentParser exits 64 on a usage error; shuo promises 2, like most Unix tools.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

import ArgumentParser
import Foundation
import Shuo

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Annotate documents: entities, quotes, speakers and people, as JSONL.",
        discussion: """
        Examples:
          shuo annotate Corpora/seed/*.txt
          shuo annotate --input lines news.txt | jq '.quotes[] | select(.kind=="direct")'
          shuo annotate --encoding GB18030 old-articles/
        """
    )

    @OptionGroup var input: InputArguments

    @Flag(name: .long, help: "Leave the document text out of the output (span texts stay).")
    var noText = false

    @Option(name: .long, help: ArgumentHelp("Run only these stages, comma-separated (and what they need); see 'shuo stages'.", valueName: "stage,…"))
    var stages: String?

    @Option(name: .long, help: ArgumentHelp("A TSV of your own entries: text<TAB>PERSON|TITLE|ORG, or text<TAB>! to forbid. Repeatable.", valueName: "file"))
    var lexicon: [String] = []

    func run() throws {
        ByteSink.ignoreSIGPIPE()
        let options = try input.options()
        var user = UserLexicon()
        for path in lexicon {
            guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ValidationError("cannot read lexicon '\(path)'")
            }
            do {
                user.merge(try UserLexicon(contents: contents, source: path))
            } catch let e as LexiconError {
                throw ValidationError(e.description)
            }
        }
        let pipeline: Pipeline
        do {
            pipeline = try Pipeline(stageNames: stages.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
                                    context: StageContext(lexicons: Lexicons(user: user)))
        } catch let e as PipelineError {
            if case .unknownStage = e { throw ValidationError(e.description) }
            Diagnostics.error(e.description)
            throw ExitCode(1)
        }
        let writer = DocumentWriter(includeText: !noText)
        let summary = runDocuments(input: options, jobs: input.jobCount, sink: ByteSink()) { doc in
            var annotated = pipeline.annotate(doc)
            // The writer needs none of the segmentation: on a large document, letting it go
            // before the output line is built lowers the peak.
            annotated.tokens = []
            annotated.sentences = []
            return writer.line(for: annotated)
        }
        try finish(summary)
    }
}

struct Stages: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the pipeline's stages in run order.")

    func run() {
        for e in StageRegistry.all {
            let needs = e.requires.isEmpty ? "" : "  (needs \(e.requires.joined(separator: ", ")))"
            print("\(e.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(e.summary)\(needs)")
        }
    }
}

import ArgumentParser
import Shuo

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show ICU's sentence and word segmentation (for debugging; the speed floor of annotate).",
        discussion: """
        --format jsonl writes {"id","sentences":[[start,end]…],"tokens":[[start,end,kind]…]} per document,
        code point offsets; --format text writes each document's words separated by '|', one
        line per input line, and a blank line between documents.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, text }

    @OptionGroup var input: InputArguments

    @Option(name: .long, help: "jsonl or text.")
    var format: Format = .jsonl

    func run() throws {
        ByteSink.ignoreSIGPIPE()
        let options = try input.options()
        let stages: [any Stage]
        do {
            stages = format == .text ? [try WordStage()] : [try SentenceStage(), try WordStage()]
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(1)
        }
        let pipeline = Pipeline(stages: stages)
        let writer = DocumentWriter()
        let format = self.format
        let summary = runDocuments(input: options, jobs: input.jobCount, sink: ByteSink()) { doc in
            if doc.error != nil { return writer.line(for: doc) }
            let d = pipeline.annotate(doc)
            return format == .text ? SegmentationRenderer.text(d) : SegmentationRenderer.jsonl(d)
        }
        try finish(summary)
    }
}

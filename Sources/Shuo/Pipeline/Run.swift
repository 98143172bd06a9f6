/// What a run over many inputs came to.
public struct RunSummary: Sendable {
    public var documents = 0
    public var failed = 0
    /// The output went away (a closed pipe) before everything was written.
    public var outputClosed = false
    public var outputError: String?
    /// An input failed without a document to show it (e.g. a folder with no matching files).
    public var inputFailure = false

    public var succeeded: Bool { failed == 0 && !inputFailure && outputError == nil }
}

/// Reads `input`, turns each document into an output line with `render` on `jobs` threads,
/// and writes the lines to `sink` in input order. Failed documents are rendered too (as error
/// lines) and reported on stderr with their id.
public func runDocuments(input: InputOptions, jobs: Int, sink: ByteSink,
                         render: @escaping @Sendable (Document) -> [UInt8]) -> RunSummary {
    let source = DocumentSource(options: input)
    source.warn = { Diagnostics.error($0) }
    var summary = RunSummary()
    let runner = OrderedParallelRunner<RawDocument, (line: [UInt8], error: String?)>(jobs: jobs)
    runner.run(
        next: { source.next().map { ($0, $0.byteCount) } },
        work: { raw in
            let doc = raw.decode()
            let error = doc.error.map { "\(doc.id): \($0.message)" }
            return (render(doc), error)
        },
        consume: { out in
            summary.documents += 1
            if let e = out.error {
                summary.failed += 1
                Diagnostics.error(e)
            }
            return sink.write(out.line)
        })
    sink.flush()
    summary.outputClosed = sink.broken
    summary.outputError = sink.failure
    summary.inputFailure = source.hadFailure
    return summary
}

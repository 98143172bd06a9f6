import ArgumentParser
import Foundation
import Shuo

/// The input options every reading command shares.
struct InputArguments: ParsableArguments {
    @Argument(help: "Files or folders to read; '-' or nothing for stdin.")
    var inputs: [String] = []

    @Option(name: .long, help: "How input is cut into documents: text (a file is a document), lines (a line is a document), jsonl ({\"id\",\"text\",…} per line).")
    var input: InputModeArgument = .text

    @Option(name: .long, help: "Input encoding: utf-8 (default; a BOM is honoured), any ICU converter name (GB18030, GBK, Big5, UTF-16LE …), or auto.")
    var encoding: String = "utf-8"

    @Option(name: .long, help: "Which files to read from folders (a shell pattern on the file name).")
    var glob: String = "*.txt"

    @Option(name: [.short, .long], help: "Documents processed in parallel (default: all cores).")
    var jobs: Int?

    func validate() throws {
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1") }
        if inputs.isEmpty && isatty(STDIN_FILENO) != 0 {
            throw ValidationError("no input: name files or folders, or pipe text into stdin ('-')")
        }
        if input == .jsonl && encoding.lowercased() != "utf-8" && encoding.lowercased() != "utf8" {
            throw ValidationError("--input jsonl reads UTF-8 only")
        }
        _ = try textEncoding()
    }

    func textEncoding() throws -> TextEncoding {
        do {
            return try TextEncoding(argument: encoding)
        } catch let e as DecodeFailure {
            throw ValidationError(e.message)
        }
    }

    func options() throws -> InputOptions {
        InputOptions(paths: inputs.isEmpty ? ["-"] : inputs, mode: input.mode,
                     encoding: try textEncoding(), glob: glob)
    }

    var jobCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }
}

enum InputModeArgument: String, ExpressibleByArgument, CaseIterable {
    case text, lines, jsonl
    var mode: InputMode { InputMode(rawValue: rawValue)! }
}

/// Ends a reading command with the exit status the summary calls for.
func finish(_ summary: RunSummary) throws {
    if let e = summary.outputError {
        Diagnostics.error("cannot write output: \(e)")
        throw ExitCode(1)
    }
    if summary.outputClosed { return }
    if summary.documents == 0 && !summary.inputFailure {
        Diagnostics.error("no documents in the input")
    }
    if !summary.succeeded { throw ExitCode(1) }
}

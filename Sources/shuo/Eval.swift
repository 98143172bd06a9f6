import ArgumentParser
import Foundation
import Shuo

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score annotations against gold (annotation-spec §4).",
        discussion: """
        GOLD and PRED are spec JSONL; documents are matched by id. A gold
        document missing from PRED scores as all misses; PRED ids not in GOLD
        are listed on stderr and not scored. A PRED line without text (annotate
        --no-text) is checked against the gold text.

        Entities: P/R/F1 per type and micro-averaged, exact (type, start, end)
        and partial (same type, overlapping). Quotes (kind direct): span
        P/R/F1 exact and by overlap; speaker accuracy over overlap pairs
        (names equal, a gold alias, or both null); end-to-end F1 (a pair
        counts only with the right speaker). Predicted quotes overlapping a
        gold "ignore" quote are left out. Overlap pairing is one to one,
        largest overlap first; ties go to the earlier gold span, then the
        earlier predicted span.

        Examples:
          shuo annotate --input jsonl gold.jsonl | shuo eval gold.jsonl -
          shuo eval gold.jsonl pred.jsonl
          shuo eval --types PERSON,ORG --errors gold.jsonl pred.jsonl | less
          shuo eval --json --by-rule gold.jsonl pred.jsonl | jq .by_rule

        Exit status: 0 scored; 1 a file unreadable or not valid spec JSONL
        (not JSON, a span whose text is not the slice …: file:line on
        stderr); 2 usage error.
        """
    )

    @Argument(help: "Gold spec JSONL.")
    var gold: String

    @Argument(help: "Predicted spec JSONL (e.g. from 'shuo annotate --input jsonl'); '-' for stdin.")
    var pred: String

    @Option(name: .long, help: ArgumentHelp("Score only these entity types (comma-separated: PERSON,TITLE,ORG).", valueName: "types"))
    var types: String?

    @Flag(name: .long, help: "Precision of each 'rule' value among predicted entities and direct quotes (exact match).")
    var byRule = false

    @Flag(name: .long, help: "List every miss, false alarm and wrong speaker with ±10 characters of context.")
    var errors = false

    @Flag(name: .long, help: "Write the report as one JSON object.")
    var json = false

    func parsedTypes() throws -> [String]? {
        guard let types else { return nil }
        var out: [String] = []
        for part in types.split(separator: ",") {
            let t = part.trimmingCharacters(in: .whitespaces).uppercased()
            guard EntityType(rawValue: t) != nil else {
                throw ValidationError("--types: unknown type '\(part)' (PERSON, TITLE, ORG)")
            }
            if !out.contains(t) { out.append(t) }
        }
        if out.isEmpty { throw ValidationError("--types: no type given") }
        return out
    }

    func validate() throws {
        _ = try parsedTypes()
        if gold == "-" { throw ValidationError("GOLD must be a file ('-' is for PRED)") }
    }

    func run() throws {
        ByteSink.ignoreSIGPIPE()
        let goldFile: EvalFile, predFile: EvalFile
        do {
            goldFile = try EvalFile.load(path: gold)
            if let bad = goldFile.documents.first(where: { $0.scalars == nil }) {
                throw EvalInputError(file: gold, line: bad.line, message: "gold document \"\(bad.id)\" has no text")
            }
            predFile = try EvalFile.load(path: pred, textsFrom: goldFile)
        } catch let e as EvalInputError {
            Diagnostics.error(e.description)
            throw ExitCode(1)
        }
        let evaluator = Evaluator(types: try parsedTypes(), byRule: byRule, collectErrors: errors)
        let result = evaluator.evaluate(gold: goldFile, pred: predFile)
        if !result.extra.isEmpty {
            let shown = result.extra.prefix(5).joined(separator: ", ")
            Diagnostics.error("\(result.extra.count) document(s) in \(pred) not in \(gold), not scored: \(shown)\(result.extra.count > 5 ? ", …" : "")")
        }
        if !result.missing.isEmpty {
            let shown = result.missing.prefix(5).joined(separator: ", ")
            Diagnostics.error("\(result.missing.count) gold document(s) missing from \(pred), scored as misses: \(shown)\(result.missing.count > 5 ? ", …" : "")")
        }
        if !result.failed.isEmpty {
            Diagnostics.error("\(result.failed.count) document(s) in \(pred) are error lines (scored as misses)")
        }
        let sink = ByteSink()
        if json {
            sink.write(EvalReport.json(result, includeErrors: errors) + "\n")
        } else {
            if errors { sink.write(EvalReport.errors(result) + "\n") }
            sink.write(EvalReport.table(result))
        }
        sink.flush()
    }
}

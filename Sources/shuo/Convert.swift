import ArgumentParser
import Foundation
import Shuo

extension ConvertFormat: ExpressibleByArgument {}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert public NER data to spec JSONL gold (entities only).",
        discussion: """
        Formats (--from):
          cluener  JSON lines {"text","label":{label:{text:[[start,end]]}}},
                   end inclusive; a document per line
          bio      'char TAG' per line (tab or space), a blank line between
                   sentences; a document per sentence. With --tags FILE:
                   lines of space-separated characters in the input, lines
                   of space-separated tags in FILE (msra/train-slice.*)
          bmes     as bio, B-/M-/E-/S- tags
          weibo    as bio, 'charN<TAB>TAG' (N, the position in the word, is
                   stripped; bio detects this layout too)
          brat     X.txt + X.ann (either name, or a folder); a document per
                   file, id X
        Ids are FILE:N (N = sentence or line number, from 1), or for brat the
        base name; --id-prefix goes in front.

        Default label maps (--map replaces them):
          cluener  name→PERSON; organization, company, government→ORG;
                   position→TITLE
          bio/bmes PER, NAME, PERSON, PER.NAM→PERSON; ORG, ORG.NAM→ORG;
                   TITLE→TITLE
          weibo    PER.NAM→PERSON; ORG.NAM→ORG
          brat     PER, PERSON→PERSON; ORG→ORG; TITLE→TITLE
        Other labels are dropped and counted on stderr; an entity overlapping
        a longer one is dropped (entities are flat).

        Examples:
          shuo convert --from bio --tags msra/train-slice.tags.txt \\
              msra/train-slice.sentences.txt
          shuo convert --from cluener --limit 2000 cluener/train.json
          shuo convert --from brat --strip-spaces --crlf-offsets \\
              --id-prefix pd1998-doc/ pd1998-doc/
        """
    )

    @Option(name: .long, help: ArgumentHelp("Input format: cluener, bio, bmes, weibo, brat.", valueName: "format"))
    var from: ConvertFormat

    @Argument(help: "Input files (brat: .txt or .ann files, or folders); stdin when none (not brat).")
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp("Two-file BIO/BMES: the file of tag lines parallel to the character lines.", valueName: "file"))
    var tags: String?

    @Option(name: .long, help: ArgumentHelp("Label map, e.g. name=PERSON,position=TITLE (replaces the format's default).", valueName: "map"))
    var map: String?

    @Flag(name: .long, help: "brat: delete ASCII spaces from the text (word-segmented corpora) and remap offsets.")
    var stripSpaces = false

    @Flag(name: .long, help: "brat: .ann offsets count every line end as two characters (files annotated with CRLF, stored with LF).")
    var crlfOffsets = false

    @Option(name: .long, help: ArgumentHelp("Put this in front of every document id.", valueName: "prefix"))
    var idPrefix: String = ""

    @Option(name: .long, help: ArgumentHelp("Stop after this many documents.", valueName: "n"))
    var limit: Int?

    func validate() throws {
        if let map { do { _ = try parseLabelMap(map) } catch let e as ConvertError { throw ValidationError(e.message) } }
        if tags != nil && !(from == .bio || from == .bmes) { throw ValidationError("--tags goes with --from bio or bmes") }
        if tags != nil && files.count != 1 { throw ValidationError("--tags needs exactly one file of characters") }
        if from == .brat && files.isEmpty { throw ValidationError("--from brat needs files or folders") }
        if files.isEmpty && isatty(STDIN_FILENO) != 0 {
            throw ValidationError("no input: name files, or pipe the data into stdin")
        }
        if (stripSpaces || crlfOffsets) && from != .brat { throw ValidationError("--strip-spaces and --crlf-offsets go with --from brat") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func read(_ path: String) throws -> String {
        let data: Data?
        if path == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else { data = FileManager.default.contents(atPath: path) }
        guard let data else { throw ConvertError(file: path, line: nil, message: "cannot read the file") }
        guard let s = String(validating: data, as: UTF8.self) else { throw ConvertError(file: path, line: nil, message: "not UTF-8") }
        return s
    }

    /// brat inputs as (txt, ann, id) triples.
    func bratPairs() throws -> [(String, String, String)] {
        var bases: [String] = []
        let fm = FileManager.default
        for f in files {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: f, isDirectory: &isDir) else { throw ConvertError(file: f, line: nil, message: "no such file") }
            if isDir.boolValue {
                let names = try fm.contentsOfDirectory(atPath: f).filter { $0.hasSuffix(".txt") }.sorted()
                bases += names.map { (f as NSString).appendingPathComponent(String($0.dropLast(4))) }
            } else if f.hasSuffix(".txt") || f.hasSuffix(".ann") {
                bases.append(String(f.dropLast(4)))
            } else {
                throw ConvertError(file: f, line: nil, message: "brat input must be X.txt, X.ann or a folder")
            }
        }
        return bases.map { ($0 + ".txt", $0 + ".ann", ($0 as NSString).lastPathComponent) }
    }

    func run() throws {
        ByteSink.ignoreSIGPIPE()
        let converter = Converter(format: from, map: try map.map { try parseLabelMap($0) })
        converter.stripSpaces = stripSpaces
        converter.crlfOffsets = crlfOffsets
        let sink = ByteSink()
        var count = 0
        func emit(_ docs: [ConvertedDocument]) -> Bool {
            for var d in docs {
                if let limit, count >= limit { return false }
                d.id = idPrefix + d.id
                if !sink.write(d.jsonLine()) { return false }
                count += 1
            }
            return true
        }
        do {
            if from == .brat {
                for (txt, ann, id) in try bratPairs() {
                    let doc = try converter.convertBrat(text: try read(txt), ann: try read(ann), id: id, annName: ann)
                    if !emit([doc]) { break }
                }
            } else if let tags {
                let f = files[0]
                _ = emit(try converter.convertTwoFile(characters: try read(f), tags: try read(tags), name: f, tagsName: tags))
            } else {
                for f in files.isEmpty ? ["-"] : files {
                    let text = try read(f)
                    let docs = from == .cluener ? try converter.convertCluener(text, name: f) : try converter.convertTagged(text, name: f)
                    if !emit(docs) { break }
                }
            }
        } catch let e as ConvertError {
            sink.flush()
            Diagnostics.error(e.description)
            throw ExitCode(1)
        }
        sink.flush()
        if let f = sink.failure { Diagnostics.error("cannot write output: \(f)"); throw ExitCode(1) }
        if let s = converter.droppedSummary { Diagnostics.error("convert: \(count) documents; \(s)") }
    }
}

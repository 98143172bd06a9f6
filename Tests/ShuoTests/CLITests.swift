import Foundation
import XCTest
@testable import Shuo

/// The command line as users meet it: the built binary, real files, pipes and exit codes.
final class CLITests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    func testAnnotateSeedGivesOneValidLineWhoseSpansSlice() throws {
        let seed = repositoryRoot.appendingPathComponent("Corpora/seed/000_e77ddd7cd213d071.txt").path
        let r = try CLI.run(["annotate", seed])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = try r.json()
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(lines[0]["id"]?.string, seed)
        let original = try String(contentsOfFile: seed, encoding: .utf8)
        XCTAssertEqual(lines[0]["text"]?.string, original)
        for key in ["entities", "quotes", "people"] { XCTAssertNotNil(lines[0][key]?.array, key) }
        assertSpansSlice(lines[0])
    }

    func testFoldersRecurseSortedWithGlobAndKeepOrderUnderJobs() throws {
        for i in (0..<40).reversed() {
            _ = try write("d/\(i % 3)/doc\(String(format: "%02d", i)).txt", "第\(i)篇。王理宗表示，“好。”")
        }
        _ = try write("d/skip.md", "not read")
        let r = try CLI.run(["annotate", "--jobs", "4", folder.appendingPathComponent("d").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let ids = try r.json().compactMap { $0["id"]?.string }
        XCTAssertEqual(ids.count, 40)
        XCTAssertEqual(ids, ids.sorted())
        XCTAssertFalse(ids.contains { $0.hasSuffix(".md") })
        let md = try CLI.run(["annotate", "--glob", "*.md", folder.appendingPathComponent("d").path])
        XCTAssertEqual(try md.json().count, 1)
    }

    func testLinesModeFromStdinInOrderWithJobs() throws {
        let input = (1...300).map { "第\($0)行：他说“好”。" }.joined(separator: "\r\n") + "\n\n"
        let r = try CLI.run(["annotate", "--input", "lines", "--jobs", "4", "-"], stdin: Data(input.utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = try r.json()
        XCTAssertEqual(lines.count, 300)
        XCTAssertEqual(lines.map { $0["id"]?.string }, (1...300).map { "-:\($0)" })
        XCTAssertEqual(lines[41]["text"]?.string, "第42行：他说“好”。", "CR of CRLF is a line end in lines mode")
    }

    func testJSONLPassesOtherFieldsThroughUnchanged() throws {
        let input = """
        {"id":"a","source":{"paper":"人民日报","page":[1,2]},"text":"王理宗表示。","n":1.50}
        {"text":"无id","id":7}
        {"id":"c","entities":[{"bogus":1}],"text":"旧的标注被重算"}
        """
        let r = try CLI.run(["annotate", "--input", "jsonl"], stdin: Data(input.utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.lines
        XCTAssertTrue(lines[0].contains(#""source":{"paper":"人民日报","page":[1,2]}"#), lines[0])
        XCTAssertTrue(lines[0].contains(#""n":1.50"#), "numbers pass through as written")
        let parsed = try r.json()
        XCTAssertEqual(parsed[1]["id"]?.string, "7")
        XCTAssertEqual(parsed[2]["entities"]?.array?.contains { $0["bogus"] != nil }, false)
    }

    func testEncodingsFromTheCommandLine() throws {
        let text = "全国政协委员王理宗表示：“算力协同发展是我非常关心的话题。”"
        let gb = try XCTUnwrap(encodeFixture(text, "GB18030"))
        let path = try write("gb.txt", gb)
        let named = try CLI.run(["annotate", "--encoding", "GB18030", path])
        XCTAssertEqual(try named.json().first?["text"]?.string, text)
        let auto = try CLI.run(["annotate", "--encoding", "auto", path])
        XCTAssertEqual(try auto.json().first?["text"]?.string, text, auto.stderr)
        let le = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let u16 = try write("u16.txt", le)
        XCTAssertEqual(try CLI.run(["annotate", "--encoding", "UTF-16LE", u16]).json().first?["text"]?.string, text)
        // UTF-16 in lines mode cannot be split on byte 0x0A: it is decoded first.
        let twoLines = Array("甲\n乙\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let u16lines = try write("u16lines.txt", twoLines)
        let lines = try CLI.run(["annotate", "--input", "lines", "--encoding", "UTF-16LE", u16lines]).json()
        XCTAssertEqual(lines.map { $0["text"]?.string }, ["甲", "乙"])
    }

    func testBadInputsGiveErrorLinesMessagesAndStatusOne() throws {
        let good = try write("good.txt", "王理宗表示。")
        let bad = try write("bad.txt", Array("王理宗".utf8) + [0xFF, 0xFE, 0x41])
        let binary = try write("bin.txt", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1])
        let empty = try write("empty.txt", "")
        let missing = folder.appendingPathComponent("missing.txt").path
        let r = try CLI.run(["annotate", bad, missing, binary, good, empty])
        XCTAssertEqual(r.status, 1)
        let lines = try r.json()
        XCTAssertEqual(lines.map { $0["id"]?.string }, [bad, missing, binary, good, empty], "every input keeps its place")
        XCTAssertEqual(lines[0]["error"]?["code"]?.string, "invalid-utf8")
        XCTAssertTrue(lines[0]["error"]?["message"]?.string?.contains("byte 9") == true)
        XCTAssertEqual(lines[1]["error"]?["code"]?.string, "not-found")
        XCTAssertEqual(lines[2]["error"]?["code"]?.string, "binary")
        XCTAssertEqual(lines[3]["text"]?.string, "王理宗表示。")
        XCTAssertEqual(lines[4]["text"]?.string, "")
        XCTAssertTrue(r.stderr.contains("bad.txt"), r.stderr)
        XCTAssertTrue(r.stderr.contains("missing.txt"), r.stderr)
        XCTAssertTrue(r.stderr.contains("empty"), r.stderr)
        XCTAssertFalse(r.stderr.contains("Fatal"), r.stderr)
    }

    func testBadJSONLLineIsAnErrorLineAndTheRestComeOut() throws {
        let input = "{\"id\":\"a\",\"text\":\"甲\"}\nnot json\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"丁\"}\n"
        let r = try CLI.run(["annotate", "--input", "jsonl"], stdin: Data(input.utf8))
        XCTAssertEqual(r.status, 1)
        let lines = try r.json()
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[1]["error"]?["code"]?.string, "bad-json")
        XCTAssertEqual(lines[1]["id"]?.string, "-:2")
        XCTAssertEqual(lines[2]["error"]?["code"]?.string, "bad-json")
        XCTAssertEqual(lines[3]["text"]?.string, "丁")
    }

    func testEmptyFolderAndEmptyStdinAndUsageErrors() throws {
        let empty = folder.appendingPathComponent("none")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let r = try CLI.run(["annotate", empty.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("no files matching"), r.stderr)
        XCTAssertTrue(r.stdout.isEmpty)

        let stdin = try CLI.run(["annotate", "--input", "lines", "-"], stdin: Data())
        XCTAssertEqual(stdin.status, 0)
        XCTAssertTrue(stdin.stderr.contains("no documents"), stdin.stderr)

        XCTAssertEqual(try CLI.run(["annotate", "--jobs", "0", "x"]).status, 2)
        XCTAssertEqual(try CLI.run(["annotate", "--encoding", "NOPE", "x"]).status, 2)
        XCTAssertEqual(try CLI.run(["annotate", "--stages", "nope", "x"]).status, 2)
        XCTAssertEqual(try CLI.run(["frobnicate"]).status, 2)
    }

    func testClosedPipeEndsQuietly() throws {
        // `shuo annotate … | head -1`: the reader goes away after one line.
        let input = String(repeating: "王理宗表示，算力协同发展是我非常关心的话题。\n", count: 20000)
        let path = try write("many.txt", input)
        let shuo = CLI.binary.path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "set -o pipefail; '\(shuo)' annotate --input lines '\(path)' 2>\(folder.path)/err | head -1 >/dev/null; echo ${PIPESTATUS[0]}"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(status.trimmingCharacters(in: .whitespacesAndNewlines), "0")
        let err = try String(contentsOfFile: "\(folder.path)/err", encoding: .utf8)
        XCTAssertEqual(err, "", "no noise on a closed pipe")
    }

    func testSegmentTextAndJSONL() throws {
        let r = try CLI.run(["segment", "--format", "text", "-"], stdin: Data("全国人大代表贺海东说。\n第二行".utf8))
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.out.contains("|"), r.out)
        XCTAssertEqual(r.out.replacingOccurrences(of: "|", with: ""), "全国人大代表贺海东说。\n第二行\n\n")
        let j = try CLI.run(["segment", "-"], stdin: Data("😀全国人大代表。".utf8)).json()
        let tokens = try XCTUnwrap(j.first?["tokens"]?.array)
        XCTAssertEqual(tokens.first?.array?.first?.int, 0)
        XCTAssertEqual(tokens.last?.array?[1].int, 8, "code point offsets past an emoji")
    }

    func testUserLexiconErrorsAreUsageErrors() throws {
        let lex = try write("lex.tsv", "王理宗\tNOTATYPE\n")
        let r = try CLI.run(["annotate", "--lexicon", lex, "-"], stdin: Data("x".utf8))
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("lex.tsv:1"), r.stderr)
    }

    func testOutputIsTheSameFromRunToRun() throws {
        // Swift seeds its hashing per process: any choice made in Set or Dictionary order would
        // show up as output that changes between runs. Names here share given names on purpose.
        var text = ""
        let names = ["程冠军", "季冠军", "张欢迎", "游欢迎", "李建国", "王建国", "赵建国", "刘明", "陈明"]
        for (k, n) in names.enumerated() {
            text += "记者\(n)报道。\(n)表示：“第\(k)条意见很重要。”\n"
            text += "“我们会继续努力。”\(String(n.unicodeScalars.dropFirst()))说。\n"
        }
        let path = try write("same.txt", text)
        let first = try CLI.run(["annotate", path])
        XCTAssertEqual(first.status, 0, first.stderr)
        for _ in 0..<4 {
            XCTAssertEqual(try CLI.run(["annotate", path]).out, first.out)
        }
    }
}

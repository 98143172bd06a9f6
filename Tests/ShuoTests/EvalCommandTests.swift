import Foundation
import XCTest
@testable import Shuo

/// `shuo eval` and `shuo convert` as a user runs them, and the agreement of the scorer with the
/// independent Python reference (Scripts/eval_reference.py).
final class EvalCommandTests: XCTestCase {
    static let gold = """
    {"id":"a","text":"新华社记者王理宗说：“今年很好。”","entities":[{"id":"T1","type":"ORG","start":0,"end":3,"text":"新华社"},{"id":"T2","type":"TITLE","start":3,"end":5,"text":"记者"},{"id":"T3","type":"PERSON","start":5,"end":8,"text":"王理宗"}],"quotes":[{"id":"Q1","kind":"direct","start":11,"end":16,"text":"今年很好。","speaker":{"name":"王理宗","mention":"T3"},"cue":{"start":8,"end":9,"text":"说"}}]}
    {"id":"b","text":"张三李四","entities":[{"id":"T1","type":"PERSON","start":0,"end":2,"text":"张三"},{"id":"T2","type":"PERSON","start":2,"end":4,"text":"李四"}],"quotes":[]}

    """
    // a: ORG exact, TITLE missed, PERSON [6,8) partial; quote [11,15) overlaps, speaker wrong.
    // b: missing. c: extra.
    static let pred = """
    {"id":"a","entities":[{"type":"ORG","start":0,"end":3,"text":"新华社","rule":"org-suffix"},{"type":"PERSON","start":6,"end":8,"text":"理宗","rule":"surname"}],"quotes":[{"kind":"direct","start":11,"end":15,"text":"今年很好","speaker":{"name":"新华社","mention":null},"rule":"cue-colon"}]}
    {"id":"c","text":"无","entities":[],"quotes":[]}

    """

    func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testEvalTableJSONAndExitStatus() throws {
        let dir = try temporaryFolder()
        let g = try write(Self.gold, "gold.jsonl", in: dir), p = try write(Self.pred, "pred.jsonl", in: dir)
        let r = try CLI.run(["eval", g, p])
        XCTAssertEqual(r.status, 0, r.stderr)
        // PERSON: gold 3 (a:1, b:2), pred 1, exact 0, partial 1 → P 100, R 33.33, F 50.
        XCTAssertTrue(r.out.contains("PERSON       3      1 |          0   0.00   0.00   0.00 |           1 100.00  33.33  50.00"), r.out)
        XCTAssertTrue(r.stderr.contains("not in") && r.stderr.contains("c"), r.stderr)
        XCTAssertTrue(r.stderr.contains("missing") && r.stderr.contains("b"), r.stderr)

        let j = try CLI.run(["eval", "--json", "--by-rule", g, p])
        XCTAssertEqual(j.status, 0, j.stderr)
        let v = try JSONParser.parse(j.out.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(v["documents"]?["missing"], .array([.string("b")]))
        XCTAssertEqual(v["documents"]?["extra"], .array([.string("c")]))
        XCTAssertEqual(v["entities"]?["micro"]?["exact"]?["tp"]?.int, 1)
        XCTAssertEqual(v["quotes"]?["overlap"]?["tp"]?.int, 1)
        XCTAssertEqual(v["quotes"]?["exact"]?["tp"]?.int, 0)
        XCTAssertEqual(v["quotes"]?["speaker"]?["correct"]?.int, 0)
        XCTAssertEqual(v["by_rule"]?.array?.count, 3)

        let e = try CLI.run(["eval", "--errors", "--types", "PERSON", g, p])
        XCTAssertEqual(e.status, 0, e.stderr)
        XCTAssertTrue(e.out.contains("a\tMISS\tPERSON\t[5,8)\t新华社记者⟦王理宗⟧说：“今年很好。”"), e.out)
        XCTAssertFalse(e.out.contains("TITLE  "), e.out)
    }

    func testEvalBadFilesAndUsage() throws {
        let dir = try temporaryFolder()
        let g = try write(Self.gold, "gold.jsonl", in: dir)
        let badSpan = try write(#"{"id":"a","entities":[{"type":"PERSON","start":5,"end":8,"text":"王理"}]}"# + "\n", "bad.jsonl", in: dir)
        let r = try CLI.run(["eval", g, badSpan])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("bad.jsonl:1:"), r.stderr)
        let notJSON = try write("{\"id\":\"a\"}\n{oops\n", "nj.jsonl", in: dir)
        let n = try CLI.run(["eval", g, notJSON])
        XCTAssertEqual(n.status, 1)
        XCTAssertTrue(n.stderr.contains("nj.jsonl:2:"), n.stderr)
        XCTAssertEqual(try CLI.run(["eval", g, dir.appendingPathComponent("absent.jsonl").path]).status, 1)
        XCTAssertEqual(try CLI.run(["eval", g]).status, 2)
        XCTAssertEqual(try CLI.run(["eval", "--types", "LOC", g, g]).status, 2)
    }

    func testConvertCommand() throws {
        let dir = try temporaryFolder()
        let chars = try write("王 理 宗 在 北 京\n张 三\n", "s.txt", in: dir)
        let tags = try write("B-PER I-PER I-PER O B-LOC I-LOC\nB-PER I-PER\n", "t.txt", in: dir)
        let r = try CLI.run(["convert", "--from", "bio", "--tags", tags, chars])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = try r.json()
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0]["id"]?.string, chars + ":1")
        XCTAssertEqual(lines[0]["entities"]?.array?.count, 1)
        XCTAssertTrue(r.stderr.contains("LOC 1"), r.stderr)
        for l in lines { assertSpansSlice(l) }
        // Converted gold scores 100 against itself.
        let gold = try write(r.out, "gold.jsonl", in: dir)
        let e = try CLI.run(["eval", "--json", gold, gold])
        XCTAssertEqual(try JSONParser.parse(e.out.trimmingCharacters(in: .newlines))["entities"]?["micro"]?["exact"]?["f1"]?.double, 1)
        // Bad input names file and line; usage errors exit 2.
        let bad = try write("王 B-PER\n理 X\n", "bad.bio", in: dir)
        let b = try CLI.run(["convert", "--from", "bio", bad])
        XCTAssertEqual(b.status, 1)
        XCTAssertTrue(b.stderr.contains("bad.bio:2:"), b.stderr)
        XCTAssertEqual(try CLI.run(["convert", "--from", "nope", bad]).status, 2)
        XCTAssertEqual(try CLI.run(["convert", "--from", "cluener", "--tags", tags, chars]).status, 2)
    }

    // MARK: agreement with the Python reference

    func python() throws -> URL {
        for p in ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"] where FileManager.default.isExecutableFile(atPath: p) {
            return URL(fileURLWithPath: p)
        }
        throw XCTSkip("python3 is absent: cannot run Scripts/eval_reference.py")
    }

    /// Runs the reference scorer's --compare on `shuo`'s JSON report; returns its exit status
    /// and messages.
    func reference(gold: String, pred: String, report: String, in dir: URL) throws -> (Int32, String) {
        let reportPath = try write(report, "report.json", in: dir)
        let p = Process()
        p.executableURL = try python()
        p.arguments = [repositoryRoot.appendingPathComponent("Scripts/eval_reference.py").path, "--compare", reportPath, gold, pred]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testReferenceAgreesOnHandMadeFiles() throws {
        let dir = try temporaryFolder()
        let g = try write(Self.gold, "gold.jsonl", in: dir), p = try write(Self.pred, "pred.jsonl", in: dir)
        let gf = try EvalFile.load(path: g)
        let result = Evaluator().evaluate(gold: gf, pred: try EvalFile.load(path: p, textsFrom: gf))
        let (status, message) = try reference(gold: g, pred: p, report: EvalReport.json(result), in: dir)
        XCTAssertEqual(status, 0, message)
        // The check can fail: a report with one number changed disagrees.
        var wrong = result
        wrong.entities[0].partial.tp += 1
        let (status2, message2) = try reference(gold: g, pred: p, report: EvalReport.json(wrong), in: dir)
        XCTAssertEqual(status2, 1, message2)
        XCTAssertTrue(message2.contains("PERSON.partial"), message2)
    }

    /// The seed gold against a damaged copy of itself: entities dropped, shifted, retyped;
    /// quotes dropped, shortened, given the wrong speaker; a false quote added.
    func testReferenceAgreesOnDamagedSeedGold() throws {
        let seedDir = repositoryRoot.appendingPathComponent("Corpora/seed")
        guard let name = try FileManager.default.contentsOfDirectory(atPath: seedDir.path).sorted().first(where: { $0.hasSuffix(".gold.jsonl") }) else {
            throw XCTSkip("no Corpora/seed/*.gold.jsonl yet")
        }
        let goldPath = seedDir.appendingPathComponent(name).path
        let gold = try EvalFile.load(path: goldPath)
        var out = JSONBuffer()
        for d in gold.documents {
            out.raw("{\"id\":"); out.string(d.id)
            out.raw(",\"entities\":[")
            var first = true
            for (k, e) in d.entities.enumerated() where k % 3 != 0 {
                var span = e.span, type = e.type
                if k % 4 == 1 && span.count > 1 { span = Span(span.start, span.end - 1) }
                if k % 5 == 2 { type = type == "ORG" ? "TITLE" : "ORG" }
                if !first { out.raw(",") }
                first = false
                out.raw("{\"type\":\"\(type)\",\"start\":\(span.start),\"end\":\(span.end)}")
            }
            out.raw("],\"quotes\":[")
            first = true
            for (k, q) in d.quotes.enumerated() where q.kind == "direct" && k % 4 != 0 {
                var span = q.span
                if k % 4 == 1 && span.count > 2 { span = Span(span.start + 1, span.end) }
                let speaker = k % 4 == 2 ? "某某" : q.speaker
                if !first { out.raw(",") }
                first = false
                out.raw("{\"kind\":\"direct\",\"start\":\(span.start),\"end\":\(span.end),\"speaker\":")
                if let speaker { out.raw("{\"name\":"); out.string(speaker); out.raw("}") } else { out.raw("null") }
                out.raw("}")
            }
            if let n = d.scalars?.count, n > 3 {
                if !first { out.raw(",") }
                out.raw("{\"kind\":\"direct\",\"start\":0,\"end\":2,\"speaker\":null}")
            }
            out.raw("]}\n")
        }
        let dir = try temporaryFolder()
        let predPath = try write(String(decoding: out.bytes, as: UTF8.self), "pred.jsonl", in: dir)
        let result = Evaluator().evaluate(gold: gold, pred: try EvalFile.load(path: predPath, textsFrom: gold))
        // Not a vacuous comparison: the damage shows in the numbers.
        XCTAssertGreaterThan(result.micro.exact.gold, 0)
        XCTAssertLessThan(result.micro.exact.f1, 1)
        XCTAssertGreaterThan(result.micro.partial.tp, result.micro.exact.tp)
        let (status, message) = try reference(gold: goldPath, pred: predPath, report: EvalReport.json(result), in: dir)
        XCTAssertEqual(status, 0, message)
    }

    /// Scripts/eval-all on the seed (always present), with this build's binary: its JSON carries
    /// the same numbers as scoring the seed here.
    func testEvalAllScriptOnTheSeed() throws {
        let py = try python()
        let p = Process()
        p.executableURL = py
        p.arguments = [repositoryRoot.appendingPathComponent("Scripts/eval-all").path, "--sets", "seed", "--json", "--check-reference"]
        var env = ProcessInfo.processInfo.environment
        env["SHUO"] = CLI.binary.path
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        var outData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        group.wait()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, errText)
        let v = try JSONParser.parse(String(decoding: outData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        let seed = try XCTUnwrap(v["sets"]?["seed"]?["eval"], errText)
        XCTAssertEqual(v["sets"]?["seed"]?["reference"]?.string, "agree", errText)
        let gold = try XCTUnwrap(seed["entities"]?["micro"]?["gold"]?.int)
        XCTAssertGreaterThan(gold, 0)
        XCTAssertEqual(seed["quotes"]?["gold"]?.int, try EvalFile.load(path: repositoryRoot.appendingPathComponent(
            "Corpora/seed/000_e77ddd7cd213d071.gold.jsonl").path).documents.reduce(0) { $0 + $1.quotes.filter { $0.kind == "direct" }.count })
    }
}

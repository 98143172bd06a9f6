import Foundation
import XCTest
@testable import Shuo

final class PipelineTests: XCTestCase {
    func testRunnerKeepsInputOrderUnderParallelism() {
        let runner = OrderedParallelRunner<Int, Int>(jobs: 4, window: 8)
        var items = Array(0..<500).makeIterator()
        var seen: [Int] = []
        runner.run(next: { items.next().map { ($0, 1) } },
                   work: { i in
                       // Later items finish first often, so order must come from the runner.
                       usleep(UInt32((500 - i) % 7) * 100)
                       return i * 2
                   },
                   consume: { seen.append($0); return true })
        XCTAssertEqual(seen, Array(0..<500).map { $0 * 2 })
    }

    func testRunnerStopsWhenConsumerStops() {
        let runner = OrderedParallelRunner<Int, Int>(jobs: 2, window: 4)
        var produced = 0
        var seen = 0
        runner.run(next: { produced += 1; return produced <= 10_000 ? (produced, 1) : nil },
                   work: { $0 },
                   consume: { _ in seen += 1; return seen < 3 })
        XCTAssertEqual(seen, 3)
        XCTAssertLessThan(produced, 100, "kept reading after the output went away")
    }

    func testRunnerBoundsWorkInFlight() {
        let runner = OrderedParallelRunner<Int, Int>(jobs: 2, window: 6)
        let lock = NSLock()
        var inFlight = 0, peak = 0
        var items = Array(0..<200).makeIterator()
        var produced = 0, consumed = 0, maxAhead = 0
        runner.run(next: {
            guard let i = items.next() else { return nil }
            produced += 1
            maxAhead = max(maxAhead, produced - consumed)
            return (i, 1)
        }, work: { i in
            lock.lock(); inFlight += 1; peak = max(peak, inFlight); lock.unlock()
            usleep(200)
            lock.lock(); inFlight -= 1; lock.unlock()
            return i
        }, consume: { _ in consumed += 1; return true })
        XCTAssertEqual(consumed, 200)
        XCTAssertLessThanOrEqual(maxAhead, 7)
        XCTAssertLessThanOrEqual(peak, 2)
    }

    func testWriterDropsOverlapsAndBadSpansAndAssignsIDsByStart() throws {
        var doc = Document(id: "d", text: "全国政协委员王理宗表示")
        doc.entities = [
            Entity(.person, Span(6, 9), rule: "r"),
            Entity(.title, Span(0, 6)),
            Entity(.org, Span(5, 7)),        // overlaps both: dropped
            Entity(.person, Span(9, 40)),    // does not slice: dropped
        ]
        doc.quotes = [Quote(kind: .direct, span: Span(0, 11), speaker: Speaker(name: "王理宗", mention: Span(6, 9)), cue: Span(9, 11))]
        doc.people = [Person(name: "王理宗", mentions: [Span(6, 9)], titles: [HeldTitle(title: Span(0, 6))])]
        let line = try JSONParser.parse(String(decoding: DocumentWriter().line(for: doc), as: UTF8.self))
        let entities = try XCTUnwrap(line["entities"]?.array)
        XCTAssertEqual(entities.map { $0["id"]?.string }, ["T1", "T2"])
        XCTAssertEqual(entities.map { $0["type"]?.string }, ["TITLE", "PERSON"])
        XCTAssertEqual(entities[1]["rule"]?.string, "r")
        XCTAssertEqual(line["quotes"]?.array?.first?["speaker"]?["mention"]?.string, "T2")
        XCTAssertEqual(line["people"]?.array?.first?["titles"]?.array?.first?["title"]?.string, "T1")
        assertSpansSlice(line)
    }

    func testWriterEscapesAndOmitsText() throws {
        var doc = Document(id: "a\"b", text: "x\u{1}\"\\\n\t😀")
        doc.passthrough = [("meta", "{\"k\":[1,2]}")]
        let bytes = DocumentWriter(includeText: true).line(for: doc)
        let line = try JSONParser.parse(String(decoding: bytes, as: UTF8.self))
        XCTAssertEqual(line["text"]?.string, "x\u{1}\"\\\n\t😀")
        XCTAssertEqual(line["id"]?.string, "a\"b")
        XCTAssertEqual(line["meta"], .object([("k", .array([.number("1"), .number("2")]))]))
        XCTAssertEqual(bytes.last, 0x0A)
        XCTAssertEqual(bytes.filter { $0 == 0x0A }.count, 1, "one line per document")
        let noText = try JSONParser.parse(String(decoding: DocumentWriter(includeText: false).line(for: doc), as: UTF8.self))
        XCTAssertNil(noText["text"])
    }

    func testJSONParserRejectsAndAccepts() throws {
        XCTAssertEqual(try JSONParser.parse(#"{"a":"\u00e9\ud83d\ude00","b":[true,null,-1.5e3]}"#)["a"]?.string, "é😀")
        for bad in ["{", "{\"a\":}", "[1,]", "\"abc", "{\"a\":1} x", "nul", String(repeating: "[", count: 2000)] {
            XCTAssertThrowsError(try JSONParser.parse(bad), bad)
        }
    }

    func testUnknownStageIsRejected() {
        XCTAssertThrowsError(try Pipeline(stageNames: ["no-such-stage"]))
    }
}

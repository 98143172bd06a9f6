import XCTest
@testable import Shuo

/// The scorer (annotation-spec §4) on hand-made cases; every expected number is worked out
/// in the comments.
final class EvalTests: XCTestCase {
    static let alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

    func ent(_ type: String, _ s: Int, _ e: Int, rule: String? = nil) -> EvalEntity {
        EvalEntity(type: type, span: Span(s, e), rule: rule)
    }

    func file(_ docs: [EvalDocument], _ name: String = "f") throws -> EvalFile {
        try EvalFile(name: name, documents: docs)
    }

    func doc(_ id: String, _ entities: [EvalEntity] = [], _ quotes: [EvalQuote] = []) -> EvalDocument {
        EvalDocument(id: id, text: Self.alphabet, entities: entities, quotes: quotes)
    }

    func assertPRF(_ p: PRF, tp: Int, gold: Int, pred: Int, _ P: Double, _ R: Double, _ F: Double,
                   file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(p.tp, tp, "tp", file: file, line: line)
        XCTAssertEqual(p.gold, gold, "gold", file: file, line: line)
        XCTAssertEqual(p.pred, pred, "pred", file: file, line: line)
        XCTAssertEqual(p.precision, P, accuracy: 1e-9, "P", file: file, line: line)
        XCTAssertEqual(p.recall, R, accuracy: 1e-9, "R", file: file, line: line)
        XCTAssertEqual(p.f1, F, accuracy: 1e-9, "F1", file: file, line: line)
    }

    func testExactAndPartialEntities() throws {
        // gold PERSON [0,4) [6,8) [10,12); ORG [20,24)
        // pred PERSON [0,4) exact, [5,8) overlaps [6,8) by 2, [11,15) overlaps [10,12) by 1, [16,18) nothing;
        //      ORG→ as PERSON [20,24): same span, wrong type: matches nothing.
        let gold = try file([doc("d", [ent("PERSON", 0, 4), ent("PERSON", 6, 8), ent("PERSON", 10, 12), ent("ORG", 20, 24)])])
        let pred = try file([doc("d", [ent("PERSON", 0, 4), ent("PERSON", 5, 8), ent("PERSON", 11, 15),
                                       ent("PERSON", 16, 18), ent("PERSON", 20, 24)])])
        let r = Evaluator().evaluate(gold: gold, pred: pred)
        let person = try XCTUnwrap(r.entity("PERSON"))
        // exact: 1 of 5 predicted, 1 of 3 gold: P .2, R 1/3, F 2·.2·(1/3)/(.2+1/3) = .25
        assertPRF(person.exact, tp: 1, gold: 3, pred: 5, 0.2, 1.0 / 3, 0.25)
        // partial: 3 pairs: P .6, R 1, F 2·.6/1.6 = .75
        assertPRF(person.partial, tp: 3, gold: 3, pred: 5, 0.6, 1, 0.75)
        let org = try XCTUnwrap(r.entity("ORG"))
        assertPRF(org.exact, tp: 0, gold: 1, pred: 0, 0, 0, 0)
        XCTAssertNil(r.entities.first { $0.type == "TITLE" && $0.exact.gold != 0 })
        // micro: tp 1, gold 4, pred 5: P .2, R .25, F 2·.05/.45 = 2/9
        assertPRF(r.micro.exact, tp: 1, gold: 4, pred: 5, 0.2, 0.25, 2.0 / 9)
        // partial micro: tp 3: P .6, R .75, F 2·.45/1.35 = 2/3
        assertPRF(r.micro.partial, tp: 3, gold: 4, pred: 5, 0.6, 0.75, 2.0 / 3)
        XCTAssertEqual(r.types, ["PERSON", "TITLE", "ORG"])
    }

    func testOverlapPairingIsOneToOneWithTiesToEarlierGold() throws {
        // gold A [0,4), B [4,8); pred P1 [2,6) overlaps A by 2 and B by 2; P2 [6,10) overlaps B by 2.
        // All candidates tie at 2: (A,P1) first, (B,P1) skipped (P1 taken), (B,P2) taken: 2 pairs.
        // Had (B,P1) been taken first, only 1 pair.
        XCTAssertEqual(Evaluator.overlapPairs([Span(0, 4), Span(4, 8)], [Span(2, 6), Span(6, 10)]).map { [$0.0, $0.1] },
                       [[0, 0], [1, 1]])
        // One wide prediction over two gold spans pairs once: the larger overlap wins.
        // gold [0,3), [3,10); pred [1,8): overlaps 2 and 5 → pairs with the second.
        XCTAssertEqual(Evaluator.overlapPairs([Span(0, 3), Span(3, 10)], [Span(1, 8)]).map { [$0.0, $0.1] }, [[1, 0]])
        // Two predictions inside one gold span: one pair, the larger.
        XCTAssertEqual(Evaluator.overlapPairs([Span(0, 6)], [Span(0, 2), Span(1, 6)]).map { [$0.0, $0.1] }, [[0, 1]])
        // Touching spans do not overlap.
        XCTAssertTrue(Evaluator.overlapPairs([Span(0, 3)], [Span(3, 5)]).isEmpty)

        let gold = try file([doc("d", [ent("TITLE", 0, 4), ent("TITLE", 4, 8)])])
        let pred = try file([doc("d", [ent("TITLE", 2, 6), ent("TITLE", 6, 10)])])
        let title = try XCTUnwrap(Evaluator().evaluate(gold: gold, pred: pred).entity("TITLE"))
        assertPRF(title.exact, tp: 0, gold: 2, pred: 2, 0, 0, 0)
        assertPRF(title.partial, tp: 2, gold: 2, pred: 2, 1, 1, 1)
    }

    func testDuplicatePredictionsMatchOnce() throws {
        let gold = try file([doc("d", [ent("ORG", 0, 4)])])
        let pred = try file([doc("d", [ent("ORG", 0, 4), ent("ORG", 0, 4)])])
        let org = try XCTUnwrap(Evaluator().evaluate(gold: gold, pred: pred).entity("ORG"))
        assertPRF(org.exact, tp: 1, gold: 1, pred: 2, 0.5, 1, 2.0 / 3)
        assertPRF(org.partial, tp: 1, gold: 1, pred: 2, 0.5, 1, 2.0 / 3)
    }

    func quotesCase() throws -> EvalResult {
        let gold = try file([doc("d", [], [
            EvalQuote(kind: "direct", span: Span(2, 10), speaker: "王理宗", aliases: ["王会长"]),
            EvalQuote(kind: "direct", span: Span(12, 20), speaker: nil),
            EvalQuote(kind: "ignore", span: Span(22, 30)),
            EvalQuote(kind: "direct", span: Span(32, 40), speaker: "李四"),
            EvalQuote(kind: "term", span: Span(42, 46)),
        ])])
        let pred = try file([doc("d", [], [
            EvalQuote(kind: "direct", span: Span(2, 10), speaker: "王会长"),  // exact; alias: right
            EvalQuote(kind: "direct", span: Span(12, 18), speaker: nil),     // overlap; both null: right
            EvalQuote(kind: "direct", span: Span(24, 28), speaker: "某人"),   // inside ignore: left out
            EvalQuote(kind: "direct", span: Span(32, 40), speaker: "张三"),   // exact; wrong speaker
            EvalQuote(kind: "term", span: Span(42, 46)),                       // term: not scored
            EvalQuote(kind: "direct", span: Span(50, 55), speaker: "李四"),   // false alarm
        ])])
        return Evaluator(collectErrors: true).evaluate(gold: gold, pred: pred)
    }

    func testQuotes() throws {
        let q = try quotesCase().quotes
        XCTAssertEqual(q.gold, 3)
        XCTAssertEqual(q.pred, 4)
        XCTAssertEqual(q.ignored, 1)
        // exact: [2,10) and [32,40): P 2/4, R 2/3, F 2·(1/3)/(7/6) = 4/7
        assertPRF(q.exact, tp: 2, gold: 3, pred: 4, 0.5, 2.0 / 3, 4.0 / 7)
        // overlap: 3 pairs: P .75, R 1, F 1.5/1.75 = 6/7
        assertPRF(q.overlap, tp: 3, gold: 3, pred: 4, 0.75, 1, 6.0 / 7)
        XCTAssertEqual(q.speakerPairs, 3)
        XCTAssertEqual(q.speakerCorrect, 2)
        XCTAssertEqual(try XCTUnwrap(q.speakerAccuracy), 2.0 / 3, accuracy: 1e-9)
        // end to end: 2 right-speaker pairs: as exact here, 4/7
        assertPRF(q.endToEnd, tp: 2, gold: 3, pred: 4, 0.5, 2.0 / 3, 4.0 / 7)
    }

    func testQuotePairingLargestOverlapDecidesTheSpeaker() throws {
        // gold [0,20) said by A. Pred [0,3) says A (overlap 3), pred [2,20) says B (overlap 18):
        // the larger overlap pairs, so the speaker is wrong and the small one is a false alarm.
        let gold = try file([doc("d", [], [EvalQuote(kind: "direct", span: Span(0, 20), speaker: "A")])])
        let pred = try file([doc("d", [], [EvalQuote(kind: "direct", span: Span(0, 3), speaker: "A"),
                                           EvalQuote(kind: "direct", span: Span(2, 20), speaker: "B")])])
        let q = Evaluator().evaluate(gold: gold, pred: pred).quotes
        XCTAssertEqual(q.speakerPairs, 1)
        XCTAssertEqual(q.speakerCorrect, 0)
        assertPRF(q.overlap, tp: 1, gold: 1, pred: 2, 0.5, 1, 2.0 / 3)
        assertPRF(q.endToEnd, tp: 0, gold: 1, pred: 2, 0, 0, 0)
        // A gold null speaker is not matched by a named one, nor a named one by null.
        XCTAssertFalse(Evaluator.speakerMatches(gold: EvalQuote(kind: "direct", span: Span(0, 1)),
                                                pred: EvalQuote(kind: "direct", span: Span(0, 1), speaker: "A")))
        XCTAssertFalse(Evaluator.speakerMatches(gold: EvalQuote(kind: "direct", span: Span(0, 1), speaker: "A"),
                                                pred: EvalQuote(kind: "direct", span: Span(0, 1))))
    }

    func testMissingAndExtraDocuments() throws {
        // d2 is missing from PRED: its 2 PERSONs are misses; d3 is not in GOLD: not scored.
        let gold = try file([doc("d1", [ent("PERSON", 0, 2)]), doc("d2", [ent("PERSON", 0, 2), ent("PERSON", 4, 6)])])
        let pred = try file([doc("d1", [ent("PERSON", 0, 2)]), doc("d3", [ent("PERSON", 0, 2), ent("PERSON", 8, 9)])])
        let r = Evaluator().evaluate(gold: gold, pred: pred)
        XCTAssertEqual(r.missing, ["d2"])
        XCTAssertEqual(r.extra, ["d3"])
        XCTAssertEqual(r.scoredDocuments, 1)
        // tp 1, gold 3, pred 1: P 1, R 1/3, F .5
        assertPRF(try XCTUnwrap(r.entity("PERSON")).exact, tp: 1, gold: 3, pred: 1, 1, 1.0 / 3, 0.5)
    }

    func testTypeRestrictionAndByRule() throws {
        let gold = try file([doc("d", [ent("PERSON", 0, 2), ent("ORG", 3, 6), ent("TITLE", 7, 9)])])
        let pred = try file([doc("d", [ent("PERSON", 0, 2, rule: "surname"), ent("PERSON", 10, 12, rule: "surname"),
                                       ent("ORG", 3, 6, rule: "suffix"), ent("TITLE", 20, 22, rule: "lexicon")],
                                 [EvalQuote(kind: "direct", span: Span(30, 35), rule: "quote-then-cue")])])
        let r = Evaluator(types: ["PERSON", "ORG"], byRule: true).evaluate(gold: gold, pred: pred)
        XCTAssertEqual(r.entities.map(\.type), ["PERSON", "ORG", "micro"])
        // micro over PERSON and ORG only: tp 2, gold 2, pred 3.
        assertPRF(r.micro.exact, tp: 2, gold: 2, pred: 3, 2.0 / 3, 1, 0.8)
        let rules = r.byRule.map { "\($0.category) \($0.rule) \($0.correct)/\($0.pred)" }
        XCTAssertEqual(rules, ["PERSON surname 1/2", "ORG suffix 1/1", "QUOTE quote-then-cue 0/1"])
    }

    func testErrorsListMissesFalseAlarmsAndSpeakers() throws {
        let r = try quotesCase()
        let lines = r.errors.map { "\($0.kind.rawValue) \($0.span)" }
        XCTAssertEqual(Set(lines), ["SPEAKER [32,40)", "FALSE [50,55)"])
        let speaker = try XCTUnwrap(r.errors.first { $0.kind == .speaker })
        // ±10 code points of context, the span marked.
        XCTAssertEqual(speaker.context, "wxyzABCDEF⟦GHIJKLMN⟧OPQRSTUVWX")
        XCTAssertTrue(speaker.note.contains("张三") && speaker.note.contains("李四"))
    }

    func testErrorsNoteTypeConfusion() throws {
        let gold = try file([doc("d", [ent("ORG", 0, 4)])])
        let pred = try file([doc("d", [ent("TITLE", 2, 4)])])
        let r = Evaluator(collectErrors: true).evaluate(gold: gold, pred: pred)
        XCTAssertEqual(r.errors.map { "\($0.kind.rawValue) \($0.category) \($0.note)" },
                       ["MISS ORG predicted as TITLE [2,4) cd", "FALSE TITLE gold has ORG [0,4) abcd"])
    }

    func testParseChecksSpansAndNamesTheLine() throws {
        let good = #"{"id":"a","text":"王皓说","entities":[{"id":"T1","type":"PERSON","start":0,"end":2,"text":"王皓"}],"quotes":[]}"#
        let f = try EvalFile.parse(good + "\n\n", name: "g.jsonl")
        XCTAssertEqual(f.documents.count, 1)
        XCTAssertEqual(f.documents[0].entities, [EvalEntity(type: "PERSON", span: Span(0, 2))])

        let wrongText = #"{"id":"b","text":"王皓说","entities":[{"type":"PERSON","start":1,"end":3,"text":"王皓"}]}"#
        XCTAssertThrowsError(try EvalFile.parse(good + "\n" + wrongText + "\n", name: "g.jsonl")) { error in
            let e = error as? EvalInputError
            XCTAssertEqual(e?.line, 2)
            XCTAssertTrue(e?.description.hasPrefix("g.jsonl:2:") ?? false, "\(error)")
        }
        XCTAssertThrowsError(try EvalFile.parse(good + "\nnot json\n", name: "g.jsonl")) { error in
            XCTAssertEqual((error as? EvalInputError)?.line, 2)
        }
        XCTAssertThrowsError(try EvalFile.parse(good + "\n" + good + "\n", name: "g.jsonl")) { error in
            XCTAssertTrue("\(error)".contains("duplicate id"))
        }
        let badType = #"{"id":"c","text":"王皓说","entities":[{"type":"LOC","start":0,"end":2}]}"#
        XCTAssertThrowsError(try EvalFile.parse(badType, name: "g.jsonl"))
        let past = #"{"id":"c","text":"王皓说","entities":[{"type":"PERSON","start":0,"end":9}]}"#
        XCTAssertThrowsError(try EvalFile.parse(past, name: "g.jsonl"))

        // A PRED line without text is checked against the gold text of its id.
        let noText = #"{"id":"a","entities":[{"type":"PERSON","start":1,"end":3,"text":"王皓"}]}"#
        XCTAssertThrowsError(try EvalFile.parse(noText, name: "p.jsonl", textsFrom: f))
        let noTextOK = #"{"id":"a","entities":[{"type":"PERSON","start":0,"end":2,"text":"王皓"}]}"#
        XCTAssertEqual(try EvalFile.parse(noTextOK, name: "p.jsonl", textsFrom: f).documents[0].entities.count, 1)
        // A PRED text that differs from the gold text is refused.
        let otherText = #"{"id":"a","text":"王皓讲","entities":[]}"#
        XCTAssertThrowsError(try EvalFile.parse(otherText, name: "p.jsonl", textsFrom: f))
        // Offsets are code points: a non-BMP character counts once.
        let astral = #"{"id":"e","text":"𠀀王皓","entities":[{"type":"PERSON","start":1,"end":3,"text":"王皓"}]}"#
        XCTAssertEqual(try EvalFile.parse(astral, name: "g.jsonl").documents[0].entities[0].span, Span(1, 3))
        // An error line scores as a document without annotations.
        let err = #"{"id":"a","error":{"code":"decode","message":"bad"}}"#
        let pred = try EvalFile.parse(err, name: "p.jsonl", textsFrom: f)
        let r = Evaluator().evaluate(gold: f, pred: pred)
        XCTAssertEqual(r.failed, ["a"])
        XCTAssertEqual(r.micro.exact.gold, 1)
        XCTAssertEqual(r.micro.exact.tp, 0)
    }

    func testJSONReportCarriesTheNumbers() throws {
        let json = EvalReport.json(try quotesCase())
        let v = try JSONParser.parse(json)
        XCTAssertEqual(v["quotes"]?["overlap"]?["tp"]?.int, 3)
        XCTAssertEqual(v["quotes"]?["speaker"]?["correct"]?.int, 2)
        XCTAssertEqual(v["quotes"]?["ignored"]?.int, 1)
        XCTAssertEqual(try XCTUnwrap(v["quotes"]?["end_to_end"]?["f1"]?.double), 4.0 / 7, accuracy: 1e-9)
        XCTAssertEqual(v["entities"]?["micro"]?["gold"]?.int, 0)
        let table = EvalReport.table(try quotesCase())
        XCTAssertTrue(table.contains("overlap span        3  75.00 100.00  85.71"), table)
    }
}

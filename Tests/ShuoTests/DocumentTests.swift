import XCTest
@testable import Shuo

final class DocumentTests: XCTestCase {
    func testOffsetsAreCodePointsWithNonBMPAndCRLF() throws {
        let doc = Document(id: "x", text: "𠀀王皓\r\n说：“好😀”")
        XCTAssertEqual(doc.count, 11)
        XCTAssertEqual(doc.text(Span(1, 3)), "王皓")
        XCTAssertEqual(doc.text(Span(8, 10)), "好😀")
        XCTAssertEqual(ParagraphStage.paragraphs(of: doc.scalars), [Span(0, 3), Span(5, 11)])
    }

    func testWordTokensMapBackToCodePointsPastSupplementaryCharacters() throws {
        var doc = Document(id: "x", text: "😀😀王理宗表示，𠀀“1+1>2”\r\n好")
        try WordStage().process(&doc)
        XCTAssertFalse(doc.tokens.isEmpty)
        // Tokens tile the text exactly, in code points.
        var next = 0
        for t in doc.tokens {
            XCTAssertEqual(Int(t.start), next)
            next = Int(t.end)
        }
        XCTAssertEqual(next, doc.count)
        let texts = doc.tokens.map { doc.text($0.span) }
        XCTAssertTrue(texts.contains("表示"), "\(texts)")
        XCTAssertEqual(doc.tokens.first { doc.text($0.span) == "表示" }?.kind, .ideographic)
        XCTAssertEqual(doc.tokens.first { doc.text($0.span) == "，" }?.kind, .punctuation)
        XCTAssertEqual(doc.tokens.first { doc.text($0.span) == "\r\n" }?.kind, .space)
    }

    func testSentencesOnMixedFullWidthAndASCIIPunctuation() throws {
        // The seed mixes ASCII commas and colons into Chinese text.
        var doc = Document(id: "x", text: "近几年,内蒙古积极融入。他说:“好!”\n第二段？是的")
        try SentenceStage().process(&doc)
        let texts = doc.sentences.map { doc.text($0) }
        XCTAssertEqual(texts.first, "近几年,内蒙古积极融入。")
        XCTAssertTrue(texts.contains("第二段？"), "\(texts)")
        XCTAssertEqual(texts.last, "是的")
        for s in doc.sentences { XCTAssertTrue(s.end <= doc.count) }
    }

    func testLookupHelpers() {
        var doc = Document(id: "x", text: "甲乙。丙丁。")
        doc.sentences = [Span(0, 3), Span(3, 6)]
        XCTAssertEqual(doc.sentenceIndex(containing: 4), 1)
        XCTAssertNil(doc.sentenceIndex(containing: 6))
        XCTAssertTrue(doc.matches("乙。", at: 1))
        XCTAssertTrue(doc.matches("丙丁", endingAt: 5))
        XCTAssertFalse(doc.matches("丁。丙", at: 4))
        XCTAssertNil(doc.scalar(at: -1))
    }
}

import XCTest
@testable import Shuo

/// Quote mark pairing over raw code points (QuoteScanStage).
final class QuoteScanTests: XCTestCase {
    func scan(_ text: String) -> Document {
        var doc = Document(id: "t", text: text)
        ParagraphStage().process(&doc)
        QuoteScanStage().process(&doc)
        return doc
    }

    /// (content, depth, unclosed) for every quote, in order.
    func quotes(_ text: String) -> [String] {
        let doc = scan(text)
        return doc.quotes.map { q in
            doc.text(q.span) + (q.depth > 0 ? "@\(q.depth)" : "") + (q.unclosed ? "!" : "")
        }
    }

    func testEveryMarkKind() {
        XCTAssertEqual(quotes("他说：“好。”又说「行」，『对』，﹃是﹄。"), ["好。", "行", "对", "是"])
        XCTAssertEqual(quotes("He said \"yes\" twice."), ["yes"])
    }

    func testSpansExcludeMarks() {
        let doc = scan("王理宗表示：“如何推动算力网？”")
        XCTAssertEqual(doc.quotes.count, 1)
        let q = doc.quotes[0]
        XCTAssertEqual(doc.text(q.open!), "“")
        XCTAssertEqual(doc.text(q.close!), "”")
        XCTAssertEqual(q.span, Span(q.open!.end, q.close!.start))
    }

    func testNestedOneLevel() {
        XCTAssertEqual(quotes("“区域协调发展不是简单的‘齐步走’，而是要发挥优势。”"),
                       ["区域协调发展不是简单的‘齐步走’，而是要发挥优势。", "齐步走@1"])
        XCTAssertEqual(quotes("“产业‘相拥’ 优势互补新动能”"), ["产业‘相拥’ 优势互补新动能", "相拥@1"])
        // ‘改革’开放: ’ between two ideographs still closes.
        XCTAssertEqual(quotes("他说：“要坚持‘改革’开放。”"), ["要坚持‘改革’开放。", "改革@1"])
    }

    func testTitleMarksAreNotQuotes() {
        XCTAssertEqual(quotes("签署《内蒙古-广东战略合作框架协议》。"), [])
        XCTAssertEqual(quotes("《人民日报》报道：“今天晴。”"), ["今天晴。"])
    }

    func testMultiParagraphQuotationIsOneQuote() {
        let text = "他说：“第一段话，\n“第二段话，\n“第三段话。”\n下一段。"
        let doc = scan(text)
        XCTAssertEqual(doc.quotes.count, 1)
        let q = doc.quotes[0]
        XCTAssertFalse(q.unclosed)
        XCTAssertEqual(doc.text(q.span), "第一段话，\n“第二段话，\n“第三段话。")
        XCTAssertEqual(doc.text(q.close!), "”")
    }

    func testMultiParagraphQuotationWithCRLFAndBlankLines() {
        let doc = scan("他说：“第一段\r\n\r\n“第二段。”\r\n")
        XCTAssertEqual(doc.quotes.count, 1)
        XCTAssertEqual(doc.text(doc.quotes[0].span), "第一段\r\n\r\n“第二段。")
        let unclosed = scan("他说：“没有结束\r\n下一段")
        XCTAssertEqual(unclosed.quotes.map { unclosed.text($0.span) }, ["没有结束"])
    }

    func testUnclosedQuoteEndsAtItsParagraph() {
        let doc = scan("他说：“没有结束的话\n下一段不是引语。")
        XCTAssertEqual(doc.quotes.count, 1)
        XCTAssertTrue(doc.quotes[0].unclosed)
        XCTAssertNil(doc.quotes[0].close)
        XCTAssertEqual(doc.text(doc.quotes[0].span), "没有结束的话")
    }

    func testQuoteMarkAtEndOfFile() {
        XCTAssertEqual(quotes("结尾“"), [])
        XCTAssertEqual(quotes("结尾”"), [])
        XCTAssertEqual(quotes("“"), [])
        XCTAssertEqual(quotes("他说：“还没完"), ["还没完!"])
    }

    func testStrayAndMismatchedMarksNeverCrash() {
        XCTAssertEqual(quotes("”反了“"), [])
        XCTAssertEqual(quotes("“甲」乙”"), ["甲」乙"])
        // A nested quote left open ends where its outer quote closes.
        XCTAssertEqual(quotes("“外‘内”后"), ["外‘内", "内@1!"])
        // The same opening mark again at the same level ends the earlier quote.
        XCTAssertEqual(quotes("“甲“乙”"), ["甲!", "乙"])
    }

    func testMixedAsciiAndCurlyMarks() {
        XCTAssertEqual(quotes("他说：“这是\"新\"办法。”"), ["这是\"新\"办法。", "新@1"])
        XCTAssertEqual(quotes("\"ASCII\" 与 “弯引号”"), ["ASCII", "弯引号"])
        // A stray ASCII mark inside a curly quote opens a nested quote that the outer close ends.
        XCTAssertEqual(quotes("“弯\"直”"), ["弯\"直", "直@1!"])
    }

    func testApostrophesAreNotQuotes() {
        XCTAssertEqual(quotes("It's the class of '98, don't go."), [])
        XCTAssertEqual(quotes("It’s fine, rock ’n’ roll."), [])
        XCTAssertEqual(quotes("the students' books"), [])
        XCTAssertEqual(quotes("he said 'no' then"), ["no"])
    }

    func testTenThousandUnbalancedOpeningMarksIsLinear() {
        let text = String(repeating: "“", count: 10_000) + "结束"
        let start = Date()
        let doc = scan(text)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2.0)
        XCTAssertEqual(doc.quotes.count, 1)
        XCTAssertEqual(doc.text(doc.quotes[0].span), "结束")
        XCTAssertTrue(doc.quotes[0].unclosed)

        let mixed = String(repeating: "“甲", count: 10_000)
        let doc2 = scan(mixed)
        XCTAssertEqual(doc2.quotes.count, 10_000)
        XCTAssertTrue(doc2.quotes.allSatisfy { $0.unclosed && $0.span.count == 1 })
    }

    func testOffsetsAreCodePointsWithNonBMP() {
        let doc = scan("𠀀说：“😀好”")
        XCTAssertEqual(doc.quotes.first?.span, Span(4, 6))
    }
}

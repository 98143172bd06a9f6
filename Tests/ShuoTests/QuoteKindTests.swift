import XCTest
@testable import Shuo

/// direct vs term (QuoteKindStage), on short invented sentences in the seed's styles.
final class QuoteKindTests: XCTestCase {
    static let stages: [any Stage] = {
        let context = StageContext()
        return [ParagraphStage(), try! SentenceStage(), try! QuoteScanStage(context: context),
                try! QuoteKindStage(context: context)]
    }()

    func kinds(_ text: String) -> [String] {
        var doc = Document(id: "t", text: text)
        for stage in Self.stages { stage.process(&doc) }
        return doc.quotes.map { "\(doc.text($0.span))=\($0.kind.rawValue)" }
    }

    func kind(_ text: String, _ content: String) -> QuoteKind? {
        var doc = Document(id: "t", text: text)
        for stage in Self.stages { stage.process(&doc) }
        return doc.quotes.first { doc.text($0.span) == content }?.kind
    }

    func testCueColonQuoteIsDirect() {
        XCTAssertEqual(kind("谈起合作，张利文感慨万千：“几年前，两地的合作还很少，如今已拓展到多个领域。”", "几年前，两地的合作还很少，如今已拓展到多个领域。"), .direct)
        XCTAssertEqual(kind("他说:“好的。”", "好的。"), .direct)
    }

    func testQuoteThenCueIsDirect() {
        XCTAssertEqual(kind("“如何推动算力网一体化是我非常关心的话题。”王理宗表示，成本较高。", "如何推动算力网一体化是我非常关心的话题。"), .direct)
        XCTAssertEqual(kind("“发展不是简单的‘齐步走’，而是要发挥优势。”全国政协委员、某公司专家张利文开门见山，道出了理解。",
                            "发展不是简单的‘齐步走’，而是要发挥优势。"), .direct)
    }

    func testCueCommaQuoteIsDirect() {
        XCTAssertEqual(kind("他说，“中国赢得了应有的地位”。", "中国赢得了应有的地位"), .direct)
    }

    func testScareQuotesAndCoinedPhrasesAreTerms() {
        XCTAssertEqual(kinds("在建设“两个屏障”“两个基地”“一个桥头堡”上不断展现新作为。"),
                       ["两个屏障=term", "两个基地=term", "一个桥头堡=term"])
        XCTAssertEqual(kind("展厅中，氢发动机可实现“零碳排放”；电池计划量产。", "零碳排放"), .term)
        XCTAssertEqual(kind("蒙粤携手，如何实现“1+1>2”？", "1+1>2"), .term)
        XCTAssertEqual(kind("打造区域协作“蒙粤样本”", "蒙粤样本"), .term)
        XCTAssertEqual(kind("为全国提供可复制、可推广的“蒙粤样本”。", "蒙粤样本"), .term)
        XCTAssertEqual(kind("让客商感受到“宾至如归”的温暖。", "宾至如归"), .term)
        XCTAssertEqual(kind("报告中提到的“区域协调发展”，再次成为热议话题。", "区域协调发展"), .term)
        XCTAssertEqual(kind("这种骗术可以称为“你久久发”。", "你久久发"), .term)
    }

    func testHeadlineInMarksIsTermAndSoIsItsNestedQuote() {
        XCTAssertEqual(kinds("两会 | 聚焦\n\n“产业‘相拥’ 优势互补新动能”\n\n正文从这里开始。"),
                       ["产业‘相拥’ 优势互补新动能=term", "相拥=term"])
        XCTAssertEqual(kinds("“山海同心谋发展，蒙粤携手向未来”\n正文。"), ["山海同心谋发展，蒙粤携手向未来=term"])
    }

    func testNestedTermInsideDirectQuote() {
        XCTAssertEqual(kinds("“区域协调发展不是简单的‘齐步走’，而是要发挥两地比较优势。”张利文开门见山。"),
                       ["区域协调发展不是简单的‘齐步走’，而是要发挥两地比较优势。=direct", "齐步走=term"])
    }

    func testNestedQuoteAfterColonIsDirect() {
        XCTAssertEqual(kind("她说：“群众常对我说：‘看到你，就想起了他。’我很感动。”", "看到你，就想起了他。"), .direct)
    }

    func testPullQuoteParagraphIsDirect() {
        XCTAssertEqual(kind("全国人大代表、市长贺海东\n\n“近几年，内蒙古积极融入国家战略，不断拓展合作...”\n", "近几年，内蒙古积极融入国家战略，不断拓展合作..."), .direct)
    }

    func testQuotedStatementWithoutSpeakerIsDirect() {
        XCTAssertEqual(kind("关键技术研究“完成1000株乳酸菌基因组测序，为高效利用奠定基础。”", "完成1000株乳酸菌基因组测序，为高效利用奠定基础。"), .direct)
    }

    func testFirstPersonClauseIsDirect() {
        XCTAssertEqual(kind("他强调，不管遇到什么事情，“我们必须前进”。", "我们必须前进"), .direct)
    }

    func testClauseFragmentInReportedSpeechIsDirect() {
        XCTAssertEqual(kind("他强调，要“把合作落到实处”。", "把合作落到实处"), .direct)
        // A name or slogan in the same position is a term.
        XCTAssertEqual(kind("他强调，要坚持“一国两制”方针。", "一国两制"), .term)
        XCTAssertEqual(kind("他说，香港进入了“一国两制”、“港人治港”的新纪元。", "一国两制"), .term)
    }

    func testSloganListsAreTerms() {
        XCTAssertEqual(kind("对全村进行“净化、绿化、美化”，改善环境。", "净化、绿化、美化"), .term)
    }

    func testAVerbLaterInTheClauseDoesNotMakeAPhraseDirect() {
        XCTAssertEqual(kind("“一国两制”构想提出，得到拥护。", "一国两制"), .term)
        XCTAssertEqual(kind("他指出，要实施“科教兴国，人才强省”战略。", "科教兴国，人才强省"), .term)
        XCTAssertEqual(kind("“我们必须前进”，他强调。", "我们必须前进"), .direct)
    }

    func testEveryQuoteGetsARule() {
        var doc = Document(id: "t", text: "他说：“好。”又有“术语”。")
        for stage in Self.stages { stage.process(&doc) }
        XCTAssertTrue(doc.quotes.allSatisfy { $0.rule != nil && $0.confidence != nil })
    }
}

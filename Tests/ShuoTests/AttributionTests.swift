import XCTest
@testable import Shuo

/// Speaker attribution (AttributionStage). The first group hands the stage its PERSON/TITLE/ORG
/// entities (so it is tested apart from the entity stages); `SeedQuote…` tests run the whole
/// pipeline on the seed and depend on the entity stages too.
final class AttributionTests: XCTestCase {
    static let context = StageContext()
    static let quoteStages: [any Stage] = [ParagraphStage(), try! SentenceStage(), try! QuoteScanStage(context: context),
                                           try! QuoteKindStage(context: context)]
    static let speakers = try! AttributionStage(context: context)

    /// Annotates `text` with the given entities (each `[TYPE]text` marked by its first
    /// occurrence after the previous one) and returns the direct quotes' (content, speaker, cue, rule).
    func attribute(_ text: String, _ marks: [(EntityType, String)] = [], people: [String: [String]] = [:])
        -> (Document, [(content: String, speaker: String?, cue: String?, rule: String)]) {
        var doc = Document(id: "t", text: text)
        var from = 0
        let scalars = Array(text.unicodeScalars)
        for (type, surface) in marks {
            let needle = Array(surface.unicodeScalars)
            var i = from
            while i + needle.count <= scalars.count, Array(scalars[i..<(i + needle.count)]) != needle { i += 1 }
            precondition(i + needle.count <= scalars.count, "entity \(surface) not found")
            doc.entities.append(Entity(type, Span(i, i + needle.count)))
            from = i + needle.count
        }
        for stage in Self.quoteStages { stage.process(&doc) }
        Self.speakers.process(&doc)
        let out = doc.quotes.filter { $0.kind == .direct }.map {
            (doc.text($0.span), $0.speaker?.name, $0.cue.map(doc.text), $0.rule ?? "")
        }
        return (doc, out)
    }

    func testSpeakerCueColon() {
        let (_, q) = attribute("谈起蒙粤合作的深化，张利文感慨万千：“几年前，两地的合作还很少，如今已拓展到多个领域。”",
                               [(.person, "张利文")])
        XCTAssertEqual(q.count, 1)
        XCTAssertEqual(q.first?.speaker, "张利文")
        XCTAssertEqual(q.first?.cue, "感慨万千")
        XCTAssertTrue(q.first?.rule.hasSuffix("speaker-cue-colon") ?? false)
    }

    func testQuoteThenCueWithTitleChain() {
        let (doc, q) = attribute("“区域协调发展不是简单的‘齐步走’，而是要发挥两地比较优势。”全国政协委员、某公司专家张利文开门见山，道出了理解。",
                                 [(.title, "全国政协委员"), (.org, "某公司"), (.title, "专家"), (.person, "张利文")])
        XCTAssertEqual(q.count, 1)
        XCTAssertEqual(q.first?.speaker, "张利文")
        XCTAssertEqual(q.first?.cue, "开门见山")
        XCTAssertTrue(q.first?.rule.hasSuffix("quote-then-cue") ?? false)
        let direct = doc.quotes.first { $0.kind == .direct }
        XCTAssertEqual(direct?.speaker?.mention.map(doc.text), "张利文")
    }

    func testQuoteThenNameAndCue() {
        let (_, q) = attribute("“如何推动算力网一体化是我非常关心的话题。”王理宗表示，成本较高。", [(.person, "王理宗")])
        XCTAssertEqual(q.first?.speaker, "王理宗")
        XCTAssertEqual(q.first?.cue, "表示")
    }

    func testCueCommaQuoteWithPronoun() {
        let (_, q) = attribute("南非外长恩佐在讲话中表示祝贺。他说，“这标志着我们双边关系中的历史性时刻。”",
                               [(.org, "南非"), (.title, "外长"), (.person, "恩佐")])
        XCTAssertEqual(q.first?.speaker, "恩佐")
        XCTAssertEqual(q.first?.cue, "说")
    }

    func testSplitQuoteAroundCue() {
        let (_, q) = attribute("“我们有信心，”钱其琛说，“两国关系一定会更好。”", [(.person, "钱其琛")])
        XCTAssertEqual(q.map(\.speaker), ["钱其琛", "钱其琛"])
    }

    func testPronounSkipsNamesThatAreNotSubjects() {
        let (_, q) = attribute("眉清目秀的孔玲坐在一旁。记者问她，她说：“我不愿站在爸爸的肩膀上生活。”",
                               [(.person, "孔玲")])
        XCTAssertEqual(q.first?.speaker, "孔玲")
        let (_, q2) = attribute("总理马哈蒂尔强调，要做好准备。他说：“我们不能屈服。”在工程师李升的家中。",
                                [(.title, "总理"), (.person, "马哈蒂尔"), (.title, "工程师"), (.person, "李升")])
        XCTAssertEqual(q2.first?.speaker, "马哈蒂尔")
    }

    func testPluralPronounGivesNoSpeaker() {
        let (_, q) = attribute("学生们举起右手。他们高声倡议：“争做跨世纪的栋梁之材。”")
        XCTAssertEqual(q.count, 1)
        XCTAssertNil(q.first?.speaker)
    }

    func testCaptionThenPullQuote() {
        let text = "全国人大代表、呼和浩特市市委副书记、市长贺海东\n\n“近几年，内蒙古积极融入国家区域协调发展战略，不断拓展合作...”\n\n下一段。"
        let (doc, q) = attribute(text, [(.title, "全国人大代表"), (.org, "呼和浩特市市委"), (.title, "副书记"),
                                        (.title, "市长"), (.person, "贺海东")])
        XCTAssertEqual(q.count, 1)
        XCTAssertEqual(q.first?.speaker, "贺海东")
        XCTAssertNil(q.first?.cue)
        XCTAssertEqual(q.first?.rule.hasSuffix("caption"), true)
        XCTAssertEqual(doc.quotes.first?.speaker?.mention.map(doc.text), "贺海东")
    }

    func testCaptionFollowedByOrdinaryParagraphGivesNoQuote() {
        let (_, q) = attribute("全国政协委员张利文\n\n对于如何深化合作，张利文也提出了自己的思考。", [(.title, "全国政协委员"), (.person, "张利文"), (.person, "张利文")])
        XCTAssertTrue(q.isEmpty)
    }

    func testQuoteWithoutNamedSpeakerIsNull() {
        let (_, q) = attribute("市场化项目76万千瓦。\n\n特色发酵乳制造关键技术研究“完成1000株乳酸菌基因组测序，为高效利用奠定基础。”\n")
        XCTAssertEqual(q.count, 1)
        XCTAssertNil(q.first?.speaker)
        XCTAssertNil(q.first?.cue)
    }

    func testOrgSpeakerWhenNoPersonIsNamed() {
        let (doc, q) = attribute("外交部发言人表示：“中方对此表示欢迎。”", [(.org, "外交部")])
        XCTAssertEqual(q.first?.speaker, "外交部")
        XCTAssertEqual(doc.quotes.first?.speaker?.mention.map(doc.text), "外交部")
    }

    func testOrgOpeningTheSentenceSpeaksThroughALaterCue() {
        let (_, q) = attribute("香港特区政府今天发表报告，认为香港经济“已经走出了低谷，前景看好”。", [(.org, "香港特区政府")])
        XCTAssertEqual(q.first?.speaker, "香港特区政府")
    }

    func testAdjacentQuoteContinuesTheSpeaker() {
        let (_, q) = attribute("钱其琛还指出：“南非企业也已将目光瞄准了中国市场。”“我们有理由相信，两国一定会成为伙伴。”",
                               [(.person, "钱其琛")])
        XCTAssertEqual(q.map(\.speaker), ["钱其琛", "钱其琛"])
    }

    func testContinuationParagraph() {
        let (_, q) = attribute("钱其琛说：“第一段讲话。”\n“第二段讲话，也是他说的。”\n", [(.person, "钱其琛")])
        XCTAssertEqual(q.map(\.speaker), ["钱其琛", "钱其琛"])
    }

    func testFullestNameIsUsed() {
        let (_, q) = attribute("南非外长阿尔弗雷德·恩佐到达。恩佐说：“很高兴。”", [(.title, "外长"), (.person, "阿尔弗雷德·恩佐"), (.person, "恩佐")])
        XCTAssertEqual(q.first?.speaker, "阿尔弗雷德·恩佐")
    }

    func testWithoutEntitiesANameLikeSpanStandsIn() {
        let (doc, q) = attribute("王理宗表示：“这是我非常关心的话题。”")
        XCTAssertEqual(q.first?.speaker, "王理宗")
        XCTAssertNil(doc.quotes.first?.speaker?.mention)
    }

    func testColonAtEndOfPreviousParagraph() {
        let (_, q) = attribute("他转过身，盯着她，问：\n“我还漂亮吗？”\n晓霞不笑了。", [(.person, "晓霞")])
        XCTAssertEqual(q.first?.rule.hasSuffix("speaker-cue-colon-across-paragraph-pronoun"), true)
        let (_, q2) = attribute("高朗举起酒杯，对坐在椅子上的李向前说：\n“你心事重重？”\n", [(.person, "高朗"), (.person, "李向前")])
        XCTAssertEqual(q2.first?.speaker, "高朗")
    }

    func testCueInTheNextParagraph() {
        let (_, q) = attribute("“采五的。”\n少平说。\n“那一块去吃饭！”\n宣传部长客气地问他。", [(.person, "少平")])
        XCTAssertEqual(q.first?.speaker, "少平")
        XCTAssertEqual(q.first?.cue, "说")
        XCTAssertEqual(q.first?.rule.hasSuffix("quote-then-cue-next-paragraph"), true)
        // A next paragraph that opens a quotation of its own does not speak for this one.
        let (_, q2) = attribute("有记者问：“明年的重点是什么？”\n唐国强回答：“我们将坚定不移。”", [(.person, "唐国强")])
        XCTAssertEqual(q2.map(\.speaker), [nil, "唐国强"])
    }

    func testAddresseeIsNotTheSpeaker() {
        let (_, q) = attribute("白明川又对徐治功说：“咱们不能光一个‘狠’字。”", [(.person, "白明川"), (.person, "徐治功")])
        XCTAssertEqual(q.first?.speaker, "白明川")
    }

    func testPossessivePronounBeforeName() {
        let (_, q) = attribute("他们村的润生突然来到他眼前，说：“少平，我姐中午来找我。”", [(.person, "润生")])
        XCTAssertEqual(q.first?.speaker, "润生")
    }

    func testGivenNameAloneIsTheFullName() {
        let (_, q) = attribute("孙少平走进来。\n“采五的。”\n少平说。", [(.person, "孙少平")])
        XCTAssertEqual(q.first?.speaker, "孙少平")
    }

    func testTermQuotesHaveNoSpeaker() {
        let (doc, _) = attribute("张利文说，要建设“两个屏障”。", [(.person, "张利文")])
        XCTAssertTrue(doc.quotes.allSatisfy { $0.kind != .term || $0.speaker == nil })
    }
}

/// The seed article through the whole pipeline: its five direct quotes and their speakers.
/// Speaker names rest on the entity stages' PERSON entities (fallbacks cover some of it).
final class SeedQuoteAttributionTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func annotatedSeed() throws -> Document {
        let url = Self.root.appendingPathComponent("Corpora/seed/000_e77ddd7cd213d071.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw XCTSkip("Corpora/seed/000_e77ddd7cd213d071.txt is absent; skipping")
        }
        return try Pipeline(stageNames: nil).annotate(Document(id: "seed", text: text))
    }

    func direct(_ doc: Document) -> [(head: String, speaker: String?, cue: String?)] {
        doc.quotes.filter { $0.kind == .direct }.map {
            (String(doc.text($0.span).prefix(6)), $0.speaker?.name, $0.cue.map(doc.text))
        }
    }

    func testFiveDirectQuotesExactly() throws {
        let doc = try annotatedSeed()
        XCTAssertEqual(direct(doc).map(\.head), ["近几年,内蒙", "完成1000", "区域协调发展", "几年前,蒙粤", "如何推动粤港"])
    }

    func testTermQuotesAreNotDirect() throws {
        let doc = try annotatedSeed()
        let terms = ["两个屏障", "两个基地", "一个桥头堡", "零碳排放", "1+1>2", "蒙粤样本", "齐步走", "相拥",
                     "产业‘相拥’ 优势互补新动能", "宾至如归", "区域协调发展", "大湾区智慧", "深圳专业服务业机构服务内蒙古企业出海联盟"]
        for q in doc.quotes where terms.contains(doc.text(q.span)) {
            XCTAssertEqual(q.kind, .term, doc.text(q.span))
        }
        XCTAssertEqual(doc.quotes.filter { terms.contains(doc.text($0.span)) }.count, 17)
    }

    func testPullQuoteIsHeHaidongs() throws {
        let d = direct(try annotatedSeed())
        XCTAssertEqual(d.first?.speaker, "贺海东")
        XCTAssertNil(d.first?.cue)
    }

    func testResearchResultHasNoSpeaker() throws {
        let d = direct(try annotatedSeed())
        guard d.count >= 2 else { return XCTFail("expected five direct quotes") }
        XCTAssertNil(d[1].speaker)
        XCTAssertNil(d[1].cue)
    }

    func testZhangLiwenTwice() throws {
        let d = direct(try annotatedSeed())
        guard d.count >= 4 else { return XCTFail("expected five direct quotes") }
        XCTAssertEqual(d[2].speaker, "张利文")
        XCTAssertEqual(d[2].cue, "开门见山")
        XCTAssertEqual(d[3].speaker, "张利文")
        XCTAssertEqual(d[3].cue, "感慨万千")
    }

    func testWangLizong() throws {
        let d = direct(try annotatedSeed())
        guard d.count >= 5 else { return XCTFail("expected five direct quotes") }
        XCTAssertEqual(d[4].speaker, "王理宗")
        XCTAssertEqual(d[4].cue, "表示")
    }

    func testSpeakerMentionsAreEntities() throws {
        let doc = try annotatedSeed()
        for q in doc.quotes where q.kind == .direct && q.speaker != nil {
            guard let m = q.speaker?.mention else { continue }
            XCTAssertEqual(doc.entity(at: m)?.type, .person, doc.text(m))
        }
    }
}

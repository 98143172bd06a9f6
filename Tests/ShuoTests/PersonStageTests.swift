import XCTest
@testable import Shuo

/// PersonStage, rule by rule, on the hard cases of annotation-spec §3. Runs the stages the
/// person stage requires (words, titles, orgs) so that names after titles are seen as such.
final class PersonStageTests: XCTestCase {
    static let pipeline = try! Pipeline(stageNames: ["persons"])

    func persons(_ text: String, pipeline: Pipeline = PersonStageTests.pipeline) -> [String] {
        let doc = pipeline.annotate(Document(id: "t", text: text))
        return doc.entities.filter { $0.type == .person }.map { doc.text($0.span) }
    }

    func rules(_ text: String) -> [String: String] {
        let doc = Self.pipeline.annotate(Document(id: "t", text: text))
        var out: [String: String] = [:]
        for e in doc.entities where e.type == .person { out[doc.text(e.span)] = e.rule ?? "" }
        return out
    }

    func testSurnameAndGivenNameAfterTitle() {
        let found = persons("全国政协委员、广东高科技产业商会会长王理宗表示，两地优势互补。")
        XCTAssertEqual(found, ["王理宗"])
    }

    func testSurnameNameBeforeSpeechVerb() {
        XCTAssertEqual(persons("张利文感慨万千，道出了她的理解。"), ["张利文"])
        XCTAssertEqual(persons("经查，黄登仁收受贿赂２０多万元。"), ["黄登仁"])
    }

    func testBylineNamesWithoutHanSurname() {
        XCTAssertEqual(persons("文/图 本报记者 牡丹 王鹏\n正文开始。"), ["牡丹", "王鹏"])
        XCTAssertEqual(persons("文/图 本报记者 王皓 孟和朝鲁\n"), ["王皓", "孟和朝鲁"])
        XCTAssertEqual(rules("□本报记者 韩雪茹 张慧玲 李永桃\n")["张慧玲"], "name-byline")
    }

    func testBylineStopsAtReportWords() {
        XCTAssertEqual(persons("本报记者 王皓 孟和朝鲁 报道\n"), ["王皓", "孟和朝鲁"])
        XCTAssertEqual(persons("本报记者 王皓 北京报道\n"), ["王皓"])
    }

    func testReporterNamesBeforeBaodao() {
        XCTAssertEqual(persons("本报北京5月12日讯记者薛原报道：中国国家女排今天"), ["薛原"])
        XCTAssertEqual(persons("新华社北京５月２５日电记者陈昭、王芳报道："), ["陈昭", "王芳"])
    }

    func testBylineNameSpacedOutIsOneSpanWithTheSpace() {
        XCTAssertEqual(persons("本报记者 黄 超\n今天上午"), ["黄 超"])
        XCTAssertEqual(persons("本报记者\u{00A0}黄\u{00A0}超\n"), ["黄\u{00A0}超"])
    }

    func testTransliteratedNameWithDot() {
        XCTAssertEqual(persons("拳王穆罕默德·阿里说，他很高兴。"), ["穆罕默德·阿里"])
    }

    func testTransliteratedRunAfterTitle() {
        XCTAssertEqual(persons("法国总统希拉克和总理若斯潘联名提出建议。").first, "希拉克")
    }

    func testNamesInAList() {
        XCTAssertEqual(persons("会议由王建国、李红梅和刘志强主持。"), ["王建国", "李红梅", "刘志强"])
    }

    func testListItemsBetweenNamesAreNames() {
        // 乔石 is one ICU word; 尉健行 has no listed single surname: both sit between names.
        let found = persons("江泽民、李鹏、乔石、朱镕基、李瑞环、刘华清、尉健行、李岚清与首都各界人士一起观看演出。")
        XCTAssertEqual(found, ["江泽民", "李鹏", "乔石", "朱镕基", "李瑞环", "刘华清", "尉健行", "李岚清"])
    }

    func testPrepositionSurnameInsideClauseIsNotAName() {
        XCTAssertEqual(persons("这有助于深化对历史的研究。"), [])
        XCTAssertEqual(persons("他１９４４年毕业于北大。"), [])
    }

    func testPhotoCreditNameWithoutShe() {
        XCTAssertEqual(persons("正在收粮。（新华社记者蒋林摄）"), ["蒋林"])
    }

    func testForeignNameAfterTitleFoundAgainInDocument() {
        let found = persons("南非外交部长恩佐３０日在这里说，两国关系很好。\n恩佐说，南非愿意合作。")
        XCTAssertEqual(found, ["恩佐", "恩佐"])
    }

    func testOrgThatSwallowedANameIsDropped() {
        let doc = Self.pipeline.annotate(Document(id: "t", text: "经查，黄登仁在任县委书记期间收受贿赂。"))
        XCTAssertTrue(doc.entities.contains { $0.type == .person && doc.text($0.span) == "黄登仁" }, "\(doc.entities)")
        XCTAssertFalse(doc.entities.contains { $0.type == .org && doc.text($0.span).hasPrefix("黄登仁") })
    }

    func testNothingAfterANumber() {
        XCTAssertEqual(persons("已建成新能源规模1272万千瓦，其中国家基地项目450万千瓦。"), [])
    }

    func testSurnamePlusHonorificIsNotAName() {
        XCTAssertEqual(persons("张先生说，这里很好。"), [])
        XCTAssertEqual(persons("王理宗先生说，这里很好。"), ["王理宗"])
        XCTAssertEqual(persons("李主任表示同意。"), [])
    }

    func testXiaoLaoWithSurname() {
        XCTAssertEqual(persons("男孩小陆说，他想上学。"), ["小陆"])
        XCTAssertEqual(persons("老王的家在村东头。"), ["老王"])
        XCTAssertEqual(persons("这位老师说得好。"), [])
    }

    func testNotNames() {
        XCTAssertEqual(persons("他很高兴，周末去公园。"), [])
    }

    func testDocumentConsistency() {
        let doc = Self.pipeline.annotate(Document(id: "t", text: "副市长贺海东表示欢迎。会后，贺海东走访企业。海东说，很好。"))
        let found = doc.entities.filter { $0.type == .person }.map { doc.text($0.span) }
        XCTAssertEqual(found.filter { $0 == "贺海东" }.count, 2, "\(found)")
        XCTAssertTrue(found.contains("海东"), "\(found)")
    }

    func testNoOverlapWithTitlesAndOrgs() {
        let doc = Self.pipeline.annotate(Document(id: "t", text: "全国人大代表、呼和浩特市市委副书记、市长贺海东说，合作前景广阔。"))
        let ents = doc.entities.sorted { $0.span < $1.span }
        for (a, b) in zip(ents, ents.dropFirst()) { XCTAssertFalse(a.span.overlaps(b.span), "\(a) \(b)") }
        XCTAssertEqual(ents.filter { $0.type == .person }.map { doc.text($0.span) }, ["贺海东"])
    }

    func testUserLexiconAddsAndForbids() throws {
        let user = try UserLexicon(contents: "阿凡提\tPERSON\n王皓\t!\n", source: "test")
        let p = try Pipeline(stageNames: ["persons"], context: StageContext(lexicons: Lexicons(user: user)))
        XCTAssertEqual(persons("本报记者 王皓\n阿凡提骑着毛驴走来。", pipeline: p), ["阿凡提"])
        // A user PERSON entry wins over a title or organization found there.
        let q = try Pipeline(stageNames: ["persons"], context: StageContext(lexicons: Lexicons(user: try UserLexicon(contents: "华润\tPERSON\n", source: "test"))))
        let doc = q.annotate(Document(id: "t", text: "华润(集团)有限公司专家张利文说，好。"))
        XCTAssertEqual(doc.entities.first.map { doc.text($0.span) }, "华润")
        XCTAssertEqual(doc.entities.first?.type, .person)
    }

    // MARK: - Recall rules (standard transliteration syllables, glued prepositions, words after a name)

    func testStandardTransliterationSyllablesExtendARun() {
        // 延 is not in the mined transliteration-chars.txt, only in transliteration-standard.txt.
        let model = NameModel(lexicons: Lexicons())
        XCTAssertGreaterThanOrEqual(model.translitCount("延"), NameModel.standardTranslitCount)
        XCTAssertEqual(persons("会谈结束后，基里延科表示，双方达成了共识。"), ["基里延科"])
    }

    func testLiInsideATransliteratedRun() {
        // 里 is a function character (这里) but a syllable inside 基里延科.
        XCTAssertEqual(rules("会谈结束后，基里延科表示，双方达成了共识。")["基里延科"], "name-transliterated")
        XCTAssertEqual(persons("我们这里表示欢迎。"), [])
    }

    func testPrepositionGluedToSurnameIsSplit() {
        // ICU reads 向江 and 和江 as words; the name starts at 江.
        XCTAssertEqual(persons("代表们向江泽民主席表示感谢。"), ["江泽民"])
        XCTAssertEqual(persons("会议由和江泽民同志一起工作过的老同志主持。"), ["江泽民"])
    }

    func testSingleWordAfterNameIsNotALooseCharacter() {
        // 等 after a name of single-character tokens is the next word, not a cut-off character.
        XCTAssertEqual(persons("张少农等领导出席了会议。"), ["张少农"])
    }

    func testTwoCharacterICUWordNameIsScored() {
        // A famous name ICU keeps as one word is scored by the model, not capped to list use.
        XCTAssertEqual(persons("李白的诗流传很广。"), ["李白"])
        XCTAssertEqual(persons("我们要保护水果的品质。"), [])
    }

    func testJapaneseNames() {
        XCTAssertEqual(rules("日本首相桥本龙太郎在东京会见了代表团。")["桥本龙太郎"], "name-japanese")
        XCTAssertEqual(persons("桥本首相发表了讲话。"), ["桥本"])
        XCTAssertEqual(persons("桥本还表示，日本将继续努力。"), ["桥本"])
        XCTAssertEqual(persons("前驻华大使中江要介今天发表文章。"), ["中江要介"])
        // The surname alone with no person context, and a word after it, are not names.
        XCTAssertEqual(persons("山口县的农业很发达。"), [])
        XCTAssertEqual(persons("而桥本则在会上发言。").contains("桥本则"), false)
    }

    func testClauseCharacterIsNotTheLastGivenCharacter() {
        // 将 starts the predicate: 王非, not 王非将.
        XCTAssertEqual(persons("王非将担任球队主教练。"), ["王非"])
    }

    func testLiEndsANameAfterATitle() {
        // 里 ends a transliterated name after a title, but not a noun + 里 (秋风里).
        XCTAssertEqual(persons("埃及总理詹祖里最近发表讲话。"), ["詹祖里"])
        XCTAssertEqual(persons("在秋风里散步。"), [])
    }

    func testLastGivenCharacterGluedToDeng() {
        // ICU reads 平等 as a word; the name is 李苏平 followed by 等.
        XCTAssertEqual(persons("李苏平等三人出席了会议。"), ["李苏平"])
    }

    func testRareGivenCharacterIsNotUnknown() {
        // 勰 is outside GB 2312 level 1 and absent from given-name-chars.txt: a rare name character.
        let model = NameModel(lexicons: Lexicons())
        XCTAssertTrue(model.isRare("勰"))
        XCTAssertFalse(model.isRare("的"))
        XCTAssertEqual(persons("我读过刘勰的书。"), ["刘勰"])
    }

    func testLeaderNamePlusZhengfuIsAPerson() {
        // The ORG stage reads 克林顿政府 as an organization; the name inside is a PERSON.
        let doc = Self.pipeline.annotate(Document(id: "t", text: "他指出，克林顿政府这样做是错误的。"))
        XCTAssertEqual(doc.entities.filter { $0.type == .person }.map { doc.text($0.span) }, ["克林顿"])
        XCTAssertFalse(doc.entities.contains { $0.type == .org && doc.text($0.span).hasPrefix("克林顿") })
    }

    func testPrepositionGluedToTransliteratedName() {
        // ICU reads 和穆 as a word; the name 穆巴拉克 starts at 穆.
        XCTAssertEqual(persons("他和穆巴拉克总统举行了会谈。"), ["穆巴拉克"])
    }

    func testLiStartsATransliteratedName() {
        // 里 starts a name after punctuation, not after another character (这里).
        XCTAssertEqual(persons("里德说，两国关系很好。"), ["里德"])
        XCTAssertEqual(persons("这里德国游客很多。"), [])
    }

    func testCommonCharacterStartsOnlyALongTransliteratedRun() {
        // 内 starts a 5-character name, not a short run (内容).
        XCTAssertEqual(persons("内塔尼亚胡表示，和平进程必须继续。"), ["内塔尼亚胡"])
        XCTAssertEqual(persons("内容很丰富，比赛很精彩。"), [])
    }
}

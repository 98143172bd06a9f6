import Foundation
import XCTest
@testable import Shuo

/// ORG stage on the spec's hard cases (annotation-spec §3).
final class OrgStageTests: XCTestCase {
    func orgs(_ text: String) -> [String] { TitleStageTests.spans(text, .org) }

    func testPartyCommitteeBeforeTitle() {
        XCTAssertEqual(orgs("全国人大代表、呼和浩特市市委副书记、市长贺海东"), ["呼和浩特市市委"])
    }

    func testAssociationBeforeTitle() {
        XCTAssertEqual(orgs("全国政协委员、广东高科技产业商会会长王理宗表示"), ["广东高科技产业商会"])
    }

    func testBracketsAndSubUnitWithHe() {
        XCTAssertEqual(orgs("全国政协委员、华润(集团)有限公司环境健康和安部专家张利文"),
                       ["华润(集团)有限公司环境健康和安部"])
        XCTAssertEqual(orgs("全国政协委员、华润（集团）有限公司环境健康和安部专家张利文"),
                       ["华润（集团）有限公司环境健康和安部"])
    }

    func testLongestNameWithSubUnits() {
        XCTAssertEqual(orgs("内蒙古自治区社会科学院经济研究所所长、研究员李望指出"),
                       ["内蒙古自治区社会科学院经济研究所"])
    }

    func testGovernmentsWithPlace() {
        XCTAssertEqual(orgs("2016年，内蒙古自治区人民政府与广东省人民政府签署协议"),
                       ["内蒙古自治区人民政府", "广东省人民政府"])
    }

    func testKnownOrgBeforeReporter() {
        XCTAssertEqual(orgs("新华社记者王黎报道"), ["新华社"])
    }

    func testMediaList() {
        XCTAssertEqual(orgs("全国两会期间，内蒙古日报、草原客户端联动南方网、粤学习客户端推出报道"),
                       ["内蒙古日报", "草原客户端", "南方网", "粤学习客户端"])
    }

    func testNotOrgs() {
        // A place alone, a generic description, events and meetings.
        XCTAssertEqual(orgs("广东省企业在内蒙古已建成新能源规模"), [])
        XCTAssertEqual(orgs("王理宗曾两次出席蒙粤大会并担任演讲嘉宾"), [])
        XCTAssertEqual(orgs("全国两会期间"), [])
        XCTAssertEqual(orgs("纽约州州长霍楚表示"), [])
    }

    func testVerbsDoNotJoinNames() {
        XCTAssertEqual(orgs("美国队下场打败伊朗队不成问题"), ["美国队", "伊朗队"])
    }

    func testSendingCountryJoinsThroughZhu() {
        XCTAssertEqual(orgs("已提名中国驻南非研究中心主任王学贤"), ["中国驻南非研究中心"])
    }

    func testSectorIsNotOrg() {
        XCTAssertEqual(orgs("香港银行业采取审慎态度"), [])
    }

    func testCompanyWithPlace() {
        XCTAssertEqual(orgs("广汽集团固态电池计划于2026年实现量产"), ["广汽集团"])
    }

    func testUserLexiconAddsAndForbids() throws {
        let user = try UserLexicon(contents: "深圳出海e站通\tORG\n广汽集团\t!\n", source: "test")
        let p = try Pipeline(stageNames: ["titles", "orgs"], context: StageContext(lexicons: Lexicons(user: user)))
        var doc = Document(id: "u", text: "由深圳出海e站通等单位发起；广汽集团计划量产")
        p.process(&doc)
        XCTAssertEqual(doc.entities.filter { $0.type == .org }.map { doc.text($0.span) }, ["深圳出海e站通"])
    }

    func testFunctionWordsEndTheWalkBack() {
        // 还有, 这时, 不是: a word ending in a function character or starting with a negation or
        // demonstrative is not part of the name.
        XCTAssertEqual(orgs("大会上发言的还有联想集团副总裁李明。"), ["联想集团"])
        XCTAssertEqual(orgs("这时威立队外援约翰上场。"), ["威立队"])
        XCTAssertEqual(orgs("无一不是双良集团靠科技人员开发的。"), ["双良集团"])
        XCTAssertFalse(orgs("尼美根队vs托特纳姆队两队在欧洲联赛相遇。").contains { $0.contains("vs") })
    }

    func testSingleWordBeforeNamingSuffix() {
        // org-word-suffix: ICU knows the name as one word (剑桥|大学, 昆仑|出版社).
        XCTAssertEqual(orgs("他刚从剑桥大学取得博士学位。"), ["剑桥大学"])
        XCTAssertEqual(orgs("李松梅译，昆仑出版社出版。"), ["昆仑出版社"])
        // Generic descriptions and counted phrases are not names.
        XCTAssertEqual(orgs("一些贸易公司表示不满。"), [])
        XCTAssertEqual(orgs("把房贷从四大银行转到深圳。"), [])
    }

    func testModalHuiIsNotAnAssociation() {
        XCTAssertFalse(orgs("俄中央银行无论如何也不会让卢布贬值。").contains { $0.hasSuffix("会") })
    }

    func testPlaceMustStartAWord() {
        // 山西|亚宝: the place 西亚 inside 山西 does not start the name.
        XCTAssertEqual(orgs("用贴剂闻名的山西亚宝药业（集团）公司，近来开发新药。"), ["山西亚宝药业（集团）公司"])
    }

    func testHeAfterTitleDoesNotJoin() {
        XCTAssertFalse(orgs("他是政府学教授和乔治城大学战略与国际问题研究中心高级顾问。").contains { $0.hasPrefix("和") })
    }

    func testDateIsNotPartOfName() {
        XCTAssertEqual(orgs("4月8日宏达公司宣布裁员。"), ["宏达公司"])
    }

    func testPeriodicalInTitleMarks() {
        // org-media-title: a newspaper in 《》 is a media outlet, without the brackets; a report is not.
        XCTAssertEqual(orgs("据《中华读书报》报道，该书畅销。"), ["中华读书报"])
        XCTAssertEqual(orgs("他读了《关于加强管理的通报》。"), [])
    }

    func testNominalVerbInsideAgencyName() {
        // 监督 is a stop word, but inside 国家…监督局 it is part of the name.
        XCTAssertEqual(orgs("两项国家标准，已经国家质量技术监督局批准。"), ["国家质量技术监督局"])
        XCTAssertEqual(orgs("加强监督公司运作"), [])
    }

    func testTeamByOneWordName() {
        XCTAssertEqual(orgs("ＮＢＡ纪录：公牛队创造了总决赛史上最多的赢分纪录。"), ["公牛队"])
        XCTAssertEqual(orgs("六一前夕，医疗队到民族学校。"), [])
    }

    func testQuotedNameWithStrongSuffix() {
        // org-quoted: a name in quote marks ending in a strong suffix is one ORG, quotes left out.
        XCTAssertEqual(orgs("发起成立的“深圳专业服务业机构服务内蒙古企业出海联盟”于2024年揭牌。"),
                       ["深圳专业服务业机构服务内蒙古企业出海联盟"])
        XCTAssertEqual(orgs("他提出“两个屏障”的说法。"), [])
    }

    func testInstituteBeforeDeputyTitle() {
        XCTAssertEqual(orgs("中科院高能物理所副所长陈和生说"), ["中科院高能物理所"])
    }

    func testSeedOrgRecall() throws {
        let (text, want) = try seedGold(.org)
        var doc = Document(id: "seed", text: text)
        TitleStageTests.pipeline.process(&doc)
        let got = Set(doc.entities.filter { $0.type == .org }.map(\.span))
        XCTAssertGreaterThanOrEqual(Double(got.intersection(want).count) / Double(want.count), 0.6, "ORG recall on the seed")
    }
}

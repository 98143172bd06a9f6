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

    func testSeedOrgRecall() throws {
        let gold = repositoryRoot.appendingPathComponent("Corpora/seed/000_e77ddd7cd213d071.gold.jsonl")
        guard let data = try? String(contentsOf: gold, encoding: .utf8),
              let line = data.split(separator: "\n").first else {
            throw XCTSkip("seed gold is absent")
        }
        let json = try JSONParser.parse(String(line))
        guard let text = json["text"]?.string, let ents = json["entities"]?.array else { return XCTFail("bad gold") }
        let want = Set(ents.filter { $0["type"]?.string == "ORG" }.compactMap { e -> Span? in
            guard let s = e["start"]?.int, let t = e["end"]?.int else { return nil }
            return Span(s, t)
        })
        var doc = Document(id: "seed", text: text)
        TitleStageTests.pipeline.process(&doc)
        let got = Set(doc.entities.filter { $0.type == .org }.map(\.span))
        XCTAssertGreaterThanOrEqual(Double(got.intersection(want).count) / Double(want.count), 0.6, "ORG recall on the seed")
    }
}

import Foundation
import XCTest
@testable import Shuo

/// TITLE stage on the spec's hard cases (annotation-spec §3). Each test names the rule it guards.
final class TitleStageTests: XCTestCase {
    static let pipeline: Pipeline = try! Pipeline(stageNames: ["titles", "orgs"])

    /// Entities of one type, as text, in order.
    static func spans(_ text: String, _ type: EntityType) -> [String] {
        var doc = Document(id: "t", text: text)
        pipeline.process(&doc)
        return doc.entities.filter { $0.type == type }.map { doc.text($0.span) }
    }

    static func entities(_ text: String) -> [(EntityType, String, String?)] {
        var doc = Document(id: "t", text: text)
        pipeline.process(&doc)
        return doc.entities.map { ($0.type, doc.text($0.span), $0.rule) }
    }

    func testChainOfThreeWithOrgBeforeHead() {
        // title-fixed + title-chain + title-head; the ORG before 副书记 is not in the title.
        XCTAssertEqual(Self.spans("全国人大代表、呼和浩特市市委副书记、市长贺海东", .title),
                       ["全国人大代表", "副书记", "市长"])
    }

    func testFixedTitleAndOrgAndHead() {
        XCTAssertEqual(Self.spans("全国政协委员、广东高科技产业商会会长王理宗表示", .title),
                       ["全国政协委员", "会长"])
    }

    func testBracketedOrgBeforeExpert() {
        XCTAssertEqual(Self.spans("全国政协委员、华润(集团)有限公司环境健康和安部专家张利文开门见山", .title),
                       ["全国政协委员", "专家"])
    }

    func testTwoTitlesAfterInstitute() {
        XCTAssertEqual(Self.spans("内蒙古自治区社会科学院经济研究所所长、研究员李望指出", .title),
                       ["所长", "研究员"])
    }

    func testBylineReporter() {
        // A byline name set off by a space ties 本报记者 to its person.
        XCTAssertEqual(Self.spans("文/图 本报记者 王皓 孟和朝鲁", .title), ["本报记者"])
    }

    func testPlaceBeforeHeadIsLeftOut() {
        XCTAssertEqual(Self.spans("纽约州州长霍楚表示", .title), ["州长"])
        XCTAssertEqual(Self.spans("纽约州州长霍楚表示", .org), [])
    }

    func testDescriptionWithDeIsNotATitle() {
        XCTAssertEqual(Self.spans("连任3届全国政协委员的何伟", .title), [])
    }

    func testZuoweiIsNotATitle() {
        XCTAssertEqual(Self.spans("作为一名知名眼科医生张明，他说", .title), [])
    }

    func testUntiedTitlesAreNotAnnotated() {
        XCTAssertEqual(Self.spans("记者了解到，专家们认为代表们很关心", .title), [])
        XCTAssertEqual(Self.spans("邀请来自广东省与内蒙古自治区的两位全国人大代表，就两地合作建言献策", .title), [])
    }

    func testModifiersStayInside() {
        XCTAssertEqual(Self.spans("常务副市长李强说", .title), ["常务副市长"])
        XCTAssertEqual(Self.spans("首席专家王明说", .title), ["首席专家"])
        XCTAssertEqual(Self.spans("名誉会长张明说", .title), ["名誉会长"])
    }

    func testUnitWordWithoutNameStaysInTitle() {
        // GUIDELINES §3.3: a generic unit word with no name in front is part of the title.
        XCTAssertEqual(Self.spans("市委书记张明说", .title), ["市委书记"])
        XCTAssertEqual(Self.spans("市委书记张明说", .org), [])
    }

    func testPlaceBeforeFixedTitle() {
        XCTAssertEqual(Self.spans("广东省人大代表李明说", .title), ["人大代表"])
    }

    func testBylinePostingStaysInside() {
        XCTAssertEqual(Self.spans("本报驻南非记者王明报道", .title), ["本报驻南非记者"])
    }

    func testTitleAfterName() {
        let e = Self.entities("何伟委员表示，要加快发展。")
        XCTAssertEqual(e.filter { $0.0 == .title }.map(\.1), ["委员"])
        XCTAssertEqual(e.first { $0.0 == .title }?.2, "title-after-name")
    }

    func testSeniorOfficeAfterFullNameInsideClause() {
        XCTAssertEqual(Self.spans("响应江泽民总书记的号召。", .title), ["总书记"])
        XCTAssertEqual(Self.spans("做好克林顿总统访华的接待工作。", .title), ["总统"])
        XCTAssertEqual(Self.spans("江泽民主席团成员", .title), [])
    }

    func testVerbDaibiaoIsNotATitle() {
        // 代表 before a place (not a transliterated name) or before 时指出 (not a surname + name).
        XCTAssertEqual(Self.spans("他在讲话中首先代表南非政府表示感谢。", .title), [])
        XCTAssertEqual(Self.spans("武警先进典型代表时指出，要努力。", .title), [])
    }

    func testSeedTitlesMatchGold() throws {
        let (text, want) = try seedGold(.title)
        var doc = Document(id: "seed", text: text)
        Self.pipeline.process(&doc)
        let got = Set(doc.entities.filter { $0.type == .title }.map(\.span))
        let tp = got.intersection(want).count
        XCTAssertGreaterThanOrEqual(Double(tp) / Double(max(1, got.count)), 0.9, "TITLE precision on the seed")
        XCTAssertGreaterThanOrEqual(Double(tp) / Double(max(1, want.count)), 0.9, "TITLE recall on the seed")
    }
}

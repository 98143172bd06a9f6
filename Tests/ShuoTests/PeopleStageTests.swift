import XCTest
@testable import Shuo

/// PeopleStage on hand-placed entities, so that it is tested apart from the extractors.
final class PeopleStageTests: XCTestCase {
    /// Builds a document whose entities are the marked substrings: [[text|TYPE]].
    func document(_ marked: String) -> Document {
        var text = String.UnicodeScalarView()
        var entities: [Entity] = []
        var scalars = Array(marked.unicodeScalars)[...]
        while let open = scalars.firstIndex(of: "[") {
            text.append(contentsOf: scalars[scalars.startIndex..<open])
            let close = scalars[open...].firstIndex(of: "]")!
            let inner = String(String.UnicodeScalarView(scalars[(open + 1)..<close]))
            let parts = inner.split(separator: "|")
            let start = text.count
            text.append(contentsOf: parts[0].unicodeScalars)
            entities.append(Entity(EntityType(rawValue: String(parts[1]))!, Span(start, text.count)))
            scalars = scalars[(close + 1)...]
        }
        text.append(contentsOf: scalars)
        var doc = Document(id: "t", text: String(text))
        doc.entities = entities
        return doc
    }

    func run(_ doc: inout Document) { try! PeopleStage(context: StageContext()).process(&doc) }

    func describe(_ doc: Document) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for p in doc.people {
            out[p.name] = p.titles.map { t in doc.text(t.title) + (t.org.map { "@" + doc.text($0) } ?? "") }
        }
        return out
    }

    func testTitleChainWithOrg() {
        var doc = document("[全国人大代表|TITLE]、[呼和浩特市市委|ORG][副书记|TITLE]、[市长|TITLE][贺海东|PERSON]表示")
        run(&doc)
        XCTAssertEqual(describe(doc)["贺海东"], ["全国人大代表", "副书记@呼和浩特市市委", "市长"])
    }

    func testOrgTitleThenSecondTitle() {
        var doc = document("[内蒙古自治区社会科学院经济研究所|ORG][所长|TITLE]、[研究员|TITLE][李望|PERSON]指出")
        run(&doc)
        XCTAssertEqual(describe(doc)["李望"], ["所长@内蒙古自治区社会科学院经济研究所", "研究员"])
    }

    func testBylineTitleHoldsForEveryName() {
        var doc = document("文/图 [本报记者|TITLE] [王皓|PERSON] [孟和朝鲁|PERSON]\n")
        run(&doc)
        XCTAssertEqual(describe(doc)["王皓"], ["本报记者"])
        XCTAssertEqual(describe(doc)["孟和朝鲁"], ["本报记者"])
    }

    func testTitleAfterName() {
        var doc = document("[何伟|PERSON][委员|TITLE]表示")
        run(&doc)
        XCTAssertEqual(describe(doc)["何伟"], ["委员"])
    }

    func testMentionsGroupedAndShortFormJoined() {
        var doc = document("[市长|TITLE][贺海东|PERSON]说。[贺海东|PERSON]又说。[海东|PERSON]笑了。[王皓|PERSON]")
        run(&doc)
        XCTAssertEqual(doc.people.count, 2)
        let he = doc.people.first { $0.name == "贺海东" }
        XCTAssertEqual(he?.mentions.count, 3)
        XCTAssertEqual(he?.titles.count, 1)
    }

    func testAmbiguousShortFormStaysApart() {
        var doc = document("[贺海东|PERSON]和[李海东|PERSON]见面，[海东|PERSON]说")
        run(&doc)
        XCTAssertEqual(doc.people.count, 3)
    }

    func testSpacedBylineNameHasNameWithoutSpaces() {
        var doc = document("[本报记者|TITLE] [黄 超|PERSON]\n")
        run(&doc)
        XCTAssertEqual(doc.people.first?.name, "黄超")
        XCTAssertEqual(describe(doc)["黄超"], ["本报记者"])
    }

    func testUnrelatedTitleNotAttached() {
        var doc = document("[市长|TITLE]说，[王皓|PERSON]来了")
        run(&doc)
        XCTAssertEqual(describe(doc)["王皓"], [])
    }
}

import XCTest
@testable import Shuo

/// The seed article end to end: the full pipeline, then people person by person.
final class SeedPeopleTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func annotatedSeed() throws -> Document {
        let url = Self.root.appendingPathComponent("Corpora/seed/000_e77ddd7cd213d071.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw XCTSkip("Corpora/seed/000_e77ddd7cd213d071.txt is absent; skipping")
        }
        let pipeline = try Pipeline(stageNames: nil)
        return pipeline.annotate(Document(id: "seed", text: text))
    }

    /// name → titles as "title" or "title@org", in text order, without repeats.
    func titles(_ doc: Document) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for p in doc.people {
            var seen: [String] = []
            for t in p.titles {
                let d = doc.text(t.title) + (t.org.map { "@" + doc.text($0) } ?? "")
                if !seen.contains(d) { seen.append(d) }
            }
            out[p.name] = seen
        }
        return out
    }

    func testHeHaidong() throws {
        let doc = try annotatedSeed()
        XCTAssertEqual(titles(doc)["贺海东"], ["全国人大代表", "副书记@呼和浩特市市委", "市长"])
    }

    func testWangLizong() throws {
        let doc = try annotatedSeed()
        XCTAssertEqual(titles(doc)["王理宗"], ["全国政协委员", "会长@广东高科技产业商会"])
        XCTAssertEqual(doc.people.first { $0.name == "王理宗" }?.mentions.count, 5)
    }

    func testZhangLiwen() throws {
        let doc = try annotatedSeed()
        XCTAssertEqual(titles(doc)["张利文"], ["全国政协委员", "专家@华润(集团)有限公司环境健康和安部"])
        XCTAssertEqual(doc.people.first { $0.name == "张利文" }?.mentions.count, 5)
    }

    func testLiWang() throws {
        let doc = try annotatedSeed()
        XCTAssertEqual(titles(doc)["李望"], ["所长@内蒙古自治区社会科学院经济研究所", "研究员"])
    }

    func testBylineReporters() throws {
        let doc = try annotatedSeed()
        let t = titles(doc)
        for name in ["王皓", "孟和朝鲁", "韩雪茹", "张慧玲", "李永桃", "牡丹", "王鹏"] {
            XCTAssertEqual(t[name], ["本报记者"], name)
        }
        XCTAssertEqual(doc.people.first { $0.name == "王皓" }?.mentions.count, 2)
    }

    func testSeedPersonsMatchGold() throws {
        let doc = try annotatedSeed()
        let found = Set(doc.entities.filter { $0.type == .person }.map { doc.text($0.span) })
        XCTAssertEqual(found, ["王皓", "孟和朝鲁", "贺海东", "韩雪茹", "张慧玲", "李永桃", "李望", "王理宗", "牡丹", "王鹏", "张利文"])
    }
}

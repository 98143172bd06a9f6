import XCTest
@testable import Shuo

final class LexiconTests: XCTestCase {
    func testParseColumnsCommentsAndCRLF() {
        let entries = Lexicon.parse("# header\n全国政协委员\tfixed\r\n会长\t12\thead\n\n 市长 \n𠀀人\t3.5\n")
        XCTAssertEqual(entries.map(\.text), ["全国政协委员", "会长", "市长", "𠀀人"])
        XCTAssertEqual(entries[0].weight, 1)
        XCTAssertEqual(entries[0].tag, "fixed")
        XCTAssertEqual(entries[1].weight, 12)
        XCTAssertEqual(entries[1].tag, "head")
        XCTAssertEqual(entries[3].weight, 3.5)
    }

    func testTrieLookupsAgreeWithABruteForceOverManyEntries() {
        // Enough entries to make the edge table grow several times.
        var words: [String] = []
        let chars = Array("王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董")
        for a in chars { for b in chars.prefix(12) { words.append(String([a, b])) } }
        words += ["内蒙古自治区", "内蒙古", "内蒙", "𠀀𠀁", "a"]
        let lex = Lexicon(name: "t", entries: words.map { LexiconEntry(text: $0) })
        XCTAssertEqual(lex.count, Set(words).count)
        for w in words { XCTAssertTrue(lex.contains(w), w) }
        XCTAssertFalse(lex.contains("内蒙古自治"))
        XCTAssertFalse(lex.contains("王"))
        let text = Array("在内蒙古自治区王李说𠀀𠀁a".unicodeScalars)
        XCTAssertEqual(lex.longestMatch(text, at: 1), 6)
        XCTAssertEqual(lex.matchLengths(text, at: 1), [2, 3, 6])
        XCTAssertEqual(lex.longestMatch(text, at: 1, limit: 5), 3)
        XCTAssertEqual(lex.longestMatch(text, at: 7), 2)
        XCTAssertEqual(lex.longestMatch(text, at: 10), 2)
        XCTAssertNil(lex.longestMatch(text, at: 0))
        XCTAssertEqual(lex.longestMatch(text, endingAt: 7), 6)
        XCTAssertEqual(lex.longestMatch(text, endingAt: 7, lowerBound: 2), nil)
        XCTAssertEqual(lex.longestMatch(text, endingAt: 4), 3)
        XCTAssertEqual(lex.longestMatch(text, endingAt: 12), 2)
        XCTAssertNil(lex.longestMatch(text, endingAt: 0))
        XCTAssertTrue(lex.contains(text, 10..<12))
        // A later entry with the same text replaces the earlier one.
        var l2 = lex
        l2.insert(LexiconEntry(text: "内蒙古", weight: 9))
        XCTAssertEqual(l2.count, lex.count)
        XCTAssertEqual(l2.weight("内蒙古"), 9)
    }

    func testUserLexicon() throws {
        let user = try UserLexicon(contents: "# mine\n王理宗\tPERSON\n算力网\t!\n商会\torg\n", source: "u.tsv")
        XCTAssertEqual(user.additions["王理宗"], .person)
        XCTAssertEqual(user.additions["商会"], .org)
        XCTAssertTrue(user.forbidden.contains("算力网"))
        XCTAssertThrowsError(try UserLexicon(contents: "x\tBOGUS\n", source: "u.tsv"))
        XCTAssertThrowsError(try UserLexicon(contents: "only-one-column\n", source: "u.tsv"))
    }

    func testBundledLexiconsHaveHeadersAndLoad() throws {
        let dir = try XCTUnwrap(Lexicons.bundledDirectory)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }
        XCTAssertGreaterThan(files.count, 8)
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("#"), "\(f) starts with a comment header")
            XCTAssertGreaterThan(Lexicon(name: f, contents: text).count, 0, f)
        }
        XCTAssertTrue(Lexicons().named("titles").contains("全国政协委员"))
    }
}

import XCTest
@testable import Shuo

/// The converters on the real development corpora in ../shared (skipped when absent). The
/// expected counts are taken from the raw files here, independently of the decoder.
final class ConvertCorpusTests: XCTestCase {
    /// Decoded as `shuo convert` does it: a leading BOM is kept (Foundation's
    /// String(contentsOf:) would drop it, and the .ann offsets count it).
    func read(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    func count(_ docs: [ConvertedDocument], _ type: EntityType) -> Int {
        docs.reduce(0) { $0 + $1.entities.filter { $0.type == type }.count }
    }

    func testMSRATwoFile() throws {
        let chars = try requireShared("corpora/msra/train-slice.sentences.txt")
        let tags = try requireShared("corpora/msra/train-slice.tags.txt")
        let tagText = try read(tags)
        let words = tagText.split(whereSeparator: { $0 == " " || $0 == "\n" })
        let c = Converter(format: .bio)
        let docs = try c.convertTwoFile(characters: try read(chars), tags: tagText, name: "msra", tagsName: "tags")
        XCTAssertEqual(docs.count, tagText.split(separator: "\n").count)
        // In this corpus every entity starts with B-.
        XCTAssertEqual(count(docs, .person), words.filter { $0 == "B-PER" }.count)
        XCTAssertEqual(count(docs, .org), words.filter { $0 == "B-ORG" }.count)
        XCTAssertEqual(c.dropped["LOC"], words.filter { $0 == "B-LOC" }.count)
        XCTAssertEqual(docs.reduce(0) { $0 + $1.scalars.count }, words.count)
    }

    func testWeiboAndResume() throws {
        let weibo = try read(try requireShared("corpora/weibo/dev.conll"))
        let docs = try Converter(format: .bio).convertTagged(weibo, name: "weibo")
        XCTAssertEqual(count(docs, .person), weibo.components(separatedBy: "\tB-PER.NAM").count - 1)
        XCTAssertEqual(count(docs, .org), weibo.components(separatedBy: "\tB-ORG.NAM").count - 1)
        // The position digits are gone: a sentence's text has one code point per line, except
        // the corpus's few two-code-point tokens.
        XCTAssertFalse(docs[0].text.contains(where: { $0.isASCII && $0.isNumber }))

        let resume = try read(try requireShared("corpora/resume/dev.char.bmes"))
        let r = try Converter(format: .bmes).convertTagged(resume, name: "resume")
        XCTAssertEqual(count(r, .person), resume.components(separatedBy: " B-NAME\n").count - 1
                       + resume.components(separatedBy: " S-NAME\n").count - 1)
        XCTAssertEqual(count(r, .title), resume.components(separatedBy: " B-TITLE\n").count - 1)
    }

    func testPD1998DocBrat() throws {
        let dir = try requireShared("corpora/pd1998-doc")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThan(names.count, 0)
        var people = 0
        for n in names {
            let base = dir.appendingPathComponent(String(n.dropLast(4)))
            let c = Converter(format: .brat)
            c.stripSpaces = true
            c.crlfOffsets = true
            // Throws if any PER/ORG span does not slice to its .ann text with spaces removed.
            let d = try c.convertBrat(text: try read(base.appendingPathExtension("txt")),
                                      ann: try read(base.appendingPathExtension("ann")), id: n, annName: n)
            XCTAssertFalse(d.text.contains(" "))
            XCTAssertNotEqual(d.scalars.first, "\u{FEFF}")
            people += d.entities.filter { $0.type == .person }.count
        }
        XCTAssertGreaterThan(people, 0)
        // Without --crlf-offsets the multi-line articles do not line up.
        let base = dir.appendingPathComponent("19980101-01-001")
        let plain = Converter(format: .brat)
        plain.stripSpaces = true
        XCTAssertThrowsError(try plain.convertBrat(text: try read(base.appendingPathExtension("txt")),
                                                   ann: try read(base.appendingPathExtension("ann")), id: "x", annName: "x"))
    }

    func testCluenerFirstLines() throws {
        let url = try requireShared("corpora/cluener/train.json")
        let text = try read(url)
        let first = text.split(separator: "\n").prefix(200).joined(separator: "\n")
        let c = Converter(format: .cluener)
        let docs = try c.convertCluener(first, name: "c")
        XCTAssertEqual(docs.count, 200)
        XCTAssertGreaterThan(count(docs, .person), 0)
        XCTAssertGreaterThan(count(docs, .title), 0)
        XCTAssertGreaterThan(c.dropped["address"] ?? 0, 0)
    }
}

import XCTest
@testable import Shuo

/// Converters: each format written from a known document and read back (round trip), plus
/// the corpus quirks (weibo position digits, brat BOM/spaces/CRLF offsets) and bad input.
final class ConvertTests: XCTestCase {
    // 新华社记者王理宗在北京说 : ORG [0,3) TITLE [3,5) PERSON [5,8); 北京 (LOC in corpora) [9,11)
    let text = "新华社记者王理宗在北京说"
    var sample: ConvertedDocument {
        ConvertedDocument(id: "x", text: text, entities: [(.org, Span(0, 3)), (.title, Span(3, 5)), (.person, Span(5, 8))])
    }

    func assertSameEntities(_ a: ConvertedDocument, _ b: ConvertedDocument, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.scalars, b.scalars, file: file, line: line)
        XCTAssertEqual(a.entities.map { "\($0.type.rawValue)\($0.span)" }, b.entities.map { "\($0.type.rawValue)\($0.span)" },
                       file: file, line: line)
    }

    func testBIORoundTripAndLocDropped() throws {
        var bio = ConvertWriter.tagged(sample, bmes: false, labels: [.person: "PER", .org: "ORG", .title: "TITLE"])
        // Add a LOC the default map drops, and a second sentence.
        bio = bio.replacingOccurrences(of: "北 O\n京 O", with: "北 B-LOC\n京 I-LOC")
        bio += "张 B-PER\n三 I-PER\n"
        let c = Converter(format: .bio)
        let docs = try c.convertTagged(bio, name: "f.bio")
        XCTAssertEqual(docs.map(\.id), ["f.bio:1", "f.bio:2"])
        assertSameEntities(docs[0], sample)
        assertSameEntities(docs[1], ConvertedDocument(id: "", text: "张三", entities: [(.person, Span(0, 2))]))
        XCTAssertEqual(c.dropped, ["LOC": 1])
        // Tab-separated and CRLF lines read the same.
        let tabbed = bio.replacingOccurrences(of: " ", with: "\t").replacingOccurrences(of: "\n", with: "\r\n")
        assertSameEntities(try Converter(format: .bio).convertTagged(tabbed, name: "f")[0], sample)
    }

    func testBIOLenientIStartsAnEntity() throws {
        // I- without B-, and I- of another label, each start a new entity.
        let docs = try Converter(format: .bio).convertTagged("甲 I-PER\n乙 I-PER\n丙 I-ORG\n丁 O\n", name: "f")
        XCTAssertEqual(docs[0].entities.map { "\($0.type.rawValue)\($0.span)" }, ["PERSON[0,2)", "ORG[2,3)"])
    }

    func testBMESRoundTrip() throws {
        let one = ConvertedDocument(id: "y", text: "王说", entities: [(.person, Span(0, 1))])  // S-NAME
        let bmes = ConvertWriter.tagged(sample, bmes: true, labels: [.person: "NAME", .org: "ORG", .title: "TITLE"])
            + ConvertWriter.tagged(one, bmes: true, labels: [.person: "NAME"])
        XCTAssertTrue(bmes.contains("王 B-NAME\n理 M-NAME\n宗 E-NAME\n"))
        let docs = try Converter(format: .bmes).convertTagged(bmes, name: "r")
        assertSameEntities(docs[0], sample)
        assertSameEntities(docs[1], one)
    }

    func testWeiboPositionDigits() throws {
        // Weibo writes the character's position in its word after it: 王0 理1 宗2; "m15" is the
        // letter m at position 15; "10" is the digit 1 at position 0.
        let weibo = "新0\tB-ORG.NAM\n华1\tI-ORG.NAM\n社2\tI-ORG.NAM\n王0\tB-PER.NAM\n理1\tI-PER.NAM\n宗2\tI-PER.NAM\n"
            + "记0\tB-PER.NOM\n者1\tI-PER.NOM\nm15\tO\n10\tO\n"
        let c = Converter(format: .bio)
        let docs = try c.convertTagged(weibo, name: "w")
        XCTAssertEqual(docs[0].text, "新华社王理宗记者m1")
        XCTAssertEqual(docs[0].entities.map { "\($0.type.rawValue)\($0.span)" }, ["ORG[0,3)", "PERSON[3,6)"])
        XCTAssertEqual(c.dropped, ["PER.NOM": 1])
        // A plain BIO file whose characters are digits keeps them.
        XCTAssertEqual(try Converter(format: .bio).convertTagged("1 O\n2 O\n", name: "p")[0].text, "12")
    }

    func testTwoFileRoundTrip() throws {
        let labels: [EntityType: String] = [.person: "PER", .org: "ORG", .title: "TITLE"]
        let chars = sample.scalars.map { String($0) }.joined(separator: " ") + "\n" + "张 三\n"
        let tags = ConvertWriter.tags(sample, bmes: false, labels: labels).joined(separator: " ") + "\nB-PER I-PER\n"
        let docs = try Converter(format: .bio).convertTwoFile(characters: chars, tags: tags, name: "s.txt", tagsName: "t.txt")
        XCTAssertEqual(docs.map(\.id), ["s.txt:1", "s.txt:2"])
        assertSameEntities(docs[0], sample)
        XCTAssertThrowsError(try Converter(format: .bio).convertTwoFile(characters: chars, tags: "O O\nO O\n", name: "s", tagsName: "t")) {
            XCTAssertEqual(($0 as? ConvertError)?.line, 1)
        }
    }

    func testCluenerRoundTripAndOverlap() throws {
        let line = ConvertWriter.cluener(sample, labels: [.person: "name", .org: "company", .title: "position"])
        let c = Converter(format: .cluener)
        let docs = try c.convertCluener(line + "\n", name: "c.json")
        XCTAssertEqual(docs[0].id, "c.json:1")
        assertSameEntities(docs[0], sample)
        // Nested labels: the longer span is kept, the other counted; address is dropped.
        let nested = #"{"text":"北京大学校长","label":{"organization":{"北京大学":[[0,3]]},"address":{"北京":[[0,1]]},"position":{"大学校长":[[2,5]]}}}"#
        let c2 = Converter(format: .cluener)
        let d = try c2.convertCluener(nested, name: "c")[0]
        XCTAssertEqual(d.entities.map { "\($0.type.rawValue)\($0.span)" }, ["ORG[0,4)"])
        XCTAssertEqual(c2.overlapsDropped, 1)
        XCTAssertEqual(c2.dropped, ["address": 1])
        // A span that does not slice to its text is an error naming the line.
        let bad = #"{"text":"王理宗说","label":{"name":{"王理宗":[[1,3]]}}}"#
        XCTAssertThrowsError(try Converter(format: .cluener).convertCluener("\n" + bad, name: "c")) {
            XCTAssertEqual(($0 as? ConvertError)?.line, 2)
        }
    }

    func testBratRoundTrip() throws {
        let ann = ConvertWriter.bratAnn(sample, labels: [.person: "PER", .org: "ORG", .title: "TITLE"])
        let d = try Converter(format: .brat).convertBrat(text: text, ann: ann + "R1\tRel Arg1:T1 Arg2:T2\n", id: "x", annName: "x.ann")
        assertSameEntities(d, sample)
    }

    func testBratBOMSpacesAndCRLFOffsets() throws {
        // orig: BOM(0) 张(1) ␠(2) 三(3) ␠(4) 说(5) \n(6, counts two) 李(8) ␠(9) 四(10)
        let txt = "\u{FEFF}张 三 说\n李 四"
        let ann = "T1\tPER 1 4\t张 三\nT2\tPER 8 11\t李 四\nT3\tLOC 5 6\t说\n"
        let c = Converter(format: .brat)
        c.stripSpaces = true
        c.crlfOffsets = true
        let d = try c.convertBrat(text: txt, ann: ann, id: "pd", annName: "pd.ann")
        XCTAssertEqual(d.text, "张三说\n李四")
        XCTAssertEqual(d.entities.map { "\($0.type.rawValue)\($0.span)" }, ["PERSON[0,2)", "PERSON[4,6)"])
        XCTAssertEqual(c.dropped, ["LOC": 1])
        // Without --crlf-offsets the second span lands one character off: an error on line 2.
        let plain = Converter(format: .brat)
        plain.stripSpaces = true
        XCTAssertThrowsError(try plain.convertBrat(text: txt, ann: ann, id: "pd", annName: "pd.ann")) {
            XCTAssertEqual(($0 as? ConvertError)?.line, 2)
        }
    }

    func testJSONLineIsSpecGoldTheScorerReads() throws {
        let line = String(decoding: sample.jsonLine(), as: UTF8.self)
        XCTAssertTrue(line.hasSuffix("}\n"))
        let f = try EvalFile.parse(line, name: "conv")
        XCTAssertEqual(f.documents[0].entities.map(\.type), ["ORG", "TITLE", "PERSON"])
        let r = Evaluator().evaluate(gold: f, pred: f)
        XCTAssertEqual(r.micro.exact.f1, 1)
    }

    func testLabelMapOption() throws {
        XCTAssertEqual(try parseLabelMap("name=PERSON, position=title"), ["name": .person, "position": .title])
        XCTAssertThrowsError(try parseLabelMap("name=LOC"))
        let c = Converter(format: .bio, map: try parseLabelMap("LOC=ORG"))
        let d = try c.convertTagged("北 B-LOC\n京 I-LOC\n王 B-PER\n", name: "m")[0]
        XCTAssertEqual(d.entities.map { "\($0.type.rawValue)\($0.span)" }, ["ORG[0,2)"])
        XCTAssertEqual(c.dropped, ["PER": 1])
    }
}

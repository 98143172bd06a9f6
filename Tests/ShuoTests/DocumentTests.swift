import XCTest
@testable import Shuo

final class DocumentTests: XCTestCase {
    func testOffsetsAreCodePointsWithNonBMPAndCRLF() throws {
        let doc = Document(id: "x", text: "𠀀王皓\r\n说：“好😀”")
        XCTAssertEqual(doc.count, 11)
        XCTAssertEqual(doc.text(Span(1, 3)), "王皓")
        XCTAssertEqual(doc.text(Span(8, 10)), "好😀")
        let paragraphs = ParagraphStage.paragraphs(of: doc.scalars)
        XCTAssertEqual(paragraphs, [Span(0, 3), Span(5, 11)])
    }
}

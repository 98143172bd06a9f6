import XCTest
@testable import Shuo

final class BitArrayTests: XCTestCase {
    func testSetsAndClearsAcrossWordBoundaries() {
        var bits = BitArray(repeating: false, count: 130)
        for i in [0, 63, 64, 65, 127, 128, 129] { bits[i] = true }
        XCTAssertEqual((0..<130).filter { bits[$0] }, [0, 63, 64, 65, 127, 128, 129])
        bits[64] = false
        XCTAssertFalse(bits[64])
        XCTAssertTrue(bits[63] && bits[65])
        let ones = BitArray(repeating: true, count: 70)
        XCTAssertTrue((0..<70).allSatisfy { ones[$0] })
        XCTAssertEqual(ones.count, 70)
    }
}

import Foundation
import XCTest
@testable import Shuo

final class DecodingTests: XCTestCase {
    let sample = "全国政协委员王理宗表示：“算力𠀀协同。”\r\n"

    private func decode(_ bytes: [UInt8], _ encoding: TextEncoding) -> Result<[Unicode.Scalar], DecodeFailure> {
        TextDecoder.decode(bytes, encoding: encoding)
    }

    private func text(_ r: Result<[Unicode.Scalar], DecodeFailure>) -> String? {
        guard case .success(let s) = r else { return nil }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s)
        return String(v)
    }

    func testUTF8WithAndWithoutBOM() {
        XCTAssertEqual(text(decode(Array(sample.utf8), .utf8)), sample)
        XCTAssertEqual(text(decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8), .utf8)), sample)
    }

    func testInvalidUTF8ReportsByteOffset() {
        let bytes = Array("王理宗".utf8) + [0xFF] + Array("表示".utf8)
        guard case .failure(let f) = decode(bytes, .utf8) else { return XCTFail("decoded bad bytes") }
        XCTAssertEqual(f.code, "invalid-utf8")
        XCTAssertTrue(f.message.contains("byte 9"), f.message)
        // An overlong encoding and a lone surrogate are refused too.
        guard case .failure = decode([0xC0, 0xAF], .utf8), case .failure = decode([0xED, 0xA0, 0x80], .utf8) else {
            return XCTFail("accepted invalid UTF-8")
        }
        guard case .failure(let t) = decode(Array("好".utf8).dropLast(), .utf8) else { return XCTFail() }
        XCTAssertEqual(t.code, "truncated-utf8")
    }

    func testNULMeansBinary() {
        guard case .failure(let f) = decode([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x00, 0x00], .utf8) else { return XCTFail() }
        XCTAssertEqual(f.code, "binary")
    }

    func testGB18030AndGBKMadeFromUTF8() throws {
        let gb = try XCTUnwrap(encodeFixture(sample, "GB18030"))
        XCTAssertNotEqual(gb, Array(sample.utf8))
        XCTAssertEqual(text(decode(gb, try TextEncoding(argument: "GB18030"))), sample)
        // GB18030 bytes are not UTF-8; auto-detection must still find them.
        guard case .failure = decode(gb, .utf8) else { return XCTFail("GB18030 read as UTF-8") }
        let bmpOnly = "全国政协委员王理宗表示：“算力协同发展是我非常关心的话题，两地优势互补。”"
        let gbk = try XCTUnwrap(encodeFixture(bmpOnly, "GBK"))
        XCTAssertEqual(text(decode(gbk, try TextEncoding(argument: "GBK"))), bmpOnly)
        XCTAssertEqual(text(decode(gbk + gbk + gbk, .auto)), bmpOnly + bmpOnly + bmpOnly)
    }

    func testUTF16LittleAndBigEndian() throws {
        let le = Array(sample.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = Array(sample.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertEqual(text(decode(le, try TextEncoding(argument: "UTF-16LE"))), sample)
        XCTAssertEqual(text(decode(be, try TextEncoding(argument: "UTF-16BE"))), sample)
        // With a byte order mark the default reader recognises UTF-16 on its own.
        XCTAssertEqual(text(decode([0xFF, 0xFE] + le, .utf8)), sample)
        XCTAssertEqual(text(decode([0xFE, 0xFF] + be, .utf8)), sample)
    }

    func testUnknownEncodingIsAUsageError() {
        XCTAssertThrowsError(try TextEncoding(argument: "NO-SUCH-CHARSET"))
    }

    func testBadBytesInNamedEncodingReportOffset() throws {
        let bytes = Array("ab".utf8) + [0x81, 0x20]  // a GBK lead byte followed by a space
        guard case .failure(let f) = decode(bytes, try TextEncoding(argument: "GBK")) else { return XCTFail() }
        XCTAssertTrue(f.message.contains("byte 2"), f.message)
    }
}

/// Makes a fixture in another encoding from UTF-8 text, with Python's codecs: an encoder
/// independent of the ICU decoder under test (Foundation on Linux has no GB18030).
func encodeFixture(_ text: String, _ encoding: String) throws -> [UInt8]? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode(sys.argv[1]))", encoding.lowercased()]
    let inp = Pipe(), out = Pipe()
    p.standardInput = inp
    p.standardOutput = out
    try p.run()
    inp.fileHandleForWriting.write(Data(text.utf8))
    try inp.fileHandleForWriting.close()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return p.terminationStatus == 0 ? Array(data) : nil
}

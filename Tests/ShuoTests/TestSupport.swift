import Foundation
import XCTest
@testable import Shuo

/// Runs the built `shuo` binary, for tests of the command line as a user meets it.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) }
        var lines: [String] { out.split(separator: "\n").map(String.init) }
        func json() throws -> [JSONValue] { try lines.map { try JSONParser.parse($0) } }
    }

    /// The folder holding the test bundle holds the products too.
    static var binary: URL {
        let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL
            ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return bundle.deletingLastPathComponent().appendingPathComponent("shuo")
    }

    static func run(_ args: [String], stdin: Data? = nil, cwd: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = stdin == nil ? FileHandle.nullDevice : inp
        try p.run()
        if let stdin {
            // Write from another thread: a large input would otherwise deadlock on full pipes.
            DispatchQueue.global().async {
                inp.fileHandleForWriting.write(stdin)
                try? inp.fileHandleForWriting.close()
            }
        }
        var outData = Data(), errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh folder for files a test makes.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("shuo-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The repository root, for tests that read Corpora/ or ../shared.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sharedFolder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

func requireShared(_ relative: String) throws -> URL {
    let url = sharedFolder.appendingPathComponent(relative)
    guard FileManager.default.fileExists(atPath: url.path) else {
        throw XCTSkip("../shared/\(relative) is absent (a fresh clone has no ../shared); skipping")
    }
    return url
}

/// Checks the spec's promise that every span's text is the slice of the document text.
func assertSpansSlice(_ line: JSONValue, file: StaticString = #filePath, testLine: UInt = #line) {
    guard let text = line["text"]?.string else { return XCTFail("no text", file: file, line: testLine) }
    let scalars = Array(text.unicodeScalars)
    func check(_ span: JSONValue?) {
        guard let span, let s = span["start"]?.int, let e = span["end"]?.int else { return }
        XCTAssertTrue(0 <= s && s <= e && e <= scalars.count, "span \(s)..<\(e) outside text", file: file, line: testLine)
        guard 0 <= s && s <= e && e <= scalars.count else { return }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[s..<e])
        XCTAssertEqual(span["text"]?.string, String(v), "span \(s)..<\(e)", file: file, line: testLine)
    }
    for e in line["entities"]?.array ?? [] { check(e) }
    for q in line["quotes"]?.array ?? [] {
        check(q)
        if let cue = q["cue"], !cue.isNull { check(cue) }
    }
}

/// The seed gold's text and its spans of one entity type; skips the test when the gold is absent.
func seedGold(_ type: EntityType) throws -> (text: String, spans: Set<Span>) {
    let gold = repositoryRoot.appendingPathComponent("Corpora/seed/000_e77ddd7cd213d071.gold.jsonl")
    guard let data = try? String(contentsOf: gold, encoding: .utf8),
          let line = data.split(separator: "\n").first else {
        throw XCTSkip("seed gold is absent")
    }
    let json = try JSONParser.parse(String(line))
    guard let text = json["text"]?.string, let ents = json["entities"]?.array else {
        throw LexiconError("seed gold has no text or entities")  // an error, so the test fails
    }
    let spans = Set(ents.filter { $0["type"]?.string == type.rawValue }.compactMap { e -> Span? in
        guard let s = e["start"]?.int, let t = e["end"]?.int else { return nil }
        return Span(s, t)
    })
    return (text, spans)
}

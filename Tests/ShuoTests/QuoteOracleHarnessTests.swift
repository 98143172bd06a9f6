import Foundation
import XCTest
@testable import Shuo

/// A measuring aid, not a regression test: runs the quote stages over spec gold JSONL with the
/// gold's own entities and people (so quote and speaker rules are measured apart from the
/// entity stages) and writes predictions. Skips unless both variables are set:
///   QUOTE_ORACLE_GOLD=/tmp/news.gold.jsonl QUOTE_ORACLE_OUT=/tmp/pred.jsonl \
///     swift test --scratch-path .build-q --filter QuoteOracleHarnessTests
final class QuoteOracleHarnessTests: XCTestCase {
    func testRunQuoteStagesWithGoldEntities() throws {
        let env = ProcessInfo.processInfo.environment
        guard let goldPath = env["QUOTE_ORACLE_GOLD"], let outPath = env["QUOTE_ORACLE_OUT"] else {
            throw XCTSkip("set QUOTE_ORACLE_GOLD and QUOTE_ORACLE_OUT to run the oracle-entity quote harness")
        }
        let context = StageContext()
        let stages: [any Stage] = [ParagraphStage(), try SentenceStage(), try QuoteScanStage(context: context),
                                   try QuoteKindStage(context: context), try AttributionStage(context: context)]
        let writer = DocumentWriter()
        var out = Data()
        let contents = try String(contentsOfFile: goldPath, encoding: .utf8)
        for line in contents.split(separator: "\n") where !line.isEmpty {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = obj["id"] as? String, let text = obj["text"] as? String else { continue }
            var doc = Document(id: id, text: text)
            var byId: [String: Span] = [:]
            for e in obj["entities"] as? [[String: Any]] ?? [] {
                guard let t = e["type"] as? String, let type = EntityType(rawValue: t),
                      let a = e["start"] as? Int, let b = e["end"] as? Int else { continue }
                doc.entities.append(Entity(type, Span(a, b)))
                if let eid = e["id"] as? String { byId[eid] = Span(a, b) }
            }
            for p in obj["people"] as? [[String: Any]] ?? [] {
                guard let name = p["name"] as? String else { continue }
                let mentions = (p["mentions"] as? [String] ?? []).compactMap { byId[$0] }
                doc.people.append(Person(name: name, mentions: mentions))
            }
            for stage in stages { stage.process(&doc) }
            out.append(contentsOf: writer.line(for: doc))
        }
        try out.write(to: URL(fileURLWithPath: outPath))
    }
}

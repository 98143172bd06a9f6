extension StageRegistry {
    /// Quote scanning, classification and attribution stages, in run order.
    static let quoteEntries: [Entry] = [
        Entry(name: "quotes", summary: "quote marks paired over the raw text (nesting, multi-paragraph, unclosed)",
              requires: ["paragraphs"], make: { try QuoteScanStage(context: $0) }),
        Entry(name: "quote-kinds", summary: "direct speech vs term (scare quotes, names, slogans)",
              requires: ["quotes", "sentences"], make: { try QuoteKindStage(context: $0) }),
        Entry(name: "speakers", summary: "attribute direct quotes to speakers by ordered rules",
              requires: ["quote-kinds", "people"], make: { try AttributionStage(context: $0) }),
    ]
}

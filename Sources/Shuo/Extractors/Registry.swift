extension StageRegistry {
    /// The extractor and attribution stages, in run order: entities first, since quote
    /// attribution links quotes to the people they find.
    static var extractorEntries: [Entry] { entityEntries + quoteEntries }
}

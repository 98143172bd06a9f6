extension StageRegistry {
    /// Quote scanning, classification and attribution stages, in run order.
    static let quoteEntries: [Entry] = []
}

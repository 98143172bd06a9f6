extension StageRegistry {
    /// TITLE, PERSON, ORG and people stages, in run order.
    static let entityEntries: [Entry] = []
}

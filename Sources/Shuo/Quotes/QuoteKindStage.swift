/// Placeholder until the stage is written: adds nothing.
public struct QuoteKindStage: Stage {
    public let name = "quote-kinds"
    public init(context: StageContext) throws {}
    public func process(_ document: inout Document) {}
}

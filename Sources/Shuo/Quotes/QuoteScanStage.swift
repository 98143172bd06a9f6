/// Placeholder until the stage is written: adds nothing.
public struct QuoteScanStage: Stage {
    public let name = "quotes"
    public init(context: StageContext) throws {}
    public func process(_ document: inout Document) {}
}

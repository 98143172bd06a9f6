/// Placeholder until the stage is written: adds nothing.
public struct AttributionStage: Stage {
    public let name = "speakers"
    public init(context: StageContext) throws {}
    public func process(_ document: inout Document) {}
}

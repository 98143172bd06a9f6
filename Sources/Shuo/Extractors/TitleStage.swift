/// Placeholder until the stage is written: adds nothing.
public struct TitleStage: Stage {
    public let name = "titles"
    public init(context: StageContext) throws {}
    public func process(_ document: inout Document) {}
}

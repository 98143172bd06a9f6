/// Placeholder until the stage is written: adds nothing.
public struct PersonStage: Stage {
    public let name = "persons"
    public init(context: StageContext) throws {}
    public func process(_ document: inout Document) {}
}

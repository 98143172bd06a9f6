/// Placeholder until the stage is written: adds nothing.
public struct PeopleStage: Stage {
    public let name = "people"
    public init(context: StageContext) throws {}
    public func process(_ document: inout Document) {}
}

/// Placeholder until the stage is written: adds nothing.
public struct OrgStage: Stage {
    public let name = "orgs"
    public init(context: StageContext) throws {}
    public func process(_ document: inout Document) {}
}

extension StageRegistry {
    /// TITLE, ORG, PERSON and people stages, in run order: titles and organizations first,
    /// because a name is most often found right after them.
    static let entityEntries: [Entry] = [
        Entry(name: "titles", summary: "TITLE: fixed titles, title heads with modifiers, chains joined by 、",
              requires: ["words"], make: { try TitleStage(context: $0) }),
        Entry(name: "orgs", summary: "ORG: organization names, longest match, sub-units included",
              requires: ["words", "titles"], make: { try OrgStage(context: $0) }),
        Entry(name: "persons", summary: "PERSON: Han, transliterated and byline names",
              requires: ["words", "titles", "orgs"], make: { try PersonStage(context: $0) }),
        Entry(name: "people", summary: "people: group a person's mentions, attach apposed titles and their orgs",
              requires: ["persons"], make: { try PeopleStage(context: $0) }),
    ]
}

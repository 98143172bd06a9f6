/// people: groups the PERSON mentions of one person and attaches the titles written in
/// apposition to any of them (annotation-spec §2).
///
/// - Mentions with the same name (spaces inside a byline name ignored) are one person.
///   A short mention joins a longer name when it is unambiguous: the 2-character given name of
///   exactly one 3-character Han name in the document (海东 → 贺海东), or the last part of
///   exactly one dotted name (阿里 → 穆罕默德·阿里).
/// - `Person.name` is the fullest mention's text, without byline spaces.
/// - Titles: the TITLE entities chained right before a mention (joined by 、, 兼 or nothing,
///   each with the ORG right before it), and a TITLE right after it (何伟委员). In a byline
///   (本报记者 王皓 孟和朝鲁) and in a list of names joined by 、 the title before the first
///   name holds for every name of the run.
public struct PeopleStage: Stage {
    public let name = "people"

    public init(context: StageContext) throws {}

    public func process(_ document: inout Document) {
        let s = document.scalars
        let entities = document.entities.sorted { $0.span < $1.span }
        let persons = entities.filter { $0.type == .person }
        guard !persons.isEmpty else { return }
        var byEnd: [Int: Int] = [:]
        var byStart: [Int: Int] = [:]
        for (k, e) in entities.enumerated() {
            byEnd[e.span.end] = k
            byStart[e.span.start] = k
        }

        func key(_ span: Span) -> [Unicode.Scalar] {
            s[span.range].filter { !NameChars.isInlineSpace($0) }
        }

        // Group by name; then short forms into a unique longer name.
        var groups: [[Unicode.Scalar]: [Span]] = [:]
        var order: [[Unicode.Scalar]] = []
        for p in persons {
            let k = key(p.span)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(p.span)
        }
        for k in order where k.count == 2 {
            let owners = order.filter { o in
                guard o != k else { return false }
                if o.count == 3, Array(o[1...]) == k { return true }
                if let dot = o.lastIndex(where: { NameChars.isNameDot($0) }), Array(o[(dot + 1)...]) == k { return true }
                return false
            }
            if owners.count == 1, let spans = groups[k] {
                groups[owners[0], default: []].append(contentsOf: spans)
                groups[k] = nil
            }
        }

        var people: [Person] = []
        for k in order {
            guard let spans = groups[k]?.sorted() else { continue }
            var titles: [HeldTitle] = []
            var seen = Set<Span>()
            for m in spans {
                for t in apposedTitles(of: m, s: s, entities: entities, byEnd: byEnd, byStart: byStart)
                where seen.insert(t.title).inserted {
                    titles.append(t)
                }
            }
            titles.sort { $0.title < $1.title }
            let fullest = spans.max { key($0).count < key($1).count } ?? spans[0]
            var view = String.UnicodeScalarView()
            view.append(contentsOf: key(fullest))
            people.append(Person(name: String(view), mentions: spans, titles: titles))
        }
        people.sort { ($0.mentions.first ?? Span(0, 0)) < ($1.mentions.first ?? Span(0, 0)) }
        document.people = people
    }

    /// Titles in apposition to the mention `m`.
    func apposedTitles(of m: Span, s: [Unicode.Scalar], entities: [Entity],
                       byEnd: [Int: Int], byStart: [Int: Int]) -> [HeldTitle] {
        var out: [HeldTitle] = []
        // Leftwards: skip earlier names of a byline or list, then take the chain of titles.
        var pos = m.start
        while true {
            var p = pos
            var gap = 0
            while p > 0, NameChars.isInlineSpace(s[p - 1]) { p -= 1; gap += 1 }
            if let k = byEnd[p], entities[k].type == .person, gap > 0 {
                // byline: 本报记者 王皓 孟和朝鲁
                pos = entities[k].span.start
                continue
            }
            if p > 0, s[p - 1] == "、", let k = byEnd[p - 1], entities[k].type == .person {
                // a list of names sharing the title before it: 记者陈昭、王芳
                pos = entities[k].span.start
                continue
            }
            pos = p
            break
        }
        while pos > 0, let k = byEnd[pos], entities[k].type == .title {
            let t = entities[k].span
            var org: Span?
            if let o = byEnd[t.start], entities[o].type == .org { org = entities[o].span }
            out.append(HeldTitle(title: t, org: org))
            var next = org?.start ?? t.start
            // Chain joiners: 、 or 兼, or titles written side by side.
            if next > 0, s[next - 1] == "、" || s[next - 1] == "兼" { next -= 1 }
            if next == pos { break }
            if next > 0, byEnd[next] == nil || entities[byEnd[next]!].type != .title {
                // Organization material the ORG stage did not cover: look past it, within the
                // chain, for 、 or 兼 after a TITLE (全国政协委员、<material>专家).
                var q = next
                var steps = 0
                while q > 0, steps < 24, NameChars.isHan(s[q - 1]) || "()（）".unicodeScalars.contains(s[q - 1]) {
                    q -= 1
                    steps += 1
                    if q > 0, s[q - 1] == "、" || s[q - 1] == "兼", let k2 = byEnd[q - 1], entities[k2].type == .title {
                        next = q - 1
                        break
                    }
                    if let k2 = byEnd[q], entities[k2].type != .org { break }
                }
            }
            pos = next
        }
        // Rightwards: a title right after the name (何伟委员).
        if let k = byStart[m.end], entities[k].type == .title {
            let t = entities[k].span
            out.append(HeldTitle(title: t, org: nil))
        }
        return out
    }
}

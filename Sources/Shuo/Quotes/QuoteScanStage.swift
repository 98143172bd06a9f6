/// Pairs quote marks over the raw code points, one linear pass per document.
///
/// Marks: “ ” ‘ ’ 「 」 『 』 ﹃ ﹄ ﹁ ﹂ and ASCII " (and ASCII ' where it cannot be an
/// apostrophe). 《》 is never a quote. One level of nesting inside another quote is kept
/// (`depth` 1); deeper opening marks are ignored. A quotation running over several paragraphs
/// (GB/T 15834: each paragraph re-opened with the same mark, only the last closed) is one
/// quote from its first content character to its last. A quote still open at the end of its
/// paragraph (and not re-opened by the next one) ends there and is flagged `unclosed`.
/// Unbalanced or mismatched marks never fail: a stray closing mark is ignored, and an opening
/// mark that repeats the kind still open at the same level ends the earlier quote there.
public struct QuoteScanStage: Stage {
    public let name = "quotes"
    public init(context: StageContext) throws {}
    public init() {}

    public func process(_ document: inout Document) {
        if document.paragraphs.isEmpty && !document.scalars.isEmpty {
            document.paragraphs = ParagraphStage.paragraphs(of: document.scalars)
        }
        var found = Self.scan(document.scalars, paragraphs: document.paragraphs)
        found.sort { $0.span.start != $1.span.start ? $0.span.start < $1.span.start : $0.depth < $1.depth }
        document.quotes = found
    }

    // MARK: marks

    enum MarkKind: UInt8 {
        case doubleCurly, singleCurly, corner, whiteCorner, vertical, verticalSingle, asciiDouble, asciiSingle
    }

    enum Role { case open, close, toggle }

    /// What the code point at `i` is as a quote mark, if anything.
    @inline(__always)
    static func mark(_ s: [Unicode.Scalar], _ i: Int) -> (MarkKind, Role)? {
        switch s[i].value {
        case 0x201C: return (.doubleCurly, .open)
        case 0x201D: return (.doubleCurly, .close)
        case 0x2018: return (.singleCurly, .open)
        case 0x2019: return (.singleCurly, .close)
        case 0x300C: return (.corner, .open)
        case 0x300D: return (.corner, .close)
        case 0x300E: return (.whiteCorner, .open)
        case 0x300F: return (.whiteCorner, .close)
        case 0xFE43: return (.vertical, .open)
        case 0xFE44: return (.vertical, .close)
        case 0xFE41: return (.verticalSingle, .open)
        case 0xFE42: return (.verticalSingle, .close)
        case 0x22: return (.asciiDouble, .toggle)
        case 0x27: return (.asciiSingle, .toggle)
        default: return nil
        }
    }

    /// Latin letters and digits: an apostrophe sits between these (it’s, don't, ’98).
    @inline(__always)
    static func isWordChar(_ s: Unicode.Scalar?) -> Bool {
        guard let v = s?.value else { return false }
        switch v {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return true
        default: return false
        }
    }

    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar?) -> Bool {
        guard let v = s?.value else { return false }
        return (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v)
    }

    // MARK: scan

    struct Open {
        var kind: MarkKind
        var mark: Int
        var contentStart: Int
    }

    static func scan(_ s: [Unicode.Scalar], paragraphs: [Span]) -> [Quote] {
        var out: [Quote] = []
        var stack: [Open] = []           // at most two: an outer quote and one nested in it
        stack.reserveCapacity(2)
        @inline(__always) func at(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < s.count ? s[i] : nil }

        func emitUnclosed(_ o: Open, end: Int, depth: Int) {
            var e = end
            while e > o.contentStart && ParagraphStage.isBlank(s[e - 1]) { e -= 1 }
            guard e > o.contentStart else { return }
            out.append(Quote(kind: .term, span: Span(o.contentStart, e), open: Span(o.mark, o.mark + 1),
                             close: nil, unclosed: true, depth: depth))
        }

        var p = 0
        while p < paragraphs.count {
            let para = paragraphs[p]
            var i = para.start
            // A paragraph that re-opens the quotation still open from the previous one.
            if let outer = stack.first, para.start < s.count,
               let (kind, role) = mark(s, para.start), kind == outer.kind, role != .close {
                i = para.start + 1
            } else if !stack.isEmpty {
                // Not re-opened: whatever was open ended with the previous paragraph.
                let prev = paragraphs[p - 1]
                if stack.count == 2 { emitUnclosed(stack[1], end: prev.end, depth: 1) }
                emitUnclosed(stack[0], end: prev.end, depth: 0)
                stack.removeAll(keepingCapacity: true)
            }
            while i < para.end {
                guard let (kind, role0) = mark(s, i) else { i += 1; continue }
                var role = role0
                switch kind {
                case .asciiDouble:
                    role = stack.contains(where: { $0.kind == .asciiDouble }) ? .close : .open
                case .asciiSingle:
                    let prev = at(i - 1), next = at(i + 1)
                    if isWordChar(prev) && isWordChar(next) { i += 1; continue }   // don't, it's
                    if stack.contains(where: { $0.kind == .asciiSingle }) {
                        if isWordChar(next) { i += 1; continue }
                        role = .close
                    } else {
                        // ’98 / '98: an elided year, not a quotation.
                        if isDigit(next) && isDigit(at(i + 2)) && !isDigit(at(i + 3)) { i += 1; continue }
                        if isWordChar(prev) { i += 1; continue }                       // students'
                        if next == nil || next == " " || (next.map(isLineBreak) ?? true) { i += 1; continue }
                        role = .open
                    }
                case .singleCurly where role == .close:
                    // An apostrophe typed as ’ (it’s, ’98) unless a ‘ is open and this closes it.
                    let open = stack.contains(where: { $0.kind == .singleCurly })
                    if isWordChar(at(i - 1)) && isWordChar(at(i + 1)) { i += 1; continue }
                    if !open { i += 1; continue }
                default: break
                }
                if role == .open {
                    if let top = stack.last, top.kind == kind {
                        // The same mark again at the same level: the earlier quote ends here.
                        emitUnclosed(top, end: i, depth: stack.count - 1)
                        stack.removeLast()
                    }
                    if stack.count < 2 {
                        stack.append(Open(kind: kind, mark: i, contentStart: i + 1))
                    }
                } else if let idx = stack.lastIndex(where: { $0.kind == kind }) {
                    if idx == 0 && stack.count == 2 {
                        // Closing the outer quote with a nested one still open: the nested one ends here.
                        emitUnclosed(stack[1], end: i, depth: 1)
                    }
                    let o = stack[idx]
                    out.append(Quote(kind: .term, span: Span(o.contentStart, i), open: Span(o.mark, o.mark + 1),
                                     close: Span(i, i + 1), unclosed: false, depth: idx))
                    stack.removeSubrange(idx...)
                }
                i += 1
            }
            // A nested quote never runs past its paragraph.
            if stack.count == 2 {
                emitUnclosed(stack[1], end: para.end, depth: 1)
                stack.removeLast()
            }
            p += 1
        }
        if let last = paragraphs.last, !stack.isEmpty {
            if stack.count == 2 { emitUnclosed(stack[1], end: last.end, depth: 1) }
            emitUnclosed(stack[0], end: last.end, depth: 0)
        }
        return out
    }
}

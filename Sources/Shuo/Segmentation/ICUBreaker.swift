import CICU

/// A pool of ICU break iterators of one kind. Opening one loads rules and dictionaries, so
/// each is reused across documents; a pool rather than one per thread because the pipeline's
/// threads are not ours to name.
final class BreakerPool: @unchecked Sendable {
    private let kind: Int32
    private let locale: String
    private var idle: [OpaquePointer] = []
    private let lock = Mutex()

    init(kind: Int32, locale: String = "zh") throws {
        self.kind = kind
        self.locale = locale
        // Open one now so a broken ICU install fails at start-up, not on the first document.
        idle.append(try open())
    }

    deinit {
        for b in idle { cicu_breaker_close(b) }
    }

    private func open() throws -> OpaquePointer {
        var status: Int32 = 0
        guard let b = cicu_breaker_open(kind, locale, &status) else {
            throw PipelineError.icu("cannot open ICU break iterator (ICU error \(status)); is libicu installed?")
        }
        return b
    }

    /// Calls `body` with each boundary after the start (UTF-16 offsets, ascending) and the rule
    /// status of the segment that ends there.
    func forEachBoundary(_ text: UTF16Text, _ body: (Int, Int32) -> Void) {
        let breaker: OpaquePointer
        lock.lock()
        if let b = idle.popLast() {
            lock.unlock()
            breaker = b
        } else {
            lock.unlock()
            guard let b = try? open() else { return }
            breaker = b
        }
        defer {
            lock.lock()
            idle.append(breaker)
            lock.unlock()
        }
        text.units.withUnsafeBufferPointer { buf in
            guard cicu_breaker_set_text(breaker, buf.baseAddress, Int32(buf.count)) == 0 else { return }
            let capacity: Int32 = 512
            var bounds = [Int32](repeating: 0, count: Int(capacity))
            var statuses = [Int32](repeating: 0, count: Int(capacity))
            while true {
                let n = cicu_breaker_next_batch(breaker, &bounds, &statuses, capacity)
                if n <= 0 { break }
                for i in 0..<Int(n) { body(Int(bounds[i]), statuses[i]) }
            }
        }
    }
}

/// A document's text in UTF-16 for ICU, with the way back to code point offsets.
struct UTF16Text {
    var units: [UInt16]
    /// For each UTF-16 offset, the code point offset; empty when the text is all BMP, where
    /// the two are the same.
    private var toScalar: [Int32]

    init(_ scalars: [Unicode.Scalar]) {
        var units = [UInt16]()
        units.reserveCapacity(scalars.count)
        var hasSupplementary = false
        for s in scalars {
            if s.value < 0x10000 {
                units.append(UInt16(truncatingIfNeeded: s.value))
            } else {
                hasSupplementary = true
                let v = s.value - 0x10000
                units.append(UInt16(0xD800 + (v >> 10)))
                units.append(UInt16(0xDC00 + (v & 0x3FF)))
            }
        }
        self.units = units
        self.toScalar = []
        if hasSupplementary {
            var map = [Int32]()
            map.reserveCapacity(units.count + 1)
            for (i, s) in scalars.enumerated() {
                map.append(Int32(i))
                if s.value >= 0x10000 { map.append(Int32(i)) }
            }
            map.append(Int32(scalars.count))
            self.toScalar = map
        }
    }

    @inline(__always)
    func scalarOffset(_ utf16Offset: Int) -> Int {
        toScalar.isEmpty ? utf16Offset : Int(toScalar[utf16Offset])
    }
}

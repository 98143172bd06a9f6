import Foundation

/// A sequence of stages applied to each document.
public struct Pipeline: Sendable {
    public let stages: [any Stage]

    public init(stages: [any Stage]) {
        self.stages = stages
    }

    public init(stageNames: [String]? = nil, context: StageContext = StageContext()) throws {
        self.stages = try StageRegistry.build(stageNames, context: context)
    }

    public func process(_ document: inout Document) {
        guard document.error == nil else { return }
        for stage in stages { stage.process(&document) }
    }

    public func annotate(_ document: Document) -> Document {
        var d = document
        process(&d)
        return d
    }
}

/// Runs `work` over a stream of items on `jobs` threads and hands results to `consume` in
/// input order. At most `window` items, and about `byteBudget` bytes of input, are in flight,
/// so memory stays flat however long the stream.
public final class OrderedParallelRunner<In, Out>: @unchecked Sendable {
    public let jobs: Int
    public let window: Int
    public let byteBudget: Int

    private let cond = NSCondition()
    private var queue: [(Int, In)?] = []
    private var queueHead = 0
    private var results: [Int: Out] = [:]
    private var closed = false

    public init(jobs: Int, window: Int? = nil, byteBudget: Int = 32 << 20) {
        self.jobs = max(1, jobs)
        self.window = window ?? max(4, self.jobs * 8)
        self.byteBudget = byteBudget
    }

    /// - Parameters:
    ///   - next: the next item and its size in bytes, or nil at the end.
    ///   - work: runs on a worker thread.
    ///   - consume: runs on the calling thread, in input order; returning false stops early.
    public func run(next: () -> (In, Int)?, work: @escaping @Sendable (In) -> Out, consume: (Out) -> Bool) {
        if jobs == 1 {
            while let (item, _) = next() {
                if !consume(work(item)) { return }
            }
            return
        }
        var threads: [Thread] = []
        for _ in 0..<jobs {
            let t = Thread { [self] in self.workerLoop(work) }
            t.stackSize = 8 << 20
            threads.append(t)
            t.start()
        }
        defer {
            cond.lock()
            closed = true
            cond.broadcast()
            cond.unlock()
        }
        var submitted = 0
        var emitted = 0
        var sizes: [Int: Int] = [:]
        var inFlightBytes = 0

        // Waits for the next result in order and consumes it; false means stop.
        func emitOne() -> Bool {
            cond.lock()
            while results[emitted] == nil { cond.wait() }
            let out = results.removeValue(forKey: emitted)!
            cond.unlock()
            inFlightBytes -= sizes.removeValue(forKey: emitted) ?? 0
            emitted += 1
            return consume(out)
        }

        while let (item, size) = next() {
            while submitted - emitted >= window || (submitted > emitted && inFlightBytes + size > byteBudget) {
                if !emitOne() { return }
            }
            sizes[submitted] = size
            inFlightBytes += size
            cond.lock()
            queue.append((submitted, item))
            cond.signal()
            cond.unlock()
            submitted += 1
            // Hand over finished results early so output streams while input is still read.
            while emitted < submitted {
                cond.lock()
                let ready = results[emitted] != nil
                cond.unlock()
                if !ready { break }
                if !emitOne() { return }
            }
        }
        while emitted < submitted {
            if !emitOne() { return }
        }
    }

    private func workerLoop(_ work: (In) -> Out) {
        while true {
            cond.lock()
            while queueHead >= queue.count && !closed { cond.wait() }
            if queueHead >= queue.count && closed {
                cond.unlock()
                return
            }
            let (seq, item) = queue[queueHead]!
            // Let go of the input now: it may be a large document.
            queue[queueHead] = nil
            queueHead += 1
            if queueHead > 1024 && queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            cond.unlock()
            let out = work(item)
            cond.lock()
            results[seq] = out
            cond.broadcast()
            cond.unlock()
        }
    }
}

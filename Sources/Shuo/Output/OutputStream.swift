import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Buffered writing to a file descriptor that notices a closed pipe (`| head`) instead of
/// dying of SIGPIPE, so the caller can stop quietly.
public final class ByteSink {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// Set once a write failed; later writes are dropped.
    public private(set) var broken = false
    public private(set) var failure: String?

    public init(fd: Int32 = STDOUT_FILENO, capacity: Int = 1 << 16) {
        self.fd = fd
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    /// Ignore SIGPIPE process-wide so that a closed pipe shows up as EPIPE on write.
    public static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Returns false once the output is gone.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        if broken { return false }
        if buffer.count + bytes.count > capacity {
            flush()
            if broken { return false }
            if bytes.count >= capacity { return writeAll(bytes) }
        }
        buffer.append(contentsOf: bytes)
        return true
    }

    @discardableResult
    public func write(_ string: String) -> Bool { write(Array(string.utf8)) }

    @discardableResult
    public func flush() -> Bool {
        if broken { return false }
        if buffer.isEmpty { return true }
        let ok = writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
        return ok
    }

    private func writeAll(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    broken = true
                    if errno != EPIPE { failure = String(cString: strerror(errno)) }
                    return false
                }
                offset += n
            }
            return true
        }
    }
}

/// Messages for the user, on stderr only.
public enum Diagnostics {
    public static func error(_ message: String) {
        FileHandle.standardError.write(Data("shuo: \(message)\n".utf8))
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How input streams are cut into documents.
public enum InputMode: String, Sendable, CaseIterable {
    /// A whole file (or all of stdin) is one document.
    case text
    /// Every non-blank line is one document, id `PATH:LINE`.
    case lines
    /// Every line is a JSON object with `text` (and usually `id`); other fields pass through.
    case jsonl
}

/// A document as read, before decoding: decoding runs on the worker threads.
public struct RawDocument: Sendable {
    public enum Payload: Sendable {
        case bytes(ByteBox, TextEncoding)
        case jsonLine([UInt8])
        case failed(DocumentError)
    }

    /// Input bytes that decoding hands back as soon as it is done with them: the runner holds
    /// the raw document until its whole annotation returns, and for one large file those bytes
    /// would otherwise stay alive next to the decoded text the whole time.
    public final class ByteBox: @unchecked Sendable {
        fileprivate var bytes: [UInt8]
        public let count: Int
        public init(_ bytes: [UInt8]) {
            self.bytes = bytes
            count = bytes.count
        }
    }

    public static func text(id: String, bytes: [UInt8], encoding: TextEncoding) -> RawDocument {
        RawDocument(id: id, payload: .bytes(ByteBox(bytes), encoding))
    }

    public var id: String
    public var payload: Payload

    public var byteCount: Int {
        switch payload {
        case .bytes(let box, _): box.count
        case .jsonLine(let b): b.count
        case .failed: 0
        }
    }

    /// Decodes (or parses) into a document ready for the stages; failures become error documents.
    public func decode() -> Document {
        switch payload {
        case .failed(let error):
            return Document(id: id, error: error)
        case .bytes(let box, let encoding):
            let bytes = box.bytes
            box.bytes = []
            switch TextDecoder.decode(bytes, encoding: encoding) {
            case .success(let scalars): return Document(id: id, scalars: scalars)
            case .failure(let f): return Document(id: id, error: f.documentError)
            }
        case .jsonLine(let bytes):
            return Self.parseJSONLine(bytes, fallbackID: id)
        }
    }

    static func parseJSONLine(_ bytes: [UInt8], fallbackID: String) -> Document {
        bytes.withUnsafeBufferPointer { buf in
            let fields: [(key: String, value: JSONValue, raw: Range<Int>)]
            do {
                fields = try JSONParser.parseObjectFields(buf)
            } catch {
                return Document(id: fallbackID, error: DocumentError(code: "bad-json", message: "not a JSON object: \(error)"))
            }
            var id = fallbackID
            var text: String?
            var passthrough: [(key: String, json: String)] = []
            for f in fields {
                switch f.key {
                case "id":
                    if let s = f.value.string { id = s } else if case .number(let n) = f.value { id = n }
                case "text":
                    text = f.value.string
                    if text == nil {
                        return Document(id: id, error: DocumentError(code: "bad-json", message: "field 'text' is not a string"))
                    }
                default:
                    // Annotations a previous run wrote are recomputed, not passed through.
                    if ["entities", "quotes", "people", "error"].contains(f.key) { continue }
                    passthrough.append((f.key, String(decoding: UnsafeBufferPointer(rebasing: buf[f.raw]), as: UTF8.self)))
                }
            }
            guard let text else {
                return Document(id: id, error: DocumentError(code: "bad-json", message: "no 'text' field"), passthrough: passthrough)
            }
            return Document(id: id, text: text, passthrough: passthrough)
        }
    }
}

/// What to read and how.
public struct InputOptions: Sendable {
    public var paths: [String]
    public var mode: InputMode = .text
    public var encoding: TextEncoding = .utf8
    public var glob: String = "*.txt"

    public init(paths: [String], mode: InputMode = .text, encoding: TextEncoding = .utf8, glob: String = "*.txt") {
        self.paths = paths
        self.mode = mode
        self.encoding = encoding
        self.glob = glob
    }
}

/// Reads the inputs in order and yields raw documents one at a time, holding at most one
/// read buffer: a lines stream of any size passes through in constant memory.
public final class DocumentSource {
    public let options: InputOptions
    /// Called with a message for stderr about an input that yields no document at all.
    public var warn: (String) -> Void = { _ in }
    /// Whether an input failed without yielding an error document (e.g. an empty folder).
    public private(set) var hadFailure = false

    private var pending: [String] = []
    private var current: LineReader?
    private var currentPath = ""
    private var lineNumber = 0

    public init(options: InputOptions) {
        self.options = options
        self.pending = options.paths.reversed()
    }

    public func next() -> RawDocument? {
        while true {
            if let doc = queued.popLast() { return doc }
            if let reader = current {
                if let line = reader.nextLine() {
                    lineNumber += 1
                    let id = "\(currentPath):\(lineNumber)"
                    if options.mode == .lines {
                        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                        return RawDocument.text(id: id, bytes: line, encoding: options.encoding)
                    }
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                    return RawDocument(id: id, payload: .jsonLine(line))
                }
                if let error = reader.error {
                    current = nil
                    return RawDocument(id: currentPath, payload: .failed(DocumentError(code: "read-error", message: error)))
                }
                current = nil
            }
            guard let path = pending.popLast() else { return nil }
            if let doc = open(path) { return doc }
        }
    }

    /// Starts reading `path`. Returns a document for whole-file input or an error; nil when
    /// the path was expanded (a folder) or a line reader was set up.
    private func open(_ path: String) -> RawDocument? {
        if path != "-" {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                return RawDocument(id: path, payload: .failed(DocumentError(code: "not-found", message: "no such file or folder")))
            }
            if isDir.boolValue {
                let files = Self.files(in: path, glob: options.glob)
                if files.isEmpty {
                    warn("\(path): folder has no files matching '\(options.glob)'")
                    hadFailure = true
                }
                pending.append(contentsOf: files.reversed())
                return nil
            }
        }
        let fd = path == "-" ? STDIN_FILENO : Glibc.open(path, O_RDONLY)
        if fd < 0 {
            return RawDocument(id: path, payload: .failed(DocumentError(code: "read-error", message: String(cString: strerror(errno)))))
        }
        let streamLines = options.mode == .jsonl || (options.mode == .lines && options.encoding.isASCIICompatible)
        if streamLines {
            current = LineReader(fd: fd, closeWhenDone: path != "-")
            currentPath = path
            lineNumber = 0
            return nil
        }
        let result = Self.readAll(fd)
        if path != "-" { close(fd) }
        switch result {
        case .failure(let failure):
            return RawDocument(id: path, payload: .failed(DocumentError(code: "read-error", message: failure.message)))
        case .success(let bytes):
            if bytes.isEmpty { warn("\(path): empty input") }
            if options.mode == .lines {
                // Not ASCII-compatible (UTF-16/32): decode whole, then cut into lines.
                return splitDecodedLines(bytes, path: path)
            }
            return RawDocument.text(id: path, bytes: bytes, encoding: options.encoding)
        }
    }

    /// Lines of a stream that had to be decoded whole (UTF-16/32), waiting to be handed out.
    private var queued: [RawDocument] = []

    private func splitDecodedLines(_ bytes: [UInt8], path: String) -> RawDocument? {
        switch TextDecoder.decode(bytes, encoding: options.encoding) {
        case .failure(let f):
            return RawDocument(id: path, payload: .failed(f.documentError))
        case .success(let scalars):
            var n = 0
            var line: [UInt8] = []
            var docs: [RawDocument] = []
            func flush() {
                n += 1
                let trimmed = line.last == 0x0D ? Array(line.dropLast()) : line
                if !trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    docs.append(RawDocument.text(id: "\(path):\(n)", bytes: trimmed, encoding: .utf8))
                }
                line.removeAll(keepingCapacity: true)
            }
            for s in scalars {
                if s == "\n" { flush() } else { line.append(contentsOf: String(s).utf8) }
            }
            if !line.isEmpty { flush() }
            queued = docs.reversed()
            return nil
        }
    }

    static func readAll(_ fd: Int32) -> Result<[UInt8], ReadFailure> {
        var out = [UInt8]()
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            return .failure(ReadFailure(message: "is a folder"))
        }
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 {
            out.reserveCapacity(Int(st.st_size))
        }
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(message: String(cString: strerror(errno))))
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return .success(out)
    }

    /// Regular files under `root` whose name matches `glob`, recursively, in sorted order.
    static func files(in root: String, glob: String) -> [String] {
        var out: [String] = []
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        guard let e = FileManager.default.enumerator(atPath: root) else { return [] }
        while let rel = e.nextObject() as? String {
            let name = (rel as NSString).lastPathComponent
            guard fnmatch(glob, name, 0) == 0 else { continue }
            let full = base + "/" + rel
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                out.append(full)
            }
        }
        return out.sorted()
    }
}

/// Yields lines (without the LF) from a file descriptor, reading 256 KiB at a time.
class LineReader {
    private let fd: Int32
    private let closeWhenDone: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    private(set) var error: String?

    init(fd: Int32, closeWhenDone: Bool) {
        self.fd = fd
        self.closeWhenDone = closeWhenDone
    }

    deinit {
        if closeWhenDone && fd >= 0 { close(fd) }
    }

    func nextLine() -> [UInt8]? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<nl])
                if line.last == 0x0D { line.removeLast() }
                start = nl + 1
                return line
            }
            if eof {
                guard start < buffer.count else { return nil }
                var line = Array(buffer[start...])
                if line.last == 0x0D { line.removeLast() }
                start = buffer.count
                return line
            }
            fill()
        }
    }

    private func fill() {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let chunk = 1 << 18
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        var n: Int
        repeat {
            n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + old, chunk) }
        } while n < 0 && errno == EINTR
        if n < 0 {
            error = String(cString: strerror(errno))
            n = 0
        }
        buffer.removeLast(chunk - n)
        if n == 0 { eof = true }
    }
}

struct ReadFailure: Error {
    var message: String
}

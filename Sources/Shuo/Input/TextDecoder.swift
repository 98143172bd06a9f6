import CICU

/// How input bytes are turned into text.
public enum TextEncoding: Sendable, Equatable {
    /// UTF-8, or UTF-16 when the bytes start with a UTF-16 byte order mark.
    case utf8
    /// Any converter ICU knows by this name or alias (GB18030, GBK, Big5, UTF-16LE, Shift_JIS …).
    case named(String)
    /// ICU charset detection, falling back to UTF-8.
    case auto

    public init(argument: String) throws {
        switch argument.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "auto": self = .auto
        default:
            guard cicu_encoding_exists(argument) != 0 else {
                throw DecodeFailure(code: "unknown-encoding", message: "unknown encoding '\(argument)' (any ICU converter name, e.g. GB18030, GBK, Big5, UTF-16LE, or 'auto')")
            }
            self = .named(argument)
        }
    }

    /// Whether byte 0x0A always means a line feed, so that lines can be split before decoding.
    public var isASCIICompatible: Bool {
        switch self {
        case .utf8, .auto: return true
        case .named(let name):
            let n = name.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
            return !(n.hasPrefix("UTF16") || n.hasPrefix("UTF32") || n.hasPrefix("UCS") || n.hasPrefix("UNICODE"))
        }
    }
}

public struct DecodeFailure: Error, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var description: String { message }

    public var documentError: DocumentError { DocumentError(code: code, message: message) }
}

/// Decodes bytes into code points, reporting the byte offset of the first bad sequence.
public enum TextDecoder {
    public static func decode(_ bytes: UnsafeRawBufferPointer, encoding: TextEncoding) -> Result<[Unicode.Scalar], DecodeFailure> {
        switch encoding {
        case .utf8:
            if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
                return decodeICU(bytes, converter: "UTF-16")
            }
            return decodeUTF8(bytes)
        case .named(let name):
            let n = name.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
            if n == "UTF8" { return decodeUTF8(bytes) }
            return decodeICU(bytes, converter: name)
        case .auto:
            if bytes.isEmpty { return .success([]) }
            if case .success(let s) = decodeUTF8(bytes) { return .success(s) }
            var name = [CChar](repeating: 0, count: 64)
            let confidence = cicu_detect_encoding(bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), Int64(bytes.count), &name, 64)
            guard confidence >= 0 else {
                return .failure(DecodeFailure(code: "undetected-encoding", message: "could not detect the encoding; name it with --encoding"))
            }
            let detected = String(cString: name)
            return decodeICU(bytes, converter: detected).mapError {
                DecodeFailure(code: $0.code, message: "\($0.message) (encoding detected as \(detected), confidence \(confidence))")
            }
        }
    }

    public static func decode(_ bytes: [UInt8], encoding: TextEncoding) -> Result<[Unicode.Scalar], DecodeFailure> {
        bytes.withUnsafeBytes { decode($0, encoding: encoding) }
    }

    /// Strict UTF-8 (no overlongs, no surrogates), dropping a leading byte order mark.
    static func decodeUTF8(_ bytes: UnsafeRawBufferPointer) -> Result<[Unicode.Scalar], DecodeFailure> {
        let n = bytes.count
        var out = [Unicode.Scalar]()
        out.reserveCapacity(n)
        var i = 0
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        let p = bytes.bindMemory(to: UInt8.self)
        while i < n {
            let b0 = p[i]
            if b0 < 0x80 {
                if b0 == 0 {  // a NUL in text is a binary file, or UTF-16 read as UTF-8
                    return .failure(DecodeFailure(code: "binary", message: "binary data (NUL bytes) at byte \(i); not a text file"))
                }
                out.append(Unicode.Scalar(b0))
                i += 1
                continue
            }
            var value: UInt32
            var need: Int
            var minimum: UInt32
            switch b0 {
            case 0xC2...0xDF: value = UInt32(b0 & 0x1F); need = 1; minimum = 0x80
            case 0xE0...0xEF: value = UInt32(b0 & 0x0F); need = 2; minimum = 0x800
            case 0xF0...0xF4: value = UInt32(b0 & 0x07); need = 3; minimum = 0x10000
            default: return .failure(invalid(at: i))
            }
            guard i + need < n else { return .failure(DecodeFailure(code: "truncated-utf8", message: "truncated UTF-8 sequence at byte \(i) (end of input)")) }
            for k in 1...need {
                let b = p[i + k]
                guard b & 0xC0 == 0x80 else { return .failure(invalid(at: i)) }
                value = (value << 6) | UInt32(b & 0x3F)
            }
            guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value),
                  let scalar = Unicode.Scalar(value) else { return .failure(invalid(at: i)) }
            out.append(scalar)
            i += need + 1
        }
        return .success(out)
    }

    private static func invalid(at offset: Int) -> DecodeFailure {
        DecodeFailure(code: "invalid-utf8", message: "invalid UTF-8 at byte \(offset); name the encoding with --encoding (e.g. GB18030) or use --encoding auto")
    }

    static func decodeICU(_ bytes: UnsafeRawBufferPointer, converter: String) -> Result<[Unicode.Scalar], DecodeFailure> {
        if bytes.isEmpty { return .success([]) }
        let capacity = Int(cicu_utf16_capacity(Int64(bytes.count)))
        var units = [UInt16](repeating: 0, count: capacity)
        let result = units.withUnsafeMutableBufferPointer { dest in
            cicu_to_utf16(converter, bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), Int64(bytes.count), dest.baseAddress, Int64(capacity))
        }
        if result.status != 0 {
            if result.errorOffset >= 0 {
                return .failure(DecodeFailure(code: "invalid-bytes", message: "bytes not valid in \(converter) at byte \(result.errorOffset)"))
            }
            return .failure(DecodeFailure(code: "decode-failed", message: "cannot decode as \(converter) (ICU error \(result.status))"))
        }
        var out = [Unicode.Scalar]()
        out.reserveCapacity(Int(result.written))
        var i = 0
        let n = Int(result.written)
        // ICU emits a byte order mark as U+FEFF only for explicit-endian names; it is a
        // signature, not text.
        if n > 0 && units[0] == 0xFEFF { i = 1 }
        while i < n {
            let u = units[i]
            if u >= 0xD800 && u < 0xDC00 && i + 1 < n && units[i + 1] >= 0xDC00 && units[i + 1] < 0xE000 {
                let v = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                out.append(Unicode.Scalar(v)!)
                i += 2
            } else if let s = Unicode.Scalar(UInt32(u)) {
                out.append(s)
                i += 1
            } else {
                out.append("\u{FFFD}")
                i += 1
            }
        }
        return .success(out)
    }
}

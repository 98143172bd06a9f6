import Foundation

/// A plain lock; named so call sites read as what they guard rather than how.
typealias Mutex = NSLock

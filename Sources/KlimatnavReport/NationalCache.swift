import Foundation
import KlimatnavCore

/// The ``NationalPicture`` of a report's state, computed on first use and then shared by every
/// copy of the report (its party pages): pages without emissions never pay for it, and a page
/// that asks many times computes it once.
final class NationalCache: @unchecked Sendable {
    private let state: WorldState
    private let lock = NSLock()
    private var picture: NationalPicture?

    init(state: WorldState) { self.state = state }

    var value: NationalPicture {
        lock.lock()
        defer { lock.unlock() }
        if let picture { return picture }
        let computed = NationalPicture(state: state)
        picture = computed
        return computed
    }
}

import KlimatnavCore
import Synchronization

/// The ``NationalPicture`` of a report's state, computed on first use and then shared by every
/// copy of the report (its party pages): pages without emissions never pay for it, and a page
/// that asks many times computes it once.
final class NationalCache: Sendable {
    private let state: WorldState
    private let picture = Mutex<NationalPicture?>(nil)

    init(state: WorldState) { self.state = state }

    var value: NationalPicture {
        picture.withLock { picture in
            if let picture { return picture }
            let computed = NationalPicture(state: state)
            picture = computed
            return computed
        }
    }
}

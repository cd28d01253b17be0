import KlimatnavCore

extension Catalogue {
    /// The word for a follow-up status ("tilldelad", "avfärdad", ...).
    public func followUpStatus(_ status: FollowUpStatus) -> String {
        let key: Key =
            switch status {
            case .new: .followUpStatusNew
            case .acknowledged: .followUpStatusAcknowledged
            case .assigned: .followUpStatusAssigned
            case .dismissed: .followUpStatusDismissed
            case .reopened: .followUpStatusReopened
            }
        return self[key]
    }
}

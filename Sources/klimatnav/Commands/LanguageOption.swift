import Foundation
import KlimatnavReport

extension Language {
    /// The language the environment asks for: Swedish when `LC_ALL`, `LC_MESSAGES` or `LANG`
    /// (the first one set, as POSIX orders them) starts with `sv`, English otherwise.
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty { return value.hasPrefix("sv") ? .sv : .en }
        }
        return .en
    }
}

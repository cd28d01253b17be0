import Foundation
import KlimatnavCore
import ZeroMQ

/// The authorized party keys: a directory of `<party-id>.pub` files, mapped key → party.
///
/// Every file must be named after a party on the hub's roster and hold one valid key; two
/// parties may not share a key. Other files are ignored, and so is `hub.pub` (the hub's own
/// public key, often generated into the same directory) unless `hub` is a party.
public struct KeyRing: Sendable, Equatable {
    /// A problem that makes the directory unusable (named file and line where known).
    public struct Error: Swift.Error, CustomStringConvertible, Equatable {
        public let message: String
        public var description: String { message }
    }

    /// Party for each authorized public key (Z85).
    public private(set) var parties: [String: PartyID]

    /// An explicit ring (tests).
    public init(_ keys: [CurveKey: PartyID]) {
        parties = Dictionary(uniqueKeysWithValues: keys.map { ($0.key.z85, $0.value) })
    }

    /// Loads `directory`.
    /// - Throws: ``Error`` for an unreadable directory, a `.pub` file whose party is not on
    ///   `roster` (naming the file), a malformed file (naming file and line), a shared key.
    public static func load(directory: String, roster: Set<PartyID>) throws(Error) -> KeyRing {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw Error(message: "cannot read the keys directory \(directory): \(error.localizedDescription)")
        }
        var parties: [String: PartyID] = [:]
        for name in names where name.hasSuffix(".pub") {
            let stem = String(name.dropLast(4))
            let path = (directory as NSString).appendingPathComponent(name)
            guard let party = PartyID(stem), roster.contains(party) else {
                if stem == "hub" { continue }
                throw Error(message: "\(path): '\(stem)' is not a party on the hub's roster; remove the file or fix its name (<party-id>.pub)")
            }
            let key: CurveKey
            do {
                key = try KeyFile.readPublic(path)
            } catch {
                throw Error(message: "\(error)")
            }
            if let other = parties[key.z85] {
                throw Error(message: "\(path): the same key as \(other).pub; every party needs its own key pair")
            }
            parties[key.z85] = party
        }
        return KeyRing(parties: parties)
    }

    private init(parties: [String: PartyID]) { self.parties = parties }

    /// The party a key belongs to, if authorized.
    public func party(for keyZ85: String) -> PartyID? { parties[keyZ85] }

    public var count: Int { parties.count }
}

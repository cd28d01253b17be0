import Foundation
import KlimatnavCore
import ZeroMQ

/// The authorized keys: a directory of `<party-id>.pub` files, mapped key → party, and of
/// `<name>.subscriber.pub` files, mapped key → read-only subscriber (a dashboard: it may
/// subscribe to the PUB feed and nothing else; wire spec section 11.4).
///
/// Every party file must be named after a party on the hub's roster and hold one valid key;
/// a subscriber's name has the syntax of a party id; no two files may share a key. Other
/// files are ignored, and so is `hub.pub` (the hub's own public key, often generated into the
/// same directory) unless `hub` is a party.
public struct KeyRing: Sendable, Equatable {
    /// A problem that makes the directory unusable (named file and line where known).
    public struct Error: Swift.Error, CustomStringConvertible, Equatable {
        public let message: String
        public var description: String { message }
    }

    /// Party for each authorized public key (Z85).
    public private(set) var parties: [String: PartyID]
    /// Read-only subscriber name for each subscriber key (Z85).
    public private(set) var subscribers: [String: String] = [:]

    /// The file name suffix of a read-only subscriber's public key.
    public static let subscriberSuffix = ".subscriber.pub"

    /// An explicit ring (tests).
    public init(_ keys: [CurveKey: PartyID], subscribers: [CurveKey: String] = [:]) {
        parties = Dictionary(uniqueKeysWithValues: keys.map { ($0.key.z85, $0.value) })
        self.subscribers = Dictionary(uniqueKeysWithValues: subscribers.map { ($0.key.z85, $0.value) })
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
        var ring = KeyRing([:])
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(".pub") {
            let path = (directory as NSString).appendingPathComponent(name)
            if name.hasSuffix(subscriberSuffix) {
                let stem = String(name.dropLast(subscriberSuffix.count))
                guard PartyID(stem) != nil else {
                    throw Error(
                        message:
                            "\(path): '\(stem)' is not a subscriber name (lowercase ASCII letters, digits, '-'); rename the file <name>\(subscriberSuffix)"
                    )
                }
                let key = try read(path, sharing: files)
                files[key.z85] = name
                ring.subscribers[key.z85] = stem
                continue
            }
            let stem = String(name.dropLast(4))
            guard let party = PartyID(stem), roster.contains(party) else {
                if stem == "hub" { continue }
                throw Error(
                    message:
                        "\(path): '\(stem)' is not a party on the hub's roster; remove the file or fix its name (<party-id>.pub, or <name>\(subscriberSuffix) for a read-only subscriber)"
                )
            }
            let key = try read(path, sharing: files)
            files[key.z85] = name
            ring.parties[key.z85] = party
        }
        return ring
    }

    /// Reads one public key file; refuses a key another file already holds.
    private static func read(_ path: String, sharing files: [String: String]) throws(Error) -> CurveKey {
        let key: CurveKey
        do {
            key = try KeyFile.readPublic(path)
        } catch {
            throw Error(message: "\(error)")
        }
        if let other = files[key.z85] {
            throw Error(message: "\(path): the same key as \(other); every party and subscriber needs its own key pair")
        }
        return key
    }

    /// The party a key belongs to, if authorized.
    public func party(for keyZ85: String) -> PartyID? { parties[keyZ85] }

    /// The read-only subscriber a key belongs to, if authorized.
    public func subscriber(for keyZ85: String) -> String? { subscribers[keyZ85] }

    /// Authorized keys: parties and subscribers.
    public var count: Int { parties.count + subscribers.count }
}

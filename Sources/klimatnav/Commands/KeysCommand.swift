import ArgumentParser
import Foundation
import KlimatnavCore
import KlimatnavNode

/// `klimatnav keys`: CURVE key files for the hub and the parties.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage CURVE key files.",
        subcommands: [Generate.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a CURVE key pair: DIR/NAME.key (secret, mode 0600) and DIR/NAME.pub.",
            discussion: """
                Give a party's .pub file to the hub operator (it goes into the hub's --keys \
                directory); keep the .key file on the party's machine (node --key). For the hub \
                itself use --hub: hub.key is the hub's --secret-key, hub.pub goes to every node \
                (node --hub-key). For a read-only dashboard use --subscriber NAME: \
                NAME.subscriber.pub goes into the hub's --keys directory and lets `klimatnav serve \
                --key NAME.subscriber.key` follow the hub's feed, and do nothing else.
                """)

        @Option(help: "The party id the key pair is for.")
        var party: String?

        @Option(help: "A read-only subscriber (dashboard) name: writes NAME.subscriber.key and NAME.subscriber.pub.")
        var subscriber: String?

        @Flag(help: "Generate the hub's own key pair (hub.key, hub.pub).")
        var hub = false

        @Option(help: "The directory to write to.")
        var dir: String = "."

        @Flag(help: "Replace existing files (the old key stops working once replaced at the hub).")
        var force = false

        func validate() throws {
            if [hub, party != nil, subscriber != nil].filter({ $0 }).count != 1 {
                throw ValidationError("give exactly one of --party ID, --subscriber NAME or --hub")
            }
            if let party, PartyID(party) == nil {
                throw ValidationError("'\(party)' is not a party id (lowercase ASCII letters, digits, '-')")
            }
            if let subscriber, PartyID(subscriber) == nil {
                throw ValidationError("'\(subscriber)' is not a subscriber name (lowercase ASCII letters, digits, '-')")
            }
        }

        func run() throws {
            let name = party ?? subscriber.map { "\($0).subscriber" } ?? "hub"
            do {
                let result = try KeyFile.generate(name: name, directory: dir, force: force)
                print("wrote \(result.secretPath) (secret) and \(result.publicPath) (public key \(result.publicKey.z85))")
            } catch {
                throw CLIError("\(error)")
            }
        }
    }
}

import ArgumentParser
import Dispatch
import Foundation
import KlimatnavCore
import KlimatnavNode
import ZeroMQ

#if canImport(Glibc)
import Glibc
#endif

/// CURVE settings shared by `hub` and `node`.
enum HubSecurityOptions {
    /// Keys go together; without them only loopback (or ipc/inproc) endpoints are allowed,
    /// unless `--insecure`.
    static func validate(keys: String?, secretKey: String?, insecure: Bool, endpoints: [String]) throws {
        if (keys == nil) != (secretKey == nil) {
            throw ValidationError("--keys DIR and --secret-key FILE go together (CURVE needs both)")
        }
        if keys != nil && insecure { throw ValidationError("--insecure contradicts --keys; choose one") }
        guard keys == nil, !insecure else { return }
        let exposed = endpoints.filter { !isLoopback($0) }
        if !exposed.isEmpty {
            throw ValidationError(
                """
                refusing to listen on \(exposed.joined(separator: ", ")) without CURVE keys: anyone who \
                reaches it could speak for any party. Give --keys DIR --secret-key FILE (see \
                'klimatnav keys generate'), or --insecure on a trusted network.
                """)
        }
    }

    /// Whether an endpoint is reachable from this machine only.
    static func isLoopback(_ endpoint: String) -> Bool {
        if endpoint.hasPrefix("ipc://") || endpoint.hasPrefix("inproc://") { return true }
        guard endpoint.hasPrefix("tcp://") else { return false }
        let rest = endpoint.dropFirst("tcp://".count)
        let host: Substring
        if rest.hasPrefix("[") {
            host = rest.dropFirst().prefix { $0 != "]" }
        } else {
            host = rest.prefix { $0 != ":" }
        }
        // A `source;destination` form binds nothing; treat the host part only.
        return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    static func load(keys: String?, secretKey: String?, roster: [Party]) throws -> HubSecurity? {
        guard let keys, let secretKey else { return nil }
        do {
            let pair = try KeyFile.readSecret(secretKey)
            let publicPath = KeyFile.publicPath(besideSecret: secretKey)
            if (try? KeyFile.readPublic(publicPath)) != pair.publicKey {
                try KeyFile.writePublic(pair.publicKey, name: "hub", to: publicPath)
            }
            return try HubSecurity(keyPair: pair, keysDirectory: keys, roster: roster)
        } catch {
            throw CLIError("\(error)")
        }
    }

    static func client(key: String?, hubKey: String?) throws -> CurveClient? {
        guard let key, let hubKey else { return nil }
        do {
            let pair = try KeyFile.readSecret(key)
            let server = try KeyFile.publicKey(fileOrZ85: hubKey)
            return CurveClient(publicKey: pair.publicKey, secretKey: pair.secretKey, serverKey: server)
        } catch {
            throw CLIError("\(error)")
        }
    }

    /// Re-reads the keys on SIGHUP (the hub also polls every 2 s).
    static func reloadOnHangUp(_ hub: Hub) -> DispatchSourceSignal? {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP)
        source.setEventHandler { Task { await hub.reloadKeys() } }
        source.resume()
        return source
    }
}

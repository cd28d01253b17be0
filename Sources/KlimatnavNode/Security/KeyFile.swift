import Foundation
import ZeroMQ

/// Reading and writing Klimatnav's CURVE key files.
///
/// - `ID.pub`: comment lines (`#`), then one line with the 40-character Z85 public key
///   (`public-key = "..."` is accepted too).
/// - `ID.key` (secret, mode 0600): comment lines, then `public-key = "..."` and
///   `secret-key = "..."`. The public key is re-derived from the secret one and must match.
public enum KeyFile {
    /// A key file that cannot be read or used.
    public struct Error: Swift.Error, CustomStringConvertible, Equatable {
        public let path: String
        public let line: Int?
        public let message: String
        public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    /// Writes a new key pair for `name` (a party id or `hub`) to `directory/name.key` (0600)
    /// and `directory/name.pub`. Refuses to overwrite an existing file unless `force`.
    @discardableResult
    public static func generate(
        name: String, directory: String, force: Bool = false
    ) throws -> (secretPath: String, publicPath: String, publicKey: CurveKey) {
        let pair = try ZeroMQ.curveKeypair()
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let secretPath = (directory as NSString).appendingPathComponent("\(name).key")
        let publicPath = (directory as NSString).appendingPathComponent("\(name).pub")
        if !force {
            for path in [secretPath, publicPath] where manager.fileExists(atPath: path) {
                throw Error(path: path, line: nil, message: "exists already; give --force to replace it (the old key stops working)")
            }
        }
        let date = ISO8601DateFormatter().string(from: Date())
        let secretText = """
            #   ****  Klimatnav CURVE secret key for '\(name)'  ****
            #   Generated \(date). Keep this file private (mode 0600): whoever holds it
            #   speaks as '\(name)'. Give the hub only \(name).pub.
            public-key = "\(pair.publicKey.z85)"
            secret-key = "\(pair.secretKey.z85)"

            """
        try writeSecret(secretText, to: secretPath)
        try writePublic(pair.publicKey, name: name, to: publicPath)
        return (secretPath, publicPath, pair.publicKey)
    }

    /// Writes a public key file.
    public static func writePublic(_ key: CurveKey, name: String, to path: String) throws {
        let text = "# Klimatnav CURVE public key for '\(name)'\n\(key.z85)\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private static func writeSecret(_ text: String, to path: String) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) { try manager.removeItem(atPath: path) }
        guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw Error(path: path, line: nil, message: "cannot create the file")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// Reads a public key file.
    public static func readPublic(_ path: String) throws -> CurveKey {
        let lines = try read(path)
        var found: CurveKey?
        for (number, line) in lines {
            let value = line.hasPrefix("public-key") ? assignment(line, "public-key") : line
            guard let value, let key = try? CurveKey(z85: value) else {
                throw Error(path: path, line: number, message: "not a 40-character Z85 public key: '\(line.prefix(60))'")
            }
            if found != nil { throw Error(path: path, line: number, message: "a second key; a .pub file holds one key") }
            found = key
        }
        guard let found else { throw Error(path: path, line: nil, message: "no key in the file") }
        return found
    }

    /// Reads a secret key file; returns the key pair.
    public static func readSecret(_ path: String) throws -> (publicKey: CurveKey, secretKey: CurveKey) {
        var secret: CurveKey?
        var declaredPublic: (Int, CurveKey)?
        for (number, line) in try read(path) {
            if let value = assignment(line, "secret-key") {
                guard let key = try? CurveKey(z85: value) else {
                    throw Error(path: path, line: number, message: "secret-key is not 40 characters of Z85")
                }
                secret = key
            } else if let value = assignment(line, "public-key") {
                guard let key = try? CurveKey(z85: value) else {
                    throw Error(path: path, line: number, message: "public-key is not 40 characters of Z85")
                }
                declaredPublic = (number, key)
            } else {
                throw Error(path: path, line: number, message: "expected 'public-key = \"...\"' or 'secret-key = \"...\"'")
            }
        }
        guard let secret else { throw Error(path: path, line: nil, message: "no secret-key line (is this a .pub file?)") }
        let derived = try ZeroMQ.curvePublicKey(for: secret)
        if let (number, declared) = declaredPublic, declared != derived {
            throw Error(path: path, line: number, message: "public-key does not belong to secret-key")
        }
        return (derived, secret)
    }

    /// A public key given as a file path or as 40 characters of Z85.
    public static func publicKey(fileOrZ85 value: String) throws -> CurveKey {
        if !FileManager.default.fileExists(atPath: value), let key = try? CurveKey(z85: value) { return key }
        return try readPublic(value)
    }

    /// The `.pub` path beside a `.key` path.
    public static func publicPath(besideSecret path: String) -> String {
        (path.hasSuffix(".key") ? String(path.dropLast(4)) : path) + ".pub"
    }

    /// Non-empty, non-comment lines with their 1-based numbers, trimmed.
    private static func read(_ path: String) throws -> [(Int, String)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Error(path: path, line: nil, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Error(path: path, line: nil, message: "not UTF-8 text")
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, raw in
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            return line.isEmpty || line.hasPrefix("#") ? nil : (index + 1, line)
        }
    }

    /// The value of `name = "value"` (quotes optional), or `nil` when the line is not that.
    private static func assignment(_ line: String, _ name: String) -> String? {
        guard line.hasPrefix(name) else { return nil }
        let rest = line.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        guard rest.hasPrefix("=") else { return nil }
        var value = rest.dropFirst().trimmingCharacters(in: .whitespaces)
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
        return value
    }
}

import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `klimatnav proxy` (hidden, for partition tests): a loopback TCP proxy that can be paused
/// (a silent network: nothing passes, connections stay open) or cut (every connection closed,
/// new ones refused) by commands on standard input: `pause`, `resume`, `cut`, `quit`.
/// Prints `proxy listening on PORT` first, then `proxy: MODE` after each command.
struct ProxyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxy", abstract: "A pausable loopback TCP proxy (fault tests).", shouldDisplay: false)

    @Option(help: "Port to listen on (127.0.0.1; 0 = any free one).") var listen: Int = 0
    @Option(help: "Upstream port on 127.0.0.1.") var to: Int

    enum Mode: String { case forward, pause, cut }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = ProxyCommand.loopback(port: listen)
        guard
            withUnsafePointer(
                to: &address,
                { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } })
                == 0,
            Glibc.listen(listener, 64) == 0
        else { throw CLIError("proxy: cannot listen on port \(listen): errno \(errno)") }
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        emit("proxy listening on \(UInt16(bigEndian: bound.sin_port))")

        var mode = Mode.forward
        var pairs: [(Int32, Int32)] = []
        var input = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        func closeAll() {
            for (a, b) in pairs { close(a); close(b) }
            pairs = []
        }
        while true {
            var items = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0), pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
            if mode == .forward {
                for (a, b) in pairs {
                    items.append(pollfd(fd: a, events: Int16(POLLIN), revents: 0))
                    items.append(pollfd(fd: b, events: Int16(POLLIN), revents: 0))
                }
            }
            guard poll(&items, nfds_t(items.count), 1000) >= 0 || errno == EINTR else { break }
            if items[1].revents != 0 {
                let n = read(0, &buffer, buffer.count)
                if n <= 0 { break }  // standard input closed: quit
                input += buffer[0..<n]
                while let newline = input.firstIndex(of: 10) {
                    let command = String(decoding: input[..<newline], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                    input.removeSubrange(...newline)
                    switch command {
                    case "pause": mode = .pause
                    case "resume": mode = .forward
                    case "cut":
                        mode = .cut
                        closeAll()
                    case "quit":
                        closeAll()
                        return
                    default: continue
                    }
                    emit("proxy: \(mode.rawValue)")
                }
            }
            if items[0].revents != 0 {
                let client = accept(listener, nil, nil)
                if client >= 0 {
                    if mode == .cut {
                        close(client)
                    } else {
                        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                        var target = ProxyCommand.loopback(port: to)
                        let ok = withUnsafePointer(to: &target) {
                            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                                connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                            }
                        }
                        if ok == 0 {
                            pairs.append((client, upstream))
                        } else {
                            close(client)
                            close(upstream)
                        }
                    }
                }
            }
            guard mode == .forward else { continue }
            var dead = Set<Int>()
            for (index, pair) in pairs.enumerated() {
                let base = 2 + index * 2
                guard base + 1 < items.count else { break }
                for (slot, from, to) in [(base, pair.0, pair.1), (base + 1, pair.1, pair.0)] where items[slot].revents != 0 {
                    let n = read(from, &buffer, buffer.count)
                    if n <= 0 || !ProxyCommand.writeAll(to, buffer, n) { dead.insert(index) }
                }
            }
            for index in dead.sorted(by: >) {
                close(pairs[index].0)
                close(pairs[index].1)
                pairs.remove(at: index)
            }
        }
        closeAll()
    }

    static func writeAll(_ fd: Int32, _ buffer: [UInt8], _ count: Int) -> Bool {
        var offset = 0
        while offset < count {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + offset, count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}

import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exclusive ownership of a database file by one writing process (a hub, or `run`), held from
/// open to close.
///
/// SQLite lets several processes write one file, but a hub keeps the next sender numbers and the
/// state in memory: a second hub on the same file would acknowledge messages that the first hub
/// never reads (and that SQLite may refuse as duplicates). So a writer takes an advisory
/// `flock(2)` on `<database>.lock` before it opens the database, and writes its pid into that
/// file so that a refused process can say who holds it. The kernel drops the lock when the
/// holder exits in any way, `kill -9` included, so a stale lock file never blocks a restart.
/// Readers (`gaps`, `report`, `serve`) take no lock.
///
/// Within one process the stores opened on one file share the lock (a test restarts a hub
/// in-process while the old store object still exists); the lock goes with the last of them.
public final class DatabaseLock: Sendable {
    /// The lock file: the database path with `.lock` appended.
    public let path: String
    private let released = Atomic(false)

    /// The lock files this process holds: open descriptor and number of holders, by path.
    private static let held = Mutex<[String: (descriptor: Int32, holders: Int)]>([:])

    /// Takes the lock for the database at `databasePath`, creating its lock file if needed.
    /// Throws at once (never waits) when another process holds it, naming that process.
    public init(database databasePath: String, holder: String) throws(StoreError) {
        let lockPath = URL(fileURLWithPath: databasePath + ".lock").standardizedFileURL.path
        path = lockPath
        try DatabaseLock.held.withLock { (table) throws(StoreError) in
            if let entry = table[lockPath] {
                table[lockPath] = (entry.descriptor, entry.holders + 1)
                return
            }
            table[lockPath] = (try DatabaseLock.acquire(lockPath, database: databasePath, holder: holder), 1)
        }
    }

    deinit { release() }

    /// Gives the database up: the last holder in this process removes the lock file and drops
    /// the lock. Safe to call twice.
    public func release() {
        guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
        DatabaseLock.held.withLock { table in
            guard let entry = table[path] else { return }
            if entry.holders > 1 {
                table[path] = (entry.descriptor, entry.holders - 1)
                return
            }
            table[path] = nil
            // Unlink first, while the lock is still held: a process that opened the old file
            // after this point sees a different inode and tries again.
            unlink(path)
            close(entry.descriptor)
        }
    }

    private static func acquire(_ lockPath: String, database databasePath: String, holder: String) throws(StoreError) -> Int32 {
        // A holder that closes unlinks the file while it still holds the lock, so a lock taken on
        // a file that is no longer at `lockPath` is worthless: take it again on the new file.
        for _ in 0..<8 {
            let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                let reason = String(cString: strerror(errno))
                throw StoreError(
                    "lock \(databasePath)",
                    "cannot create the lock file \(lockPath): \(reason). Check that the folder exists and is writable.")
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let owner = readOwner(fd)
                close(fd)
                if code == EWOULDBLOCK {
                    throw StoreError(
                        "open \(databasePath)",
                        "the database is in use by \(owner ?? "another Klimatnav process") (lock file \(lockPath)). "
                            + "Only one hub (or `run`) may write a database: stop that process, or give this one its own --db.")
                }
                throw StoreError("lock \(databasePath)", "flock on \(lockPath) failed: \(String(cString: strerror(code))).")
            }
            var opened = stat()
            var current = stat()
            if fstat(fd, &opened) == 0, stat(lockPath, &current) == 0, opened.st_ino == current.st_ino, opened.st_dev == current.st_dev {
                let text = "\(holder) (pid \(getpid()))\n"
                _ = ftruncate(fd, 0)
                _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
                return fd
            }
            close(fd)
        }
        throw StoreError(
            "lock \(databasePath)", "the lock file \(lockPath) keeps being replaced; is another process starting and stopping on it?")
    }

    /// Who holds the lock, as the holder wrote it ("the Klimatnav hub (pid 1234)"), if readable.
    private static func readOwner(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : "the Klimatnav \(text)"
    }
}

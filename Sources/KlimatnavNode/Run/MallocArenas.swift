#if canImport(CMalloc)
import CMalloc
#endif

/// glibc gives each thread that allocates concurrently its own malloc arena, and freed
/// memory stays in the arena that held it. The hub's actor, its committer and the ZeroMQ
/// I/O threads allocate at the same time, so a flood leaves several arenas at their own
/// high-water marks. Measured on the hub at national scale under a flood (peak RSS): 58-60 MB
/// with glibc's default (8 per core), 51 MB with 2 arenas, with the transport's throughput
/// unchanged within noise. One arena serialises malloc between threads: the 100-byte
/// transport throughput fell to half. `klimatnav` and `klimatnav-bench` call it first thing,
/// with 2.
public enum MallocArenas {
    /// Caps the arenas of this process at `count` (glibc only; elsewhere nothing happens).
    /// Call early: arenas already created stay.
    public static func limit(_ count: Int32) {
        #if canImport(CMalloc)
        _ = mallopt(M_ARENA_MAX, count)
        #endif
    }
}

#if canImport(CMalloc)
    import CMalloc
#endif

/// glibc gives each thread that allocates concurrently its own malloc arena, and freed
/// memory stays in the arena that held it. The hub's actor, its committer and the ZeroMQ
/// I/O threads allocate at the same time, so a flood leaves several arenas at their own
/// high-water marks (measured: peak RSS 71 MB with the default, 64 MB with 2, national
/// scale). Two arenas keep the allocator's contention low and the peak near the live size.
enum MallocArenas {
    /// Caps the arenas of this process at `count` (glibc only; elsewhere nothing happens).
    /// Call early: arenas already created stay.
    static func limit(_ count: Int32) {
        #if canImport(CMalloc)
            _ = mallopt(M_ARENA_MAX, count)
        #endif
    }
}

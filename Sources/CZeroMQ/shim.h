#ifndef KLIMATNAV_CZEROMQ_SHIM_H
#define KLIMATNAV_CZEROMQ_SHIM_H
#include <zmq.h>
#include <errno.h>
#include <string.h>
#include <stdint.h>
#include <fcntl.h>
#include <unistd.h>

/* errno of the calling thread, as libzmq reports it. */
static inline int czmq_errno(void) { return zmq_errno(); }

/* Error numbers that libzmq may define itself (above ZMQ_HAUSNUMERO). */
static inline int czmq_EAGAIN(void) { return EAGAIN; }
static inline int czmq_EINTR(void) { return EINTR; }
static inline int czmq_EINVAL(void) { return EINVAL; }
static inline int czmq_ETERM(void) { return ETERM; }
static inline int czmq_EFSM(void) { return EFSM; }
static inline int czmq_EHOSTUNREACH(void) { return EHOSTUNREACH; }
static inline int czmq_ENOTSUP(void) { return ENOTSUP; }
static inline int czmq_ENOTSOCK(void) { return ENOTSOCK; }

/* The symbolic name of an errno value ("EAGAIN"), or NULL when unknown. */
static inline const char *czmq_errno_name(int code) {
    switch (code) {
#define CZMQ_NAME(e) case e: return #e;
    CZMQ_NAME(EPERM) CZMQ_NAME(ENOENT) CZMQ_NAME(EINTR) CZMQ_NAME(EIO) CZMQ_NAME(EBADF)
    CZMQ_NAME(EAGAIN) CZMQ_NAME(ENOMEM) CZMQ_NAME(EACCES) CZMQ_NAME(EFAULT) CZMQ_NAME(EBUSY)
    CZMQ_NAME(EEXIST) CZMQ_NAME(ENODEV) CZMQ_NAME(EINVAL) CZMQ_NAME(EMFILE) CZMQ_NAME(ENOSPC)
    CZMQ_NAME(EPIPE) CZMQ_NAME(ENAMETOOLONG) CZMQ_NAME(ENOTSUP) CZMQ_NAME(EPROTONOSUPPORT)
    CZMQ_NAME(ENOBUFS) CZMQ_NAME(ENETDOWN) CZMQ_NAME(EADDRINUSE) CZMQ_NAME(EADDRNOTAVAIL)
    CZMQ_NAME(ECONNREFUSED) CZMQ_NAME(EINPROGRESS) CZMQ_NAME(ENOTSOCK) CZMQ_NAME(EMSGSIZE)
    CZMQ_NAME(EAFNOSUPPORT) CZMQ_NAME(ENETUNREACH) CZMQ_NAME(ECONNABORTED) CZMQ_NAME(ECONNRESET)
    CZMQ_NAME(ENOTCONN) CZMQ_NAME(ETIMEDOUT) CZMQ_NAME(EHOSTUNREACH) CZMQ_NAME(ENETRESET)
    CZMQ_NAME(EFSM) CZMQ_NAME(ENOCOMPATPROTO) CZMQ_NAME(ETERM) CZMQ_NAME(EMTHREAD)
#undef CZMQ_NAME
    default: return NULL;
    }
}

/* A non-blocking pipe used to wake a thread sleeping in zmq_poll. Returns 0 or -1. */
static inline int czmq_wake_pipe(int fds[2]) {
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        int flags = fcntl(fds[i], F_GETFL, 0);
        fcntl(fds[i], F_SETFL, flags | O_NONBLOCK);
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    }
    return 0;
}

/* Writes one byte to a wake pipe; a full pipe is already a pending wake-up. */
static inline void czmq_wake(int fd) {
    char byte = 1;
    ssize_t ignored = write(fd, &byte, 1);
    (void)ignored;
}

/* Empties a wake pipe. */
static inline void czmq_drain(int fd) {
    char buffer[64];
    while (read(fd, buffer, sizeof buffer) > 0) {}
}

static inline void czmq_close_fd(int fd) { close(fd); }

#endif

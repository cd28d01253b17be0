#ifndef KLIMATNAV_CZEROMQ_SHIM_H
#define KLIMATNAV_CZEROMQ_SHIM_H
#include <zmq.h>
#include <errno.h>
#include <string.h>
static inline int czmq_errno(void) { return errno; }
#endif

/* Raw libzmq baseline: DEALER -> ROUTER -> DEALER round trips over tcp loopback, client and
 * echo server threads in one process. Usage: raw_roundtrip SIZE COUNT.
 * Prints "<median microseconds> <p99 microseconds>". */
#include <zmq.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void *ctx;
static char endpoint[256];
static size_t size;
static long count;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void *server(void *router) {
    char id[256], body[65536];
    for (long i = 0; i < count; i++) {
        int idSize = zmq_recv(router, id, sizeof id, 0);
        int bodySize = zmq_recv(router, body, sizeof body, 0);
        zmq_send(router, id, idSize, ZMQ_SNDMORE);
        zmq_send(router, body, bodySize, 0);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s SIZE COUNT\n", argv[0]); return 2; }
    size = (size_t)atol(argv[1]);
    count = atol(argv[2]);
    ctx = zmq_ctx_new();
    void *router = zmq_socket(ctx, ZMQ_ROUTER);
    zmq_bind(router, "tcp://127.0.0.1:*");
    size_t length = sizeof endpoint;
    zmq_getsockopt(router, ZMQ_LAST_ENDPOINT, endpoint, &length);
    void *dealer = zmq_socket(ctx, ZMQ_DEALER);
    zmq_connect(dealer, endpoint);
    pthread_t thread;
    pthread_create(&thread, NULL, server, router);

    char *buffer = calloc(1, size + 1);
    double *samples = malloc(sizeof(double) * count);
    for (long i = 0; i < count; i++) {
        double start = now();
        zmq_send(dealer, buffer, size, 0);
        if (zmq_recv(dealer, buffer, size + 1, 0) != (int)size) { fprintf(stderr, "bad reply\n"); return 1; }
        samples[i] = (now() - start) * 1e6;
    }
    pthread_join(thread, NULL);
    qsort(samples, count, sizeof(double), compare);
    printf("%.1f %.1f\n", samples[count / 2], samples[count * 99 / 100]);
    zmq_close(dealer);
    zmq_close(router);
    zmq_ctx_term(ctx);
    return 0;
}

/* Raw libzmq baseline: DEALER -> ROUTER over tcp loopback (the hub's request pattern), sender
 * and receiver threads in one process. The ROUTER reads the routing-id frame and the payload
 * frame of every message. Usage: raw_dealerrouter SIZE COUNT. Prints "<msgs per second>". */
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

static void *sender(void *arg) {
    (void)arg;
    void *dealer = zmq_socket(ctx, ZMQ_DEALER);
    zmq_setsockopt(dealer, ZMQ_ROUTING_ID, "node-1", 6);
    zmq_connect(dealer, endpoint);
    char *buffer = malloc(size);
    memset(buffer, 'a', size);
    for (long i = 0; i < count; i++) {
        if (zmq_send(dealer, buffer, size, 0) < 0) { perror("zmq_send"); exit(1); }
    }
    free(buffer);
    zmq_close(dealer);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s SIZE COUNT\n", argv[0]); return 2; }
    size = (size_t)atol(argv[1]);
    count = atol(argv[2]);
    ctx = zmq_ctx_new();
    void *router = zmq_socket(ctx, ZMQ_ROUTER);
    if (zmq_bind(router, "tcp://127.0.0.1:*") != 0) { perror("zmq_bind"); return 1; }
    size_t length = sizeof endpoint;
    zmq_getsockopt(router, ZMQ_LAST_ENDPOINT, endpoint, &length);

    char id[256];
    char *buffer = malloc(size + 1);
    double start = now();
    pthread_t thread;
    pthread_create(&thread, NULL, sender, NULL);
    for (long i = 0; i < count; i++) {
        int n = zmq_recv(router, id, sizeof id, 0);
        if (n <= 0) { fprintf(stderr, "bad routing id %d\n", n); return 1; }
        n = zmq_recv(router, buffer, size + 1, 0);
        if (n != (int)size) { fprintf(stderr, "bad size %d\n", n); return 1; }
    }
    double elapsed = now() - start;
    pthread_join(thread, NULL);
    printf("%.0f\n", count / elapsed);
    free(buffer);
    zmq_close(router);
    zmq_ctx_term(ctx);
    return 0;
}

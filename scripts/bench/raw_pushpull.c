/* Raw libzmq baseline: PUSH/PULL over tcp loopback, sender and receiver threads in one
 * process. Usage: raw_pushpull SIZE COUNT. Prints "<msgs per second>". */
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
    void *push = zmq_socket(ctx, ZMQ_PUSH);
    zmq_connect(push, endpoint);
    char *buffer = malloc(size);
    memset(buffer, 'a', size);
    for (long i = 0; i < count; i++) {
        if (zmq_send(push, buffer, size, 0) < 0) { perror("zmq_send"); exit(1); }
    }
    free(buffer);
    zmq_close(push);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s SIZE COUNT\n", argv[0]); return 2; }
    size = (size_t)atol(argv[1]);
    count = atol(argv[2]);
    ctx = zmq_ctx_new();
    void *pull = zmq_socket(ctx, ZMQ_PULL);
    if (zmq_bind(pull, "tcp://127.0.0.1:*") != 0) { perror("zmq_bind"); return 1; }
    size_t length = sizeof endpoint;
    zmq_getsockopt(pull, ZMQ_LAST_ENDPOINT, endpoint, &length);

    char *buffer = malloc(size + 1);
    double start = now();
    pthread_t thread;
    pthread_create(&thread, NULL, sender, NULL);
    for (long i = 0; i < count; i++) {
        int n = zmq_recv(pull, buffer, size + 1, 0);
        if (n != (int)size) { fprintf(stderr, "bad size %d\n", n); return 1; }
    }
    double elapsed = now() - start;
    pthread_join(thread, NULL);
    printf("%.0f\n", count / elapsed);
    free(buffer);
    zmq_close(pull);
    zmq_ctx_term(ctx);
    return 0;
}

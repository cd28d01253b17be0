/* Raw SQLite baseline for the hub's group commit: WAL, the given synchronous setting, rows of
 * the given body size inserted into a table shaped like the hub's message log, BATCH rows per
 * transaction, one prepared statement. Usage: raw_sqlite PATH ROWBYTES BATCH COUNT FULL|NORMAL.
 * Prints "<rows per second> <commits per second>". */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void check(int rc, sqlite3 *db, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc != 6) { fprintf(stderr, "usage: %s PATH ROWBYTES BATCH COUNT FULL|NORMAL\n", argv[0]); return 2; }
    const char *path = argv[1];
    int rowBytes = atoi(argv[2]), batch = atoi(argv[3]);
    long count = atol(argv[4]);
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA synchronous = %s", argv[5]);
    unlink(path);
    char side[1024];
    snprintf(side, sizeof side, "%s-wal", path); unlink(side);
    snprintf(side, sizeof side, "%s-shm", path); unlink(side);

    sqlite3 *db;
    check(sqlite3_open(path, &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA journal_mode = WAL", 0, 0, 0), db, "wal");
    check(sqlite3_exec(db, pragma, 0, 0, 0), db, "synchronous");
    check(sqlite3_exec(db,
        "CREATE TABLE message (id INTEGER PRIMARY KEY AUTOINCREMENT, sender TEXT NOT NULL, seq INTEGER NOT NULL,"
        " type TEXT NOT NULL, body BLOB NOT NULL, receivedAt REAL NOT NULL, UNIQUE (sender, seq))", 0, 0, 0), db, "create");
    sqlite3_stmt *insert;
    check(sqlite3_prepare_v2(db, "INSERT INTO message (sender, seq, type, body, receivedAt) VALUES (?, ?, ?, ?, ?)",
        -1, &insert, 0), db, "prepare");
    char *body = malloc(rowBytes);
    memset(body, 'x', rowBytes);
    long commits = 0;
    double start = now();
    for (long i = 0; i < count; i += batch) {
        check(sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0), db, "begin");
        for (long j = i; j < i + batch && j < count; j++) {
            char sender[32];
            snprintf(sender, sizeof sender, "m%03ld", j % 64);
            sqlite3_bind_text(insert, 1, sender, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(insert, 2, j);
            sqlite3_bind_text(insert, 3, "goal.assert", -1, SQLITE_STATIC);
            sqlite3_bind_blob(insert, 4, body, rowBytes, SQLITE_STATIC);
            sqlite3_bind_double(insert, 5, 1.7e9 + j);
            check(sqlite3_step(insert), db, "insert");
            sqlite3_reset(insert);
        }
        check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db, "commit");
        commits++;
    }
    double elapsed = now() - start;
    printf("%.0f %.0f\n", count / elapsed, commits / elapsed);
    sqlite3_finalize(insert);
    sqlite3_close(db);
    free(body);
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path); unlink(side);
    snprintf(side, sizeof side, "%s-shm", path); unlink(side);
    return 0;
}

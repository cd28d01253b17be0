import GRDB

/// The database schema, as migrations. Never edit a shipped migration: add a new one.
enum Schema {
    /// Every migration, in order (a read-only store checks the file has them all).
    static var migrationIdentifiers: [String] { migrator.migrations }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE party (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL,
                        level TEXT NOT NULL,
                        name TEXT NOT NULL,
                        json TEXT NOT NULL
                    );
                    -- The append-only log of accepted messages; idempotent by sender + sequence.
                    CREATE TABLE message (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        sender TEXT NOT NULL,
                        seq INTEGER NOT NULL,
                        type TEXT NOT NULL,
                        body BLOB NOT NULL,
                        receivedAt REAL NOT NULL,
                        UNIQUE (sender, seq)
                    );
                    CREATE TABLE rejected (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        sender TEXT,
                        seq INTEGER,
                        type TEXT,
                        code TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        receivedAt REAL NOT NULL,
                        consumesSeq INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE INDEX rejected_sender_seq ON rejected(sender, seq);
                    -- Current state, one row per entity (goal, roadmap, barrier, ...), as JSON.
                    CREATE TABLE entity (
                        kind TEXT NOT NULL,
                        id TEXT NOT NULL,
                        party TEXT,
                        json TEXT NOT NULL,
                        messageId INTEGER REFERENCES message(id),
                        PRIMARY KEY (kind, id)
                    );
                    CREATE TABLE gap (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
                        json TEXT NOT NULL,
                        openedAt REAL NOT NULL,
                        resolvedAt REAL,
                        updatedAt REAL NOT NULL
                    );
                    CREATE INDEX gap_status ON gap(status, kind);
                    CREATE TABLE gap_party (
                        gapId TEXT NOT NULL REFERENCES gap(id),
                        party TEXT NOT NULL,
                        PRIMARY KEY (gapId, party)
                    );
                    CREATE TABLE gap_event (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        gapId TEXT NOT NULL REFERENCES gap(id),
                        change TEXT NOT NULL CHECK (change IN ('opened', 'changed', 'resolved')),
                        at REAL NOT NULL,
                        messageId INTEGER REFERENCES message(id),
                        json TEXT NOT NULL
                    );
                    CREATE TABLE meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    """)
        }
        // v2: closed contract revisions, each with the state and open gaps at its closing.
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE revision (
                        id TEXT PRIMARY KEY NOT NULL,
                        date TEXT NOT NULL,
                        title TEXT,
                        closedAt REAL NOT NULL,
                        messageId INTEGER REFERENCES message(id),
                        -- WorldState.events() at the closing, as [{"event": NAME, "body": BODY}].
                        state TEXT NOT NULL,
                        -- The open gaps at the closing, as a JSON array of gaps.
                        gaps TEXT NOT NULL
                    );
                    """)
        }
        // v3: the frame and field path of a refusal, so a resend gets the same NACK.
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    ALTER TABLE rejected ADD COLUMN frame INTEGER;
                    ALTER TABLE rejected ADD COLUMN path TEXT;
                    """)
        }
        // v4: a gap's history and a message's gap changes by index. Without them, dating a
        // national run's gaps by the facts (`dateGaps`) compared every gap with every event
        // (`run sverige`: 4.6 s instead of about 2).
        migrator.registerMigration("v4") { db in
            try db.execute(
                sql: """
                    CREATE INDEX gap_event_gap ON gap_event(gapId, id);
                    CREATE INDEX gap_event_message ON gap_event(messageId);
                    """)
        }
        // v5: a revision's title in English beside the Swedish one (wire spec section 18).
        migrator.registerMigration("v5") { db in
            try db.execute(sql: "ALTER TABLE revision ADD COLUMN titleEn TEXT;")
        }
        return migrator
    }
}

/**
 * The watch history's SQLite schema, versioned with `PRAGMA user_version`: each entry of
 * {@link MIGRATIONS} takes the file from version i to i + 1, so a file written by an older
 * kit is brought up to date and one written by a newer kit is refused, never guessed at.
 *
 * @module
 */

/** The schema version this kit writes. */
export const STORE_VERSION = 1;

/** SQL that takes a file from version `i` to `i + 1`, by index. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  -- One watch: its plan and its control (pause, stop) and the heartbeat of its process.
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    started_at INTEGER NOT NULL,
    until_at INTEGER,
    every_ms INTEGER NOT NULL,
    settings TEXT NOT NULL,
    ended_at INTEGER,
    end_reason TEXT,
    paused_until INTEGER,
    stop_requested INTEGER NOT NULL DEFAULT 0,
    pid INTEGER,
    heartbeat_at INTEGER,
    next_at INTEGER
  ) WITHOUT ROWID;
  -- What a reading is about; readings point here so labels are stored once.
  CREATE TABLE points (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    segment TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT NOT NULL,
    label TEXT NOT NULL,
    UNIQUE (key, segment, kind, role, label)
  );
  CREATE TABLE samples (
    id INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    wifi TEXT,
    addresses TEXT,
    throughput TEXT,
    access_type TEXT
  );
  CREATE INDEX samples_by_session ON samples (session_id, at);
  CREATE INDEX samples_by_time ON samples (at);
  CREATE TABLE readings (
    sample_id INTEGER NOT NULL,
    point_id INTEGER NOT NULL,
    sent INTEGER NOT NULL,
    lost INTEGER NOT NULL,
    rtt_ms REAL,
    rcodes TEXT,
    PRIMARY KEY (sample_id, point_id)
  ) WITHOUT ROWID;
  -- Time the watch did not measure: paused, asleep, restarted.
  CREATE TABLE gaps (
    session_id TEXT NOT NULL,
    from_at INTEGER NOT NULL,
    to_at INTEGER NOT NULL,
    reason TEXT NOT NULL
  );
  CREATE INDEX gaps_by_session ON gaps (session_id, from_at);
  `,
];

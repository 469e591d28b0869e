/**
 * The watch history: one SQLite file (`node:sqlite`, built into Deno) in the per-user data
 * directory, in WAL mode so `watch status` can read while a watch writes. It keeps the
 * sessions (the plan of each watch, and its pause/stop control), the samples and their
 * readings, and the gaps. Its size is bounded: samples older than the age limit go, and when
 * the file outgrows its byte limit the oldest samples go first and the space is handed back
 * (incremental vacuum). Samples arrive already masked (`privacy.ts`): the file holds no
 * identifier the customer did not consent to.
 *
 * @example
 * ```ts
 * import { WatchStore } from "./store.ts";
 * const dir = await Deno.makeTempDir();
 * const store = WatchStore.open(`${dir}/history.sqlite`);
 * store.createSession({ id: "w1", startedAt: 0, untilAt: null, everyMs: 600_000, settings: {} });
 * store.addSample("w1", { at: 1, durationMs: 900, readings: [], wifi: null, addresses: null, throughput: null });
 * store.samples("w1").length; // 1
 * store.close();
 * ```
 *
 * @module
 */
import { DatabaseSync } from "node:sqlite";
import { dirname } from "node:path";
import { InvalidInputError } from "../util/errors.ts";
import { MIGRATIONS, STORE_VERSION } from "./store_schema.ts";
import type { Gap, NewSession, SessionPatch, SessionRow, StoreLimits } from "./store_types.ts";

export type { Gap, NewSession, SessionPatch, SessionRow, StoreLimits } from "./store_types.ts";
import {
  addressesSchema,
  type Reading,
  readingSchema,
  type Sample,
  throughputSchema,
  wifiSchema,
} from "./sample.ts";

const COLUMNS: Record<keyof SessionPatch, string> = {
  untilAt: "until_at",
  endedAt: "ended_at",
  endReason: "end_reason",
  pausedUntil: "paused_until",
  stopRequested: "stop_requested",
  pid: "pid",
  heartbeatAt: "heartbeat_at",
  nextAt: "next_at",
};

type Row = Record<string, unknown>;

/** The history. One per data directory; several processes may open it at once. */
export class WatchStore {
  readonly path: string;
  #db: DatabaseSync;
  #points = new Map<string, number>();

  private constructor(path: string, db: DatabaseSync) {
    this.path = path;
    this.#db = db;
  }

  /**
   * Opens (creating or migrating) the history at `path`. Requires `--allow-read` and
   * `--allow-write` of its folder.
   *
   * @throws {InvalidInputError} when the file is not a watch history, is damaged, or was
   *   written by a newer kit
   */
  static open(path: string): WatchStore {
    Deno.mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    let db: DatabaseSync;
    try {
      db = new DatabaseSync(path);
      // Owner-only, like the consent record: the history is the customer's own.
      if (Deno.build.os !== "windows") Deno.chmodSync(path, 0o600);
      db.exec("PRAGMA busy_timeout = 5000");
      const version = Number((db.prepare("PRAGMA user_version").get() as Row).user_version);
      if (version > STORE_VERSION) {
        db.close();
        throw new InvalidInputError({
          ja:
            `監視の履歴 "${path}" は新しい版のキットで作られています (形式 ${version}、この版は ${STORE_VERSION} まで)`,
          en:
            `The watch history "${path}" was written by a newer kit (schema ${version}; this one reads up to ${STORE_VERSION})`,
        });
      }
      if (version === 0) {
        // Must precede the first table: it decides how freed pages are handed back.
        db.exec("PRAGMA auto_vacuum = INCREMENTAL");
      }
      db.exec("PRAGMA journal_mode = WAL");
      db.exec("PRAGMA synchronous = NORMAL");
      db.exec("PRAGMA journal_size_limit = 4194304");
      for (let v = version; v < STORE_VERSION; v++) {
        db.exec("BEGIN");
        db.exec(MIGRATIONS[v]);
        db.exec(`PRAGMA user_version = ${v + 1}`);
        db.exec("COMMIT");
      }
    } catch (e) {
      if (e instanceof InvalidInputError) throw e;
      throw new InvalidInputError({
        ja: `監視の履歴 "${path}" を開けません: ${(e as Error).message}`,
        en: `Cannot open the watch history "${path}": ${(e as Error).message}`,
      });
    }
    return new WatchStore(path, db);
  }

  /** Closes the file (checkpointing the WAL into it). */
  close(): void {
    try {
      this.#db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch { /* another process holds it: the next one checkpoints */ }
    this.#db.close();
  }

  /** Starts a session. */
  createSession(s: NewSession): void {
    this.#db.prepare(
      "INSERT INTO sessions (id, started_at, until_at, every_ms, settings) VALUES (?, ?, ?, ?, ?)",
    ).run(s.id, s.startedAt, s.untilAt, s.everyMs, JSON.stringify(s.settings));
  }

  /** The session `id`, or null. */
  session(id: string): SessionRow | null {
    const r = this.#db.prepare("SELECT * FROM sessions WHERE id = ?").get(id) as Row | undefined;
    return r ? sessionOf(r) : null;
  }

  /** The most recently started session, or null. */
  latestSession(): SessionRow | null {
    const r = this.#db.prepare("SELECT * FROM sessions ORDER BY started_at DESC LIMIT 1").get() as
      | Row
      | undefined;
    return r ? sessionOf(r) : null;
  }

  /** Changes a session's control or end. */
  updateSession(id: string, patch: SessionPatch): void {
    const keys = Object.keys(patch) as (keyof SessionPatch)[];
    if (keys.length === 0) return;
    const values = keys.map((k) => {
      const v = patch[k];
      return typeof v === "boolean" ? Number(v) : (v ?? null);
    });
    this.#db.prepare(
      `UPDATE sessions SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(", ")} WHERE id = ?`,
    ).run(...values, id);
  }

  /** Stores one sample of session `sessionId`; returns its row id. */
  addSample(sessionId: string, s: Sample): number {
    const db = this.#db;
    db.exec("BEGIN IMMEDIATE");
    try {
      const id = Number(
        db.prepare(
          "INSERT INTO samples (session_id, at, duration_ms, wifi, addresses, throughput, access_type) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ).run(
          sessionId,
          s.at,
          Math.round(s.durationMs),
          s.wifi ? JSON.stringify(s.wifi) : null,
          s.addresses ? JSON.stringify(s.addresses) : null,
          s.throughput ? JSON.stringify(s.throughput) : null,
          s.accessType ?? null,
        ).lastInsertRowid,
      );
      const put = db.prepare(
        "INSERT OR REPLACE INTO readings (sample_id, point_id, sent, lost, rtt_ms, rcodes) VALUES (?, ?, ?, ?, ?, ?)",
      );
      for (const r of s.readings) {
        put.run(
          id,
          this.#pointId(r),
          r.sent,
          r.lost,
          r.rttMs === null ? null : Math.round(r.rttMs * 100) / 100,
          r.rcodes ? JSON.stringify(r.rcodes) : null,
        );
      }
      db.exec("COMMIT");
      return id;
    } catch (e) {
      db.exec("ROLLBACK");
      throw e;
    }
  }

  /** The samples of a session (or of a time span), oldest first, with their readings. */
  samples(sessionId: string | null, span?: { from: number; to: number }): Sample[] {
    const where = [
      ...(sessionId !== null ? ["s.session_id = ?"] : []),
      ...(span ? ["s.at >= ?", "s.at < ?"] : []),
    ];
    const args = [
      ...(sessionId !== null ? [sessionId] : []),
      ...(span ? [span.from, span.to] : []),
    ];
    const cond = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const rows = this.#db.prepare(`SELECT * FROM samples s ${cond} ORDER BY s.at`).all(
      ...args,
    ) as Row[];
    const readings = new Map<number, Reading[]>();
    const rrows = this.#db.prepare(
      `SELECT r.sample_id, r.sent, r.lost, r.rtt_ms, r.rcodes, p.key, p.segment, p.kind, p.role, p.label
       FROM readings r JOIN points p ON p.id = r.point_id JOIN samples s ON s.id = r.sample_id
       ${cond} ORDER BY r.sample_id, p.id`,
    ).all(...args) as Row[];
    for (const r of rrows) {
      const reading = readingSchema.parse({
        key: r.key,
        segment: r.segment,
        kind: r.kind,
        role: r.role,
        label: r.label,
        sent: r.sent,
        lost: r.lost,
        rttMs: r.rtt_ms,
        ...(r.rcodes ? { rcodes: JSON.parse(String(r.rcodes)) } : {}),
      });
      const id = Number(r.sample_id);
      readings.set(id, [...(readings.get(id) ?? []), reading]);
    }
    return rows.map((r) => ({
      at: Number(r.at),
      durationMs: Number(r.duration_ms),
      readings: readings.get(Number(r.id)) ?? [],
      wifi: r.wifi ? wifiSchema.parse(JSON.parse(String(r.wifi))) : null,
      addresses: r.addresses ? addressesSchema.parse(JSON.parse(String(r.addresses))) : null,
      throughput: r.throughput ? throughputSchema.parse(JSON.parse(String(r.throughput))) : null,
      accessType: r.access_type === null ? null : String(r.access_type),
    }));
  }

  /** How many samples a session has, and when the last one was taken. */
  sampleCount(sessionId: string): { count: number; lastAt: number | null } {
    const r = this.#db.prepare(
      "SELECT count(*) AS n, max(at) AS last FROM samples WHERE session_id = ?",
    ).get(sessionId) as Row;
    return { count: Number(r.n), lastAt: r.last === null ? null : Number(r.last) };
  }

  /** Records a span the watch did not measure. */
  addGap(sessionId: string, gap: Gap): void {
    this.#db.prepare("INSERT INTO gaps (session_id, from_at, to_at, reason) VALUES (?, ?, ?, ?)")
      .run(sessionId, gap.from, gap.to, gap.reason);
  }

  /** The gaps of a session, oldest first. */
  gaps(sessionId: string): Gap[] {
    return (this.#db.prepare(
      "SELECT from_at, to_at, reason FROM gaps WHERE session_id = ? ORDER BY from_at",
    ).all(sessionId) as Row[]).map((r) => ({
      from: Number(r.from_at),
      to: Number(r.to_at),
      reason: String(r.reason),
    }));
  }

  /** Bytes the history takes: the file and its write-ahead log. */
  sizeBytes(): number {
    const size = (p: string) => {
      try {
        return Deno.statSync(p).size;
      } catch {
        return 0;
      }
    };
    return size(this.path) + size(`${this.path}-wal`);
  }

  /**
   * Keeps the history within `limits`: removes samples older than the age limit, then the
   * oldest samples until the pages in use fit the byte limit, and hands the space back.
   * Returns how many samples went.
   */
  rotate(limits: StoreLimits, now: number): number {
    const db = this.#db;
    let removed = this.#deleteSamples("at < ?", now - limits.maxAgeDays * 86_400_000);
    const used = () => {
      const pages = Number((db.prepare("PRAGMA page_count").get() as Row).page_count);
      const free = Number((db.prepare("PRAGMA freelist_count").get() as Row).freelist_count);
      const size = Number((db.prepare("PRAGMA page_size").get() as Row).page_size);
      return (pages - free) * size;
    };
    // A tenth at a time: deleting frees pages only as whole pages empty.
    for (let i = 0; i < 20 && used() > limits.maxBytes; i++) {
      const total = Number((db.prepare("SELECT count(*) AS n FROM samples").get() as Row).n);
      if (total === 0) break;
      const cut = db.prepare("SELECT at FROM samples ORDER BY at LIMIT 1 OFFSET ?").get(
        Math.max(0, Math.floor(total / 10)),
      ) as Row | undefined;
      removed += this.#deleteSamples("at <= ?", cut ? Number(cut.at) : now);
    }
    if (removed > 0) {
      db.exec("DELETE FROM points WHERE id NOT IN (SELECT DISTINCT point_id FROM readings)");
      db.exec("PRAGMA incremental_vacuum");
      db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    return removed;
  }

  #deleteSamples(cond: string, value: number): number {
    const db = this.#db;
    db.exec("BEGIN IMMEDIATE");
    try {
      db.prepare(
        `DELETE FROM readings WHERE sample_id IN (SELECT id FROM samples WHERE ${cond})`,
      ).run(value);
      const n = Number(db.prepare(`DELETE FROM samples WHERE ${cond}`).run(value).changes);
      db.exec("COMMIT");
      return n;
    } catch (e) {
      db.exec("ROLLBACK");
      throw e;
    }
  }

  #pointId(r: Reading): number {
    const k = JSON.stringify([r.key, r.segment, r.kind, r.role, r.label]);
    const known = this.#points.get(k);
    if (known !== undefined) return known;
    this.#db.prepare(
      "INSERT OR IGNORE INTO points (key, segment, kind, role, label) VALUES (?, ?, ?, ?, ?)",
    ).run(r.key, r.segment, r.kind, r.role, r.label);
    const row = this.#db.prepare(
      "SELECT id FROM points WHERE key = ? AND segment = ? AND kind = ? AND role = ? AND label = ?",
    ).get(r.key, r.segment, r.kind, r.role, r.label) as Row;
    const id = Number(row.id);
    this.#points.set(k, id);
    return id;
  }
}

function sessionOf(r: Row): SessionRow {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: String(r.id),
    startedAt: Number(r.started_at),
    untilAt: n(r.until_at),
    everyMs: Number(r.every_ms),
    settings: JSON.parse(String(r.settings)),
    endedAt: n(r.ended_at),
    endReason: r.end_reason === null ? null : String(r.end_reason),
    pausedUntil: n(r.paused_until),
    stopRequested: Number(r.stop_requested) === 1,
    pid: n(r.pid),
    heartbeatAt: n(r.heartbeat_at),
    nextAt: n(r.next_at),
  };
}

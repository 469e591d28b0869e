/**
 * The send queue on disk, in the per-user data folder: `send/queue/<id>.json` while a
 * report waits to be delivered, `send/done/<id>.json` once the collector acknowledged it (or
 * refused it, or the customer cancelled or withdrew it). Every write is atomic and
 * owner-only (entries hold the deletion token); an entry leaves the queue only after its
 * finished copy is written, so a crash at any point loses nothing. A damaged entry is
 * reported and left alone, never deleted.
 *
 * A lock file per entry (`<id>.lock`, made with `createNew`) keeps two kits (the app and a
 * `send --pending`) from delivering the same entry at once; a lock older than ten minutes
 * is taken to be left over from a killed process.
 *
 * Requires `--allow-read` and `--allow-write` on the data folder.
 *
 * @module
 */
import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { atomicWrite } from "../../util/atomic_write.ts";
import { formatIssues } from "../../util/zod_issues.ts";
import { type SendEntry, sendEntrySchema } from "./queue_entry.ts";

/** A lock older than this was left by a process that died. */
export const STALE_LOCK_MS = 10 * 60_000;

/** What a listing found. */
export interface Listing {
  entries: SendEntry[];
  /** Files that are not valid entries: named so the customer can be told, never removed. */
  damaged: { path: string; why: string }[];
}

/** The queue and the history of one kit. */
export class SendQueue {
  readonly queueDir: string;
  readonly doneDir: string;

  /** @param dataDir the kit's per-user data folder */
  constructor(dataDir: string) {
    this.queueDir = join(dataDir, "send", "queue");
    this.doneDir = join(dataDir, "send", "done");
  }

  /** Writes `entry` into the queue (new or updated). */
  async put(entry: SendEntry): Promise<void> {
    await mkdir(this.queueDir, { recursive: true, mode: 0o700 });
    await atomicWrite(this.#path(this.queueDir, entry.id), json(entry), 0o600);
  }

  /** Moves `entry` to the history (without its upload), then out of the queue. */
  async finish(entry: SendEntry): Promise<SendEntry> {
    const { upload: _sent, ...done } = entry;
    await mkdir(this.doneDir, { recursive: true, mode: 0o700 });
    await atomicWrite(this.#path(this.doneDir, entry.id), json(done), 0o600);
    await Deno.remove(this.#path(this.queueDir, entry.id)).catch((e) => {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    });
    return done;
  }

  /** Rewrites a finished entry (e.g. withdrawn). */
  async putDone(entry: SendEntry): Promise<void> {
    await mkdir(this.doneDir, { recursive: true, mode: 0o700 });
    await atomicWrite(this.#path(this.doneDir, entry.id), json(entry), 0o600);
  }

  /** The entries waiting, oldest first. */
  pending(): Promise<Listing> {
    return this.#list(this.queueDir);
  }

  /** The finished entries, oldest first. */
  history(): Promise<Listing> {
    return this.#list(this.doneDir);
  }

  /** The waiting entry `id`, or null. */
  async get(id: string): Promise<SendEntry | null> {
    return (await this.pending()).entries.find((e) => e.id === id) ?? null;
  }

  /**
   * Takes the delivery lock of entry `id`. Returns the release function, or null when
   * another process holds a fresh lock.
   */
  async lock(id: string, now = Date.now()): Promise<(() => Promise<void>) | null> {
    await mkdir(this.queueDir, { recursive: true, mode: 0o700 });
    const path = join(this.queueDir, `${id}.lock`);
    for (let tries = 0; tries < 2; tries++) {
      try {
        const f = await Deno.open(path, { write: true, createNew: true, mode: 0o600 });
        await f.write(new TextEncoder().encode(`${Deno.pid}\n`));
        f.close();
        return () => Deno.remove(path).catch(() => {});
      } catch (e) {
        if (!(e instanceof Deno.errors.AlreadyExists)) throw e;
        const info = await Deno.stat(path).catch(() => null);
        const age = now - (info?.mtime?.getTime() ?? now);
        if (age < STALE_LOCK_MS) return null;
        await Deno.remove(path).catch(() => {});
      }
    }
    return null;
  }

  #path(dir: string, id: string): string {
    if (!/^[0-9a-f]{16}$/.test(id)) throw new RangeError(`Not a send id: "${id}"`);
    return join(dir, `${id}.json`);
  }

  async #list(dir: string): Promise<Listing> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (e) {
      if ((e as { code?: string }).code === "ENOENT") return { entries: [], damaged: [] };
      throw e;
    }
    const out: Listing = { entries: [], damaged: [] };
    for (const name of names.filter((n) => /^[0-9a-f]{16}\.json$/.test(n))) {
      const path = join(dir, name);
      try {
        const r = sendEntrySchema.safeParse(JSON.parse(await Deno.readTextFile(path)));
        if (r.success && `${r.data.id}.json` === name) out.entries.push(r.data);
        else {
          out.damaged.push({
            path,
            why: r.success ? "its id does not match its name" : formatIssues(r.error.issues),
          });
        }
      } catch (e) {
        out.damaged.push({ path, why: (e as Error).message });
      }
    }
    out.entries.sort((a, b) => a.record.consentedAt.localeCompare(b.record.consentedAt));
    return out;
  }
}

function json(entry: SendEntry): string {
  return JSON.stringify(entry, null, 2) + "\n";
}

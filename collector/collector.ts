/**
 * One collector instance: the database (migrated), the store, the status document, the
 * rate limits and the metrics, and the operations the HTTP routes call — accept an upload,
 * withdraw a report, say whether it is ready. It holds no state another instance would
 * need: any number of instances can share one PostgreSQL behind a load balancer.
 *
 * @module
 */
import type { Brand } from "../brand/schema.ts";
import type { UploadAnswer } from "../report/upload_schema.ts";
import { importVerifyKeys, sha256Hex, type VerifyKey } from "../util/crypto.ts";
import { newReceipt, parseReceipt } from "../util/receipt.ts";
import { type Database, DatabaseUnavailableError, isTransient } from "./db.ts";
import { prepareUpload, UploadRejected } from "./ingest.ts";
import { Metrics } from "./metrics.ts";
import { migrate, SCHEMA_VERSION, schemaVersion } from "./migrate.ts";
import { type CollectorSettings, settingsWith } from "./options.ts";
import { ensurePartitions } from "./partitions.ts";
import { RateLimiter } from "./rate_limit.ts";
import { runRetention } from "./retention.ts";
import { Scope } from "./scope.ts";
import { StatusFile } from "./status_file.ts";
import { ReportStore } from "./store.ts";

/** What a collector is made of. */
export interface CollectorParts {
  db: Database;
  brand: Brand;
  settings?: Partial<CollectorSettings>;
  /** The signed status document to serve, or null. */
  statusPath?: string | null;
  /**
   * Keys to verify the status document with. By default the brand's `status.publicKeys`
   * (a document they did not sign is not served); null, or a brand without status keys,
   * trusts the provider's own file unverified.
   */
  statusKeys?: readonly VerifyKey[] | null;
  /** Where maintenance problems are written. */
  log?: (line: string) => void;
  /** The clock (tests pin it). */
  now?: () => Date;
}

/** The readiness of an instance. */
export interface Readiness {
  ready: boolean;
  database: string;
  schema: { expected: number; found: number | null };
  detail?: string;
}

/** A running collector's state and operations. */
export class Collector {
  readonly db: Database;
  readonly store: ReportStore;
  readonly settings: CollectorSettings;
  readonly status: StatusFile;
  readonly metrics = new Metrics();
  readonly sourceLimit: RateLimiter;
  readonly licenceLimit: RateLimiter;
  readonly #brand: Brand;
  readonly #licenceKeys: readonly VerifyKey[];
  readonly #log: (line: string) => void;
  readonly #now: () => Date;
  #inFlight = 0;
  #timers: ReturnType<typeof setTimeout>[] = [];

  private constructor(
    parts: CollectorParts,
    licenceKeys: readonly VerifyKey[],
    statusKeys: readonly VerifyKey[] | null,
  ) {
    this.db = parts.db;
    // The brand's receipt form unless a setting says otherwise.
    this.settings = settingsWith({
      receiptStyle: parts.brand.collector.receiptStyle,
      ...parts.settings,
    });
    this.store = new ReportStore(parts.db, () => newReceipt(this.settings.receiptStyle));
    this.status = new StatusFile(parts.statusPath ?? null, statusKeys);
    this.sourceLimit = new RateLimiter(this.settings.rateSource);
    this.licenceLimit = new RateLimiter(this.settings.rateLicence);
    this.#brand = parts.brand;
    this.#licenceKeys = licenceKeys;
    this.#log = parts.log ?? (() => {});
    this.#now = parts.now ?? (() => new Date());
  }

  /**
   * Checks the settings, migrates the database, makes this month's partitions and reads
   * the status document.
   *
   * @throws {RangeError} for a bad setting
   * @throws the database's error when it cannot be reached or migrated
   */
  static async open(parts: CollectorParts): Promise<Collector> {
    const keys = await importVerifyKeys(parts.brand.licence.publicKeys, "licence.publicKeys");
    const brandStatusKeys = parts.brand.status.publicKeys.length
      ? await importVerifyKeys(parts.brand.status.publicKeys, "status.publicKeys")
      : null;
    const c = new Collector(
      parts,
      keys,
      parts.statusKeys === undefined ? brandStatusKeys : parts.statusKeys,
    );
    await migrate(c.db);
    await ensurePartitions(c.db, c.#now());
    const problem = await c.status.refresh();
    if (problem) c.#log(problem);
    return c;
  }

  /**
   * Accepts an upload body (the per-address limit is the route's, before the body is read;
   * the per-licence limit is applied here, once the licence is verified).
   *
   * @throws {UploadRejected} for a refused upload (also `conflict` and `rate-limited`)
   * @throws {DatabaseUnavailableError} when the database cannot store it now
   */
  async accept(bytes: Uint8Array): Promise<{ status: 200 | 201; answer: UploadAnswer }> {
    const prepared = await prepareUpload(bytes, {
      licenceKeys: this.#licenceKeys,
      product: this.#brand.id,
      revoked: () => this.status.revoked(),
      timeZone: this.settings.timeZone,
    });
    if (prepared.tenant.refusal && prepared.tenant.refusal !== "none") {
      this.metrics.licenceRefused(prepared.tenant.refusal);
    }
    if (prepared.tenant.licenceId) {
      const v = this.licenceLimit.take(prepared.tenant.licenceId);
      if (!v.ok) {
        throw new RateLimited(v.retryAfterS, "Too many uploads under this licence");
      }
    }
    const result = await this.#withDb(() => this.store.ingest(prepared.scope, prepared.report));
    if (result.status === "conflict") {
      throw new UploadRejected(
        "conflict",
        result.reason === "digest"
          ? `A report with id "${prepared.report.columns.reportId}" and another digest was already received`
          : `A report with id "${prepared.report.columns.reportId}" was already received under another licence`,
        "report.id",
      );
    }
    this.metrics.ingested(result.status === "duplicate");
    return {
      status: result.status === "created" ? 201 : 200,
      answer: {
        receipt: result.receipt,
        reportId: prepared.report.columns.reportId,
        digest: prepared.report.digest,
        duplicate: result.status === "duplicate",
        receivedAt: result.receivedAt.toISOString(),
      },
    };
  }

  /**
   * Withdraws the report `receipt` (as typed) with the deletion `token`. False for an
   * unknown receipt or a wrong token alike.
   *
   * @throws {DatabaseUnavailableError} when the database cannot do it now
   */
  async withdraw(receipt: string, token: string): Promise<boolean> {
    const canonical = parseReceipt(receipt);
    if (!canonical || token.length < 16 || token.length > 512) return false;
    const scope = Scope.withdrawal(await sha256Hex(token));
    const gone = await this.#withDb(() => this.store.withdraw(scope, canonical));
    if (gone) this.metrics.withdrawn();
    return gone;
  }

  /** Whether this instance can serve: database reachable, schema current. */
  async readiness(): Promise<Readiness> {
    const base = { database: this.db.kind, schema: { expected: SCHEMA_VERSION, found: null } };
    try {
      const found = await this.#withDb(() => schemaVersion(this.db), 3_000);
      return {
        ...base,
        ready: found === SCHEMA_VERSION,
        schema: { expected: SCHEMA_VERSION, found },
        ...(found === SCHEMA_VERSION ? {} : { detail: "schema version differs" }),
      };
    } catch (e) {
      return { ...base, ready: false, detail: `database: ${(e as Error).message}` };
    }
  }

  /** Partitions ahead and retention; each instance may run it (it locks). */
  async maintain(): Promise<void> {
    await this.#withDb(() => ensurePartitions(this.db, this.#now()), 60_000);
    const r = await runRetention(this.db, this.store, this.#now(), this.settings.retentionDays);
    if (r.deleted || r.droppedPartitions.length) {
      this.#log(
        `retention: ${r.deleted} report(s) deleted, partitions dropped: ${
          r.droppedPartitions.join(", ") || "none"
        }`,
      );
    }
  }

  /**
   * Starts the timers: maintenance hourly (the first run within a minute, at a random
   * moment so that instances started together do not all run it at once) and the status
   * file check. A problem is logged when it appears, not every time it persists.
   */
  startTimers(): void {
    let last: string | null = null;
    const report = (problem: string | null) => {
      if (problem && problem !== last) this.#log(problem);
      last = problem;
    };
    const guard = (what: string, f: () => Promise<string | null | void>) => () =>
      void f().then(
        (p) => report(p ?? null),
        (e) => report(`${what} failed: ${(e as Error).message}`),
      );
    const maintain = guard("maintenance", () => this.maintain());
    this.#timers.push(
      setTimeout(maintain, Math.random() * 60_000),
      setInterval(maintain, this.settings.maintenanceMs),
      setInterval(
        guard("status refresh", () => this.status.refresh()),
        this.settings.statusRefreshMs,
      ),
    );
  }

  /**
   * Runs `f` counting it as an upload in flight.
   *
   * @throws {DatabaseUnavailableError} when too many are in flight already
   */
  async admit<T>(f: () => Promise<T>): Promise<T> {
    if (this.#inFlight >= this.settings.maxConcurrentUploads) {
      throw new DatabaseUnavailableError("Too many uploads at once");
    }
    this.#inFlight++;
    try {
      return await f();
    } finally {
      this.#inFlight--;
    }
  }

  /** Uploads being processed now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Stops the timers and closes the database. */
  async close(): Promise<void> {
    for (const t of this.#timers) clearTimeout(t);
    this.#timers = [];
    await this.db.close();
  }

  /** Runs a database operation with a deadline; transient failures become unavailability. */
  async #withDb<T>(f: () => Promise<T>, timeoutMs = this.settings.dbTimeoutMs): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new DatabaseUnavailableError(`The database did not answer in ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([f(), deadline]);
    } catch (e) {
      this.metrics.dbError();
      if (isTransient(e)) {
        throw e instanceof DatabaseUnavailableError
          ? e
          : new DatabaseUnavailableError(`The database is unavailable: ${(e as Error).message}`, {
            cause: e,
          });
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** An upload refused by a rate limit: 429 with Retry-After. */
export class RateLimited extends UploadRejected {
  readonly retryAfterS: number;
  /** @param retryAfterS seconds until a token is back */
  constructor(retryAfterS: number, message: string) {
    super("rate-limited", message);
    this.retryAfterS = retryAfterS;
  }
}

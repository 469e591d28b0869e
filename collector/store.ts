/**
 * The data-access layer of the collector: the only code that reads or writes reports.
 * Every method takes a {@link Scope} first and runs in a transaction that first switches to
 * the role `kiriwake_app` and sets the scope's tenant, so PostgreSQL's row-level security
 * enforces the same boundary a second time (see `migrations/0001_reports.ts`). Tenant
 * scopes also name the tenant in every WHERE clause (the first wall, and it lets the
 * planner use the tenant indexes). Staff reads pass an {@link AuditSink}, called in the
 * same transaction.
 *
 * Issue 16 (the console) adds its queries here, each taking a Scope and an AuditSink.
 *
 * SQL only with bound parameters.
 *
 * @module
 */
import type { AuditSink } from "./audit.ts";
import { constraintOf, type Database, type Sql, sqlState } from "./db.ts";
import { requireScope, type Scope } from "./scope.ts";
import {
  type NewReport,
  REPORT_COLUMNS,
  reportParams,
  type StoredReport,
  storedReportOf,
} from "./store_rows.ts";

export type { NewReport, StoredReport } from "./store_rows.ts";

/** The role every scoped transaction runs as (created by migration 1). */
export const APP_ROLE = "kiriwake_app";

/** What storing a report did. */
export type IngestResult =
  | { status: "created" | "duplicate"; receipt: string; receivedAt: Date }
  | { status: "conflict"; reason: "digest" | "other-tenant" };

const MAX_RECEIPT_DRAWS = 6;

/** The store over one database. */
export class ReportStore {
  readonly #db: Database;
  readonly #newReceipt: () => string;

  /** @param newReceipt draws a receipt code (drawn again on the rare collision) */
  constructor(db: Database, newReceipt: () => string) {
    this.#db = db;
    this.#newReceipt = newReceipt;
  }

  /**
   * Runs `fn` in a transaction under `scope` (role and tenant set for row-level security).
   * The settings go out pipelined with `fn`'s first statement, saving a round trip: both
   * drivers run a transaction's statements in the order they were issued, so the settings
   * always apply first, and if they fail, that failure is what is thrown.
   */
  async #inScope<T>(scope: Scope, fn: (sql: Sql) => Promise<T>): Promise<T> {
    const s = requireScope(scope).settings();
    return await this.#db.transaction(async (sql) => {
      const scoped = sql.query(
        `SELECT set_config('role', $1, true), set_config('kiriwake.tenant', $2, true),
                set_config('kiriwake.all_tenants', $3, true),
                set_config('kiriwake.deletion_sha256', $4, true)`,
        [APP_ROLE, s.tenant, s.allTenants, s.deletionSha256],
      );
      const [, result] = await Promise.all([scoped, fn(sql)]);
      return result;
    });
  }

  /**
   * Stores a report for the scope's tenant, once: the same report id and digest again
   * gives the first receipt (`duplicate`); the same id with another digest, or an id already
   * stored under another tenant, is a `conflict`.
   *
   * @throws {TypeError} when `scope` is not a tenant scope
   * @throws the driver's error when the database fails (see `isTransient`)
   */
  async ingest(scope: Scope, report: NewReport): Promise<IngestResult> {
    if (requireScope(scope).kind !== "tenant") {
      throw new TypeError(`Reports are stored under one tenant, not ${scope.describe()}`);
    }
    for (let draw = 1;; draw++) {
      try {
        return await this.#inScope(
          scope,
          (sql) => insertOnce(sql, scope, report, this.#newReceipt()),
        );
      } catch (e) {
        const collided = sqlState(e) === "23505" && constraintOf(e) === "report_keys_pkey";
        if (!collided || draw >= MAX_RECEIPT_DRAWS) throw e;
      }
    }
  }

  /**
   * The report with `receipt` (canonical form, see `util/receipt.ts`), or null when there
   * is none in the scope. The read is recorded by `audit` in the same transaction.
   */
  async findByReceipt(
    scope: Scope,
    receipt: string,
    audit: AuditSink,
    actor: string,
  ): Promise<StoredReport | null> {
    return await this.#inScope(scope, async (sql) => {
      const tenantOnly = scope.kind === "tenant" ? "AND k.tenant = $2" : "";
      const rows = await sql.query(
        `SELECT ${REPORT_COLUMNS.map((c) => `r.${c}`).join(", ")}
           FROM report_keys k
           JOIN reports r ON r.received_at = k.received_at AND r.report_id = k.report_id
          WHERE k.receipt = $1 ${tenantOnly}`,
        scope.kind === "tenant" ? [receipt, scope.tenant] : [receipt],
      );
      const found = rows[0] ? storedReportOf(rows[0]) : null;
      if (found) await audit.record(sql, { actor, action: "lookup", scope, receipts: [receipt] });
      return found;
    });
  }

  /**
   * Deletes the report with `receipt` when the scope's deletion hash is its own. Returns
   * false for an unknown receipt and for a wrong token alike.
   *
   * @throws {TypeError} when `scope` is not a withdrawal scope
   */
  async withdraw(scope: Scope, receipt: string): Promise<boolean> {
    if (requireScope(scope).kind !== "withdrawal") {
      throw new TypeError(`A withdrawal needs the deletion token, not ${scope.describe()}`);
    }
    return await this.#inScope(scope, async (sql) => {
      const [row] = await sql.query<{ n: number }>(
        `WITH k AS (
           DELETE FROM report_keys WHERE receipt = $1 AND deletion_sha256 = $2
           RETURNING received_at, report_id
         ), r AS (
           DELETE FROM reports USING k
            WHERE reports.received_at = k.received_at AND reports.report_id = k.report_id
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM k)::int + (SELECT count(*) FROM r)::int AS n`,
        [receipt, scope.deletionSha256],
      );
      return (row?.n ?? 0) > 0;
    });
  }

  /**
   * Deletes up to `batch` reports received before their tenant's retention (the tenant's
   * own `retention_days`, else `defaultDays`) ends, counted back from `now`. Returns how
   * many went; call again until it returns less than `batch`.
   *
   * @throws {TypeError} when `scope` is not the all-tenants capability
   */
  async deleteExpired(
    scope: Scope,
    now: Date,
    defaultDays: number,
    batch: number,
  ): Promise<number> {
    if (requireScope(scope).kind !== "all-tenants") {
      throw new TypeError(`Retention runs for all tenants, not ${scope.describe()}`);
    }
    return await this.#inScope(scope, async (sql) => {
      const [row] = await sql.query<{ n: number }>(
        `WITH shortest AS (
           SELECT least($2::int, (SELECT min(retention_days) FROM tenants)) AS days
         ), doomed AS (
           SELECT k.receipt FROM report_keys k LEFT JOIN tenants t ON t.id = k.tenant
            WHERE k.received_at < $1::timestamptz - make_interval(days => (SELECT days FROM shortest))
              AND k.received_at < $1::timestamptz
                  - make_interval(days => coalesce(t.retention_days, $2::int))
            ORDER BY k.received_at
            LIMIT $3::int
         ), k AS (
           DELETE FROM report_keys USING doomed WHERE report_keys.receipt = doomed.receipt
           RETURNING report_keys.received_at, report_keys.report_id
         ), r AS (
           DELETE FROM reports USING k
            WHERE reports.received_at = k.received_at AND reports.report_id = k.report_id
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM k)::int AS n, (SELECT count(*) FROM r)::int AS m`,
        [now.toISOString(), defaultDays, batch],
      );
      return row?.n ?? 0;
    });
  }

  /** How many reports the scope sees (tests, the bench, readiness figures). */
  async count(scope: Scope): Promise<number> {
    return await this.#inScope(scope, async (sql) => {
      const where = scope.kind === "tenant" ? "WHERE tenant = $1" : "";
      const [row] = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM reports ${where}`,
        scope.kind === "tenant" ? [scope.tenant] : [],
      );
      return row?.n ?? 0;
    });
  }
}

async function insertOnce(
  sql: Sql,
  scope: Scope,
  report: NewReport,
  receipt: string,
): Promise<IngestResult> {
  const tenant = scope.tenant!;
  const c = report.columns;
  const p = reportParams(report);
  const rows = await sql.query<{ receipt: string; received_at: Date }>(
    `WITH tenant_row AS (
       INSERT INTO tenants (id) VALUES ($1) ON CONFLICT (id) DO NOTHING
     ), key AS (
       INSERT INTO report_keys (receipt, report_id, digest, tenant, received_at, deletion_sha256)
       VALUES ($2, $3, $4, $1, coalesce($5::timestamptz, now()), $6)
       ON CONFLICT (report_id) DO NOTHING
       RETURNING receipt, received_at
     )
     INSERT INTO reports (received_at, receipt, tenant, ${p.columns.join(", ")})
     SELECT key.received_at, key.receipt, $1, ${p.placeholders(7).join(", ")} FROM key
     RETURNING receipt, received_at`,
    [
      tenant,
      receipt,
      c.reportId,
      report.digest,
      report.receivedAt?.toISOString() ?? null,
      report.deletionSha256,
      ...p.values,
    ],
  );
  if (rows[0]) {
    return { status: "created", receipt: rows[0].receipt, receivedAt: rows[0].received_at };
  }
  const [known] = await sql.query<{ receipt: string; digest: string; received_at: Date }>(
    "SELECT receipt, digest, received_at FROM report_keys WHERE report_id = $1 AND tenant = $2",
    [c.reportId, tenant],
  );
  if (!known) return { status: "conflict", reason: "other-tenant" };
  if (known.digest !== report.digest) return { status: "conflict", reason: "digest" };
  return { status: "duplicate", receipt: known.receipt, receivedAt: known.received_at };
}

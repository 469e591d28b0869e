/**
 * Reading whole reports by receipt for staff: one (to read it, or to export it as the
 * customer saved it), or two (to compare them). A receipt the scope does not see is simply
 * not found — the same answer as a receipt that does not exist. Each read is recorded in the
 * audit log in its own transaction.
 *
 * @module
 */
import { type Actor, type AuditAction, recordRead } from "./audit_log.ts";
import type { Database, Sql } from "./db.ts";
import type { Scope } from "./scope.ts";
import { inScope, tenantCondition, textArray } from "./scoped.ts";
import { REPORT_COLUMNS, type StoredReport, storedReportOf } from "./store_rows.ts";

/** A stored report with what the console adds. */
export interface OpenedReport extends StoredReport {
  /** The provider hop the report blames, when its trace saw where loss starts. */
  blamedHop: string | null;
}

async function fetch(sql: Sql, scope: Scope, receipts: readonly string[]): Promise<OpenedReport[]> {
  const params: unknown[] = [textArray(receipts)];
  const where = tenantCondition(scope, "k.tenant", params);
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT ${REPORT_COLUMNS.map((c) => `r.${c}`).join(", ")}, r.blamed_hop
       FROM report_keys k
       JOIN reports r ON r.received_at = k.received_at AND r.report_id = k.report_id
      WHERE k.receipt = ANY(($1::text)::text[]) AND ${where}`,
    params,
  );
  return rows.map((row) => ({
    ...storedReportOf(row),
    blamedHop: (row.blamed_hop as string) ?? null,
  }));
}

/**
 * The report with `receipt` (canonical), or null when the scope does not see one; the read
 * is recorded as `action` (`open` to read it, `export` to download it).
 */
export async function openReport(
  db: Database,
  scope: Scope,
  receipt: string,
  actor: Actor,
  action: AuditAction & ("open" | "export"),
  detail: Record<string, unknown> = {},
): Promise<OpenedReport | null> {
  return await inScope(db, scope, async (sql) => {
    const [found] = await fetch(sql, scope, [receipt]);
    if (found) await recordRead(sql, actor, scope, action, [receipt], detail);
    return found ?? null;
  });
}

/**
 * The reports `a` and `b`, or null unless the scope sees both; recorded as one `compare`.
 */
export async function openPair(
  db: Database,
  scope: Scope,
  a: string,
  b: string,
  actor: Actor,
): Promise<[OpenedReport, OpenedReport] | null> {
  return await inScope(db, scope, async (sql) => {
    const found = await fetch(sql, scope, [a, b]);
    const ra = found.find((r) => r.receipt === a);
    const rb = found.find((r) => r.receipt === b);
    if (!ra || !rb) return null;
    await recordRead(sql, actor, scope, "compare", [a, b], {});
    return [ra, rb];
  });
}

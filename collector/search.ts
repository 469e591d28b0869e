/**
 * Finding reports: a page of a search (newest first, with a marker for the next page) and a
 * CSV export of a search. Under a tenant scope every query names the tenant; the all-tenants
 * capability may narrow to one. Columns and operators are fixed here; only values come from
 * the request, always as bound parameters.
 *
 * @module
 */
import { type Actor, recordGrouped } from "./audit_log.ts";
import type { Database } from "./db.ts";
import type { Scope } from "./scope.ts";
import { inScope, tenantCondition } from "./scoped.ts";
import type { SearchFilter } from "./search_filter.ts";
import { type ReportSummary, SUMMARY_COLUMNS, summaryOf } from "./summary.ts";

/** A page of results. */
export interface SearchPage {
  rows: ReportSummary[];
  /** True when older rows follow (the last row's marker opens them). */
  more: boolean;
}

/** The WHERE clause and parameters of `f` under `scope` (over `reports r`). */
export function whereOf(scope: Scope, f: SearchFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [tenantCondition(scope, "r.tenant", params, f.tenant)];
  const add = (cond: (n: number) => string, v: unknown) => {
    params.push(v);
    where.push(cond(params.length));
  };
  if (f.receipt) {
    add(
      (n) =>
        `(r.received_at, r.report_id) IN (SELECT k.received_at, k.report_id FROM report_keys k WHERE k.receipt = $${n})`,
      f.receipt,
    );
  }
  if (f.ticket) add((n) => `r.ticket = $${n}`, f.ticket);
  if (f.from) add((n) => `r.received_at >= $${n}::timestamptz`, f.from.toISOString());
  if (f.to) add((n) => `r.received_at < $${n}::timestamptz`, f.to.toISOString());
  if (f.segment === "none") where.push("r.headline_segment IS NULL");
  else if (f.segment) add((n) => `r.headline_segment = $${n}`, f.segment);
  if (f.access === "unknown") where.push("r.access_type IS NULL");
  else if (f.access) add((n) => `r.access_type = $${n}`, f.access);
  if (f.os) add((n) => `r.os = $${n}`, f.os);
  if (f.kit) add((n) => `r.kit_version = $${n}`, f.kit);
  if (f.device) add((n) => `r.device_key = $${n}`, f.device);
  if (f.licence) add((n) => `r.licence_id = $${n}`, f.licence);
  if (f.before) {
    params.push(f.before.at.toISOString(), f.before.id);
    where.push(
      `(r.received_at, r.report_id) < ($${params.length - 1}::timestamptz, $${params.length})`,
    );
  }
  return { where: where.join(" AND "), params };
}

async function select(
  db: Database,
  scope: Scope,
  f: SearchFilter,
  limit: number,
  audit: { actor: Actor; action: "search" | "lookup" | "export"; detail: Record<string, unknown> },
): Promise<ReportSummary[]> {
  return await inScope(db, scope, async (sql) => {
    const { where, params } = whereOf(scope, f);
    params.push(limit);
    const rows = (await sql.query<Record<string, unknown>>(
      `SELECT ${SUMMARY_COLUMNS} FROM reports r WHERE ${where}
        ORDER BY r.received_at DESC, r.report_id DESC LIMIT $${params.length}::int`,
      params,
    )).map(summaryOf);
    const byTenant = new Map<string, string[]>();
    for (const r of rows) byTenant.set(r.tenant, [...(byTenant.get(r.tenant) ?? []), r.receipt]);
    await recordGrouped(sql, audit.actor, audit.action, byTenant, {
      ...audit.detail,
      rows: rows.length,
    });
    return rows;
  });
}

/**
 * One page of reports matching `f`, newest first; recorded in the audit log (the receipts a
 * page listed, and the search) in the same transaction.
 */
export async function searchReports(
  db: Database,
  scope: Scope,
  f: SearchFilter,
  pageSize: number,
  actor: Actor,
): Promise<SearchPage> {
  const rows = await select(db, scope, f, pageSize + 1, {
    actor,
    action: f.receipt ? "lookup" : "search",
    detail: { filter: filterRecord(f) },
  });
  return { rows: rows.slice(0, pageSize), more: rows.length > pageSize };
}

/** Up to `limit` reports matching `f` for a CSV export; recorded as an export. */
export async function exportReports(
  db: Database,
  scope: Scope,
  f: SearchFilter,
  limit: number,
  actor: Actor,
): Promise<ReportSummary[]> {
  return await select(db, scope, f, limit, {
    actor,
    action: "export",
    detail: { format: "csv", filter: filterRecord(f) },
  });
}

/** The filter as the audit log keeps it. */
export function filterRecord(f: SearchFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined) continue;
    out[k] = v instanceof Date
      ? v.toISOString()
      : typeof v === "object"
      ? `${(v as { at: Date }).at.toISOString()}|${(v as { id: string }).id}`
      : String(v);
  }
  return out;
}

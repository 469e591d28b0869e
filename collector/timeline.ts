/**
 * "This customer's other reports": the reports of the same device (the device key, see
 * `extract.ts`), of the same support ticket, or under the same verified licence when the
 * licence is the customer's own, within the report's tenant, newest first. Listed reports
 * are recorded in the audit log as a search.
 *
 * @module
 */
import { type Actor, recordGrouped } from "./audit_log.ts";
import type { Database } from "./db.ts";
import type { Scope } from "./scope.ts";
import { inScope, tenantCondition } from "./scoped.ts";
import { type ReportSummary, SUMMARY_COLUMNS, summaryOf } from "./summary.ts";

/** What ties reports to one customer. */
export interface CustomerKeys {
  tenant: string;
  receipt: string;
  deviceKey: string | null;
  ticket: string | null;
  /** Only for licences issued to one customer (not a corporate licence shared by many). */
  licenceId: string | null;
}

/** The customer's reports (the report itself included), newest first, at most `limit`. */
export async function customerTimeline(
  db: Database,
  scope: Scope,
  keys: CustomerKeys,
  limit: number,
  actor: Actor,
): Promise<ReportSummary[]> {
  const ties: string[] = [];
  const params: unknown[] = [];
  const tie = (column: string, v: string | null) => {
    if (v === null) return;
    params.push(v);
    ties.push(`r.${column} = $${params.length}`);
  };
  tie("device_key", keys.deviceKey);
  tie("ticket", keys.ticket);
  tie("licence_id", keys.licenceId);
  if (ties.length === 0) return [];
  return await inScope(db, scope, async (sql) => {
    // The report's own tenant: a provider admin sees every tenant, but a customer is in one.
    params.push(keys.tenant);
    const own = `r.tenant = $${params.length}`;
    const where = tenantCondition(scope, "r.tenant", params);
    params.push(limit);
    const rows = (await sql.query<Record<string, unknown>>(
      `SELECT ${SUMMARY_COLUMNS} FROM reports r
        WHERE (${ties.join(" OR ")}) AND ${own} AND ${where}
        ORDER BY r.created_at DESC, r.report_id DESC LIMIT $${params.length}::int`,
      params,
    )).map(summaryOf);
    const others = rows.filter((r) => r.receipt !== keys.receipt).map((r) => r.receipt);
    if (others.length) {
      await recordGrouped(sql, actor, "search", new Map([[keys.tenant, others]]), {
        timelineOf: keys.receipt,
      });
    }
    return rows;
  });
}

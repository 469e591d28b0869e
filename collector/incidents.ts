/**
 * The incident view: many reports blaming the same segment — or the same provider hop —
 * within a short window are one incident, not many customers' faults. Counted over the
 * scope's reports received in `(to − window, to]`; segments that belong to one customer (the
 * device, the home network) never make an incident. Uses the `(tenant, headline_segment,
 * received_at)` index; an all-tenants scope counts across tenants (a provider-wide outage).
 *
 * @module
 */
import type { Segment } from "../probes/types.ts";
import type { Database } from "./db.ts";
import type { Scope } from "./scope.ts";
import { inScope, tenantCondition, textArray } from "./scoped.ts";

/** Segments shared by many customers: only these make incidents. */
export const SHARED_SEGMENTS: readonly Segment[] = ["isp", "dns", "internet", "service"];

/** One incident. */
export interface Incident {
  segment: Segment;
  /** Reports blaming the segment in the window. */
  count: number;
  first: Date;
  last: Date;
  /** Provider hops blamed by at least the threshold of those reports, most first. */
  hops: { hop: string; count: number; first: Date; last: Date }[];
}

/** What to look for. */
export interface IncidentQuery {
  /** The end of the window (now, or around a report). */
  to: Date;
  windowMinutes: number;
  /** Reports that make an incident. */
  threshold: number;
  /** Only this segment. */
  segment?: Segment;
  /** Narrows an all-tenants scope to one tenant. */
  tenant?: string | null;
}

/** The incidents under `scope` in the window, largest first. */
export async function findIncidents(
  db: Database,
  scope: Scope,
  q: IncidentQuery,
): Promise<Incident[]> {
  const from = new Date(q.to.getTime() - q.windowMinutes * 60_000);
  return await inScope(db, scope, async (sql) => {
    const params: unknown[] = [];
    const where = [tenantCondition(scope, "tenant", params, q.tenant)];
    params.push(textArray(q.segment ? [q.segment] : SHARED_SEGMENTS));
    where.push(`headline_segment = ANY(($${params.length}::text)::text[])`);
    params.push(from.toISOString(), q.to.toISOString(), q.threshold);
    where.push(
      `received_at > $${params.length - 2}::timestamptz`,
      `received_at <= $${params.length - 1}::timestamptz`,
    );
    const rows = await sql.query<Record<string, unknown>>(
      `SELECT headline_segment AS segment, blamed_hop AS hop, GROUPING(blamed_hop) AS all_hops,
              count(*)::int AS n, min(received_at) AS first, max(received_at) AS last
         FROM reports WHERE ${where.join(" AND ")}
        GROUP BY GROUPING SETS ((headline_segment), (headline_segment, blamed_hop))
       HAVING count(*) >= $${params.length}::int`,
      params,
    );
    const incidents = new Map<string, Incident>();
    for (const r of rows.filter((r) => Number(r.all_hops) === 1)) {
      incidents.set(r.segment as string, {
        segment: r.segment as Segment,
        count: Number(r.n),
        first: new Date(r.first as string),
        last: new Date(r.last as string),
        hops: [],
      });
    }
    for (const r of rows.filter((r) => Number(r.all_hops) === 0 && r.hop !== null)) {
      incidents.get(r.segment as string)?.hops.push({
        hop: r.hop as string,
        count: Number(r.n),
        first: new Date(r.first as string),
        last: new Date(r.last as string),
      });
    }
    const list = [...incidents.values()];
    for (const i of list) i.hops.sort((a, b) => b.count - a.count || a.hop.localeCompare(b.hop));
    return list.sort((a, b) => b.count - a.count || a.segment.localeCompare(b.segment));
  });
}

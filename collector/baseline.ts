/**
 * The crowd baseline of one report — what a single report cannot know: for its access type,
 * the distribution of download and upload throughput, loaded latency and loss over the
 * scope's reports received within `days` before it (and a day after), hour by hour and over
 * the whole day, with where the report's own values fall. One query: the tenant and access
 * type lead the index (`reports_tenant_baseline`, which carries the four numbers), the time
 * window prunes the monthly partitions.
 *
 * Peers are the scope's reports: a tenant's own customers, or — for the all-tenants
 * capability — the tenant of the report (a provider admin sees what its tenant would), unless
 * asked for the whole provider. The report itself is not its own peer.
 *
 * @module
 */
import type { Database } from "./db.ts";
import type { Scope } from "./scope.ts";
import { inScope, tenantCondition } from "./scoped.ts";

/** The numbers the baseline compares. */
export const METRICS = ["down", "up", "loaded", "loss"] as const;
/** One of {@link METRICS}. */
export type Metric = typeof METRICS[number];

const COLUMN: Record<Metric, string> = {
  down: "down_mbps",
  up: "up_mbps",
  loaded: "loaded_latency_ms",
  loss: "loss_percent",
};

/** The quantiles a distribution is kept as: 10th, 25th, 50th, 75th, 90th percentile. */
export const QUANTILES = [0.1, 0.25, 0.5, 0.75, 0.9] as const;

/** One metric over a group of peers. */
export interface Distribution {
  /** Peers with a value. */
  n: number;
  /** The {@link QUANTILES}, or null without values. */
  q: number[] | null;
  /** Peers whose value is below the report's. */
  below: number;
  /** Peers whose value equals the report's. */
  equal: number;
}

/** The peers of one hour of the day (or of the whole day). */
export interface Cell {
  /** 0–23, or null for the whole day. */
  hour: number | null;
  /** Peers (with or without values). */
  n: number;
  metrics: Record<Metric, Distribution>;
}

/** The report's values, as stored. */
export interface BaselineSubject {
  reportId: string;
  tenant: string;
  receivedAt: Date;
  hourOfDay: number;
  accessType: string | null;
  values: Record<Metric, number | null>;
}

/** The baseline of one report. */
export interface Baseline {
  subject: BaselineSubject;
  /** Whose reports: one tenant's, or the whole provider's. */
  peers: { tenant: string | null };
  from: Date;
  to: Date;
  days: number;
  /** The report's hour (zero peers when none). */
  hour: Cell;
  /** Every hour that has peers, in order. */
  hours: Cell[];
  /** The whole day. */
  day: Cell;
}

/**
 * The baseline of `subject` under `scope`.
 *
 * @param wholeProvider peers of every tenant (only for the all-tenants capability)
 */
export async function crowdBaseline(
  db: Database,
  scope: Scope,
  subject: BaselineSubject,
  days: number,
  wholeProvider = false,
): Promise<Baseline> {
  const from = new Date(subject.receivedAt.getTime() - days * 86_400_000);
  const to = new Date(subject.receivedAt.getTime() + 86_400_000);
  const peersTenant = scope.kind === "all-tenants" && wholeProvider ? null : subject.tenant;
  return await inScope(db, scope, async (sql) => {
    const params: unknown[] = [];
    const where = [tenantCondition(scope, "tenant", params, peersTenant)];
    if (peersTenant !== null && scope.kind === "tenant" && scope.tenant !== peersTenant) {
      throw new TypeError("A tenant scope has no baseline of another tenant");
    }
    if (subject.accessType === null) where.push("access_type IS NULL");
    else {
      params.push(subject.accessType);
      where.push(`access_type = $${params.length}`);
    }
    params.push(from.toISOString(), to.toISOString(), subject.reportId);
    where.push(
      `received_at >= $${params.length - 2}::timestamptz`,
      `received_at < $${params.length - 1}::timestamptz`,
      `report_id <> $${params.length}`,
    );
    const cols = METRICS.map((m) => {
      params.push(subject.values[m]);
      const v = `$${params.length}::float8`;
      const c = COLUMN[m];
      return `count(${c})::int AS ${m}_n,
        percentile_cont(ARRAY[${
        QUANTILES.join(",")
      }]::float8[]) WITHIN GROUP (ORDER BY ${c}) AS ${m}_q,
        count(*) FILTER (WHERE ${c} < ${v})::int AS ${m}_below,
        count(*) FILTER (WHERE ${c} = ${v})::int AS ${m}_equal`;
    });
    const rows = await sql.query<Record<string, unknown>>(
      `SELECT GROUPING(hour_of_day) AS whole_day, hour_of_day AS hour, count(*)::int AS n,
              ${cols.join(",\n")}
         FROM reports WHERE ${where.join(" AND ")}
        GROUP BY GROUPING SETS ((hour_of_day), ())`,
      params,
    );
    const cells = rows.map(cellOf);
    const day = cells.find((c) => c.hour === null) ?? emptyCell(null);
    const hours = cells.filter((c) => c.hour !== null).sort((a, b) => a.hour! - b.hour!);
    return {
      subject,
      peers: { tenant: peersTenant },
      from,
      to,
      days,
      hour: hours.find((c) => c.hour === subject.hourOfDay) ?? emptyCell(subject.hourOfDay),
      hours,
      day,
    };
  });
}

function cellOf(r: Record<string, unknown>): Cell {
  const whole = Number(r.whole_day) === 1;
  return {
    hour: whole ? null : Number(r.hour),
    n: Number(r.n),
    metrics: Object.fromEntries(METRICS.map((m) => {
      const q = r[`${m}_q`];
      const list = typeof q === "string" ? parsePgArray(q) : Array.isArray(q) ? q : null;
      return [m, {
        n: Number(r[`${m}_n`]),
        q: list && list.every((x) => x !== null) ? list.map(Number) : null,
        below: Number(r[`${m}_below`]),
        equal: Number(r[`${m}_equal`]),
      }];
    })) as Record<Metric, Distribution>,
  };
}

function emptyCell(hour: number | null): Cell {
  const none: Distribution = { n: 0, q: null, below: 0, equal: 0 };
  return { hour, n: 0, metrics: { down: none, up: none, loaded: none, loss: none } };
}

/** `{1.5,2,NULL}` → numbers (a driver that leaves arrays as text). */
function parsePgArray(text: string): (number | null)[] {
  return text.replace(/^\{|\}$/g, "").split(",").map((s) => s === "NULL" ? null : Number(s));
}

/**
 * Figures of the collector, on loopback against a throwaway PostgreSQL (the test cluster
 * of `tests/support/postgres.ts`):
 *
 * 1. Ingest: reports/s and client-side p50/p99 latency of `POST /v1/reports`, with 1 and
 *    with 3 collector processes (`kiriwake collector --db …`), the load spread round-robin
 *    by `--concurrency` clients in this process. Every upload is a distinct, sealed report
 *    (the sample report with its own id, ~9.7 kB).
 * 2. Lookup: receipt lookup latency through the data-access layer (scoped transaction, the
 *    same path the console will use) with `--reports` stored reports, generated in SQL in
 *    batches; then the support desk console's receipt search, list pages and crowd baseline
 *    among the same reports (`console_bench.ts`).
 *
 * Run: `deno task bench:collector [--seconds 10] [--concurrency 32] [--reports 1000000]`.
 * Prints a table and JSON. The machine is shared: read it as an order of magnitude.
 *
 * @module
 */
import { parseArgs } from "node:util";
import postgres from "postgres";
import { NO_STAFF_READ } from "../collector/audit.ts";
import { openPostgres } from "../collector/db_postgres.ts";
import { migrate } from "../collector/migrate.ts";
import { Scope } from "../collector/scope.ts";
import { ReportStore } from "../collector/store.ts";
import { distinctReport, uploadOf } from "../collector/testing.ts";
import { newReceipt } from "../util/receipt.ts";
import { type CollectorProcess, startCollectorProcess } from "../tests/support/collector_proc.ts";
import { startPostgres, type TestPostgres } from "../tests/support/postgres.ts";
import { generateReports } from "./collector_generate.ts";
import { consoleFigures, consoleLines } from "./console_bench.ts";
import { cpuSeconds } from "./proc_cpu.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    seconds: { type: "string", default: "10" },
    concurrency: { type: "string", default: "32" },
    reports: { type: "string", default: "1000000" },
    lookups: { type: "string", default: "2000" },
  },
});
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const REPORTS = Number(values.reports);
const LOOKUPS = Number(values.lookups);

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;
function quantiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return {
    n: s.length,
    p50Ms: round(q(0.5)),
    p99Ms: round(q(0.99)),
    maxMs: round(s[s.length - 1]),
  };
}

/** Distinct upload bodies, made before the clock starts. */
async function bodies(n: number): Promise<string[]> {
  const base = await distinctReport();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await distinctReport({
      id: `bench-${crypto.randomUUID()}`,
      mutate: (x) => void (x.createdAt = base.createdAt),
    });
    out.push((await uploadOf(r)).body);
  }
  return out;
}

/** Posts one upload to `url`; its HTTP status. */
type Upload = (url: string) => Promise<number>;

/**
 * An upload client over a pool of bodies. One per database: its phases take the bodies in
 * turn, so each upload is a new report (201), not one stored in an earlier phase (200).
 */
function uploader(pool: string[]): Upload {
  let next = 0;
  return async (url: string) => {
    const res = await fetch(`${url}/v1/reports`, {
      method: "POST",
      body: pool[next++ % pool.length],
      headers: { "content-type": "application/json" },
    });
    await res.body?.cancel();
    return res.status;
  };
}

/**
 * Capacity: `CONCURRENCY` clients post back to back for `seconds` (closed loop), after a
 * warm-up; reports/s is what the instances absorb when saturated.
 */
async function capacity(urls: string[], one: Upload, seconds: number) {
  // Warm up (connections, prepared statements, and the JIT, which otherwise spends the
  // first seconds' CPU compiling) for half the measured time.
  const warm = performance.now() + seconds * 500;
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, c) => {
    for (let i = c; performance.now() < warm; i += CONCURRENCY) await one(urls[i % urls.length]);
  }));
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, c) => {
    for (let i = c; performance.now() < end; i += CONCURRENCY) {
      const s = performance.now();
      const status = await one(urls[i % urls.length]);
      latencies.push(performance.now() - s);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }));
  const elapsed = (performance.now() - t0) / 1000;
  return {
    reportsPerSecond: round(latencies.length / elapsed, 0),
    perInstance: round(latencies.length / elapsed / urls.length, 0),
    ...quantiles(latencies),
    statuses,
  };
}

/**
 * Latency at a steady offered rate (open loop): uploads start on a fixed schedule whether
 * or not earlier ones finished, and each latency counts from its scheduled start, so a
 * stall shows in the figures instead of slowing the load down.
 */
async function atRate(urls: string[], one: Upload, rate: number, seconds: number) {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      one(urls[i % urls.length]).then((status) => {
        latencies.push(performance.now() - due);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }),
    );
  }
  await Promise.all(pending);
  return { offeredPerSecond: rate, ...quantiles(latencies), statuses };
}
/** The 1-minute load average (Linux), to read the figures against. */
function loadAverage(): string {
  try {
    return Deno.loadavg().map((l) => l.toFixed(1)).join(" ");
  } catch {
    return "unknown";
  }
}

async function instances(url: string, n: number): Promise<CollectorProcess[]> {
  return await Promise.all(
    Array.from(
      { length: n },
      () => startCollectorProcess(["--db", url, "--rate-source", "0", "--rate-licence", "0"]),
    ),
  );
}

async function lookups(pg: TestPostgres) {
  const url = await pg.createDatabase("lookup_bench");
  const db = openPostgres(url);
  await migrate(db);
  const gen = await generateReports(url, REPORTS, (line) => console.error(line));
  const store = new ReportStore(db, () => newReceipt("alnum"));
  const sample = Array.from({ length: LOOKUPS }, () => gen.sample());
  // Warm the pool and the plans.
  for (const s of sample.slice(0, 50)) {
    await store.findByReceipt(Scope.tenant(s.tenant), s.receipt, NO_STAFF_READ, "bench");
  }
  const times: number[] = [];
  let found = 0;
  for (const s of sample) {
    const t0 = performance.now();
    const r = await store.findByReceipt(Scope.tenant(s.tenant), s.receipt, NO_STAFF_READ, "bench");
    times.push(performance.now() - t0);
    if (r) found++;
  }
  const size = await db.query<{ size: string }>(
    "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) AS size FROM pg_class c WHERE c.relname LIKE 'report%' AND c.relkind IN ('r','p')",
  );
  await db.close();
  return {
    stored: gen.count,
    generateSeconds: gen.seconds,
    storeSize: size[0]?.size,
    lookup: { ...quantiles(times), found },
    // Issue 16: the console's own pages and queries over the same million (console_bench.ts).
    console: await consoleFigures(url, gen),
  };
}

const LOAD_BEFORE = loadAverage();
const pg = await startPostgres();
const results: Record<string, unknown> = {};
try {
  console.error(`PostgreSQL on port ${pg.port}; making upload bodies…`);
  const pool = await bodies(Math.ceil(SECONDS * 2000) + CONCURRENCY * 8);
  for (const n of [1, 3]) {
    const url = await pg.createDatabase(`ingest_${n}`);
    const procs = await instances(url, n);
    try {
      const urls = procs.map((p) => p.url);
      console.error(`ingest with ${n} instance(s): capacity for ${SECONDS} s…`);
      const cpu = () => ({
        collector: procs.reduce((t, p) => t + cpuSeconds(p.pid), 0),
        postgres: cpuSeconds(pg.pid()!, true),
        client: cpuSeconds(Deno.pid),
      });
      const one = uploader(pool);
      const before = cpu();
      const cap = await capacity(urls, one, SECONDS);
      const after = cpu();
      const per = (k: keyof typeof before) => round(((after[k] - before[k]) * 1000) / cap.n, 2);
      const cpuMsPerReport = {
        collector: per("collector"),
        postgres: per("postgres"),
        client: per("client"),
      };
      // The target rate (500/s per instance), or 80 % of what was absorbed when that is less.
      const rate = Math.max(10, Math.min(500 * n, Math.round(cap.reportsPerSecond * 0.8)));
      console.error(`ingest with ${n} instance(s): latency at ${rate}/s for ${SECONDS} s…`);
      results[`ingest${n}`] = {
        instances: n,
        capacity: cap,
        cpuMsPerReport,
        latency: await atRate(urls, one, rate, SECONDS),
      };
    } finally {
      await Promise.all(procs.map((p) => p.kill("SIGTERM")));
    }
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const [row] = await sql`SELECT count(*)::int AS n FROM reports`;
    await sql.end();
    (results[`ingest${n}`] as Record<string, unknown>).rowsStored = row.n;
  }
  if (REPORTS > 0) {
    console.error(`generating ${REPORTS} reports for the lookup…`);
    results.lookup = await lookups(pg);
  }
} finally {
  await pg.close();
}

// deno-lint-ignore no-explicit-any
const r = results as any;
const line = (n: number) => {
  const i = r[`ingest${n}`];
  const c = i.cpuMsPerReport;
  return [
    `  ingest, ${n} instance${n > 1 ? "s" : ""}: capacity ${i.capacity.reportsPerSecond} reports/s`,
    ` (${i.capacity.perInstance}/instance); at ${i.latency.offeredPerSecond}/s offered:`,
    ` p50 ${i.latency.p50Ms} ms, p99 ${i.latency.p99Ms} ms\n`,
    `    CPU per report: collector ${c.collector} ms, PostgreSQL ${c.postgres} ms,`,
    ` load generator ${c.client} ms`,
  ].join("");
};
// deno-lint-ignore no-explicit-any
function lookupLines(l: any): string {
  return [
    `  receipt lookup with ${l.stored} reports: p50 ${l.lookup.p50Ms} ms, p99 ${l.lookup.p99Ms} ms`,
    consoleLines(l.console, l.stored),
  ].join("\n");
}

console.log(`
collector bench (loopback, ${navigator.hardwareConcurrency} cores, load average before ${LOAD_BEFORE}, ${CONCURRENCY} clients, ${SECONDS} s per phase)
${line(1)}
${line(3)}
${r.lookup ? lookupLines(r.lookup) : "  (lookup skipped: --reports 0)"}
`);
console.log(JSON.stringify(results, null, 2));

/**
 * Figures of the support desk console among generated reports (`collector_generate.ts`: 50
 * tenants over twelve months), on a throwaway PostgreSQL, through the console's own code:
 *
 * - receipt: `GET /console?receipt=…` as an agent types it (session check, search by receipt,
 *   the audit record, the redirect to the report) — target ≤ 50 ms;
 * - list page: `GET /console?segment=isp&access=pppoe` for a tenant's agent, and
 *   `?segment=isp&os=windows` for a provider admin over every tenant (session, search, audit
 *   of the listed receipts, the incident query, the HTML) — target ≤ 300 ms;
 * - crowd baseline of one report (`crowdBaseline`, one query) for a tenant, and over the whole
 *   provider — target ≤ 500 ms;
 * - the report read itself (`openReport`, with its audit record).
 *
 * In-process (`app.request`, no socket), so the figures are the server's time. Run by
 * `deno task bench:collector` after its ingest phases, or alone:
 * `deno run -A bench/console_bench.ts [--reports 1000000] [--runs 50]`.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { BRAND } from "../brand/brand.ts";
import { crowdBaseline } from "../collector/baseline.ts";
import { Collector } from "../collector/collector.ts";
import { SupportConsole } from "../collector/console.ts";
import { openPostgres } from "../collector/db_postgres.ts";
import { migrate } from "../collector/migrate.ts";
import { openReport } from "../collector/report_open.ts";
import { PROVIDER_TENANT, Scope } from "../collector/scope.ts";
import { createCollectorApp } from "../web/collector/app.ts";
import { startPostgres } from "../tests/support/postgres.ts";
import { type Generated, generateReports } from "./collector_generate.ts";

const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/** p50/p99/max of `xs` (ms). */
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

async function timed(runs: number, f: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(5, runs); i++) await f(i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f(i);
    ms.push(performance.now() - t0);
  }
  return quantiles(ms);
}

/** The console's figures over the generated reports at `url`. */
export async function consoleFigures(url: string, gen: Generated, runs = 50) {
  const db = openPostgres(url);
  try {
    const collector = await Collector.open({
      db,
      brand: BRAND,
      settings: { timeZone: "Asia/Tokyo", rateSource: { perMinute: 0, burst: 1 } },
    });
    const con = new SupportConsole({ db, brand: BRAND, timeZone: "Asia/Tokyo", trustProxy: false });
    const app = createCollectorApp(collector, (l) => console.error(l), con);
    const tenant = gen.sample().tenant;
    const all = Scope.allTenants("bench");
    const operator = { id: "bench", login: "bench", tenant: PROVIDER_TENANT };
    const password = "bench: a long enough passphrase";
    await con.accounts.add(all, operator, { tenant, login: "agent", role: "agent", password });
    await con.accounts.add(all, operator, {
      tenant: PROVIDER_TENANT,
      login: "root",
      role: "provider-admin",
      password,
    });
    const cookie = async (login: string) => {
      const r = await con.accounts.signIn(login, password, "bench");
      if (!r.ok) throw new Error("bench sign-in failed");
      return `kw_console=${r.token}`;
    };
    const agent = await cookie("agent");
    const root = await cookie("root");
    const get = async (path: string, who: string, status = 200) => {
      const res = await app.request(`http://bench.test${path}`, { headers: { cookie: who } }, {
        remoteAddr: "127.0.0.1",
      });
      await res.arrayBuffer();
      if (res.status !== status) throw new Error(`${path}: ${res.status}`);
    };
    const own: string[] = [];
    while (own.length < runs) {
      const s = gen.sample();
      if (s.tenant === tenant) own.push(s.receipt);
    }
    const receipt = await timed(
      runs,
      (i) =>
        get(
          `/console?receipt=${encodeURIComponent(own[i].toLowerCase().replaceAll("-", " "))}`,
          agent,
          303,
        ),
    );
    const open = await timed(
      runs,
      (i) => openReport(db, Scope.tenant(tenant), own[i], operator, "open"),
    );
    const listTenant = await timed(runs, () => get("/console?segment=isp&access=pppoe", agent));
    const listAll = await timed(runs, () => get("/console?segment=isp&os=windows", root));
    const subjects = await Promise.all(
      own.slice(0, runs).map(async (r) => {
        const s = (await openReport(db, all, r, operator, "open"))!;
        return {
          reportId: s.columns.reportId,
          tenant: s.tenant,
          receivedAt: s.receivedAt,
          hourOfDay: s.columns.hourOfDay,
          accessType: s.columns.accessType,
          values: {
            down: s.columns.downMbps,
            up: s.columns.upMbps,
            loaded: s.columns.loadedLatencyMs,
            loss: s.columns.lossPercent,
          },
        };
      }),
    );
    let peers = 0;
    const baselineTenant = await timed(runs, async (i) => {
      const b = await crowdBaseline(db, Scope.tenant(tenant), subjects[i], 28);
      peers = b.day.n;
    });
    let providerPeers = 0;
    const baselineProvider = await timed(runs, async (i) => {
      const b = await crowdBaseline(db, all, subjects[i], 28, true);
      providerPeers = b.day.n;
    });
    await collector.close();
    return {
      receiptSearchPage: receipt,
      reportRead: open,
      listPageTenant: listTenant,
      listPageAllTenants: listAll,
      baselineTenant: { ...baselineTenant, peersOverTheDay: peers },
      baselineWholeProvider: { ...baselineProvider, peersOverTheDay: providerPeers },
    };
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
}

/** The lines the bench prints. */
export function consoleLines(
  f: Awaited<ReturnType<typeof consoleFigures>>,
  stored: number,
): string {
  const l = (label: string, q: { p50Ms: number; p99Ms: number }, target: number) =>
    `  console, ${label}: p50 ${q.p50Ms} ms, p99 ${q.p99Ms} ms (target ≤ ${target} ms)`;
  return [
    `  console with ${stored} reports:`,
    l("receipt typed → report (HTTP)", f.receiptSearchPage, 50),
    l("report read by receipt (store)", f.reportRead, 50),
    l("filtered list page, one tenant (HTTP)", f.listPageTenant, 300),
    l("filtered list page, all tenants (HTTP)", f.listPageAllTenants, 300),
    l(
      `crowd baseline, one tenant (${f.baselineTenant.peersOverTheDay} peers)`,
      f.baselineTenant,
      500,
    ),
    l(
      `crowd baseline, whole provider (${f.baselineWholeProvider.peersOverTheDay} peers)`,
      f.baselineWholeProvider,
      500,
    ),
  ].join("\n");
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      reports: { type: "string", default: "1000000" },
      runs: { type: "string", default: "50" },
    },
  });
  const pg = await startPostgres();
  try {
    const url = await pg.createDatabase("console_bench");
    const db = openPostgres(url);
    await migrate(db);
    await db.close();
    console.error(`generating ${values.reports} reports…`);
    const gen = await generateReports(url, Number(values.reports), (l) => console.error(l));
    console.error(`generated in ${gen.seconds} s; measuring…`);
    const f = await consoleFigures(url, gen, Number(values.runs));
    console.log(consoleLines(f, gen.count));
    console.log(JSON.stringify(f, null, 2));
  } finally {
    await pg.close();
  }
}

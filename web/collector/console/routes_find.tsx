/**
 * Finding and reading reports: the search (a typed receipt opens its report at once), the CSV
 * of a search, a report with its baseline, timeline and incident, its details, its downloads
 * (the JSON as the customer saved it, the single-file HTML, the text summary) and the
 * comparison of two. Every read goes through the data-access layer under the staff's scope
 * and is recorded in the audit log; a receipt outside the scope is "not found", exactly like
 * one that does not exist.
 *
 * @module
 */
import type { Hono } from "hono";
import { crowdBaseline } from "../../../collector/baseline.ts";
import { readBaseline } from "../../../collector/baseline_reading.ts";
import { toCsv } from "../../../collector/csv.ts";
import { findIncidents, SHARED_SEGMENTS } from "../../../collector/incidents.ts";
import { type OpenedReport, openPair, openReport } from "../../../collector/report_open.ts";
import { can } from "../../../collector/roles.ts";
import { exportReports, searchReports } from "../../../collector/search.ts";
import { parseSearch } from "../../../collector/search_filter.ts";
import { listTenants } from "../../../collector/tenants.ts";
import { customerTimeline } from "../../../collector/timeline.ts";
import { SEGMENTS } from "../../../probes/types.ts";
import { digestOf } from "../../../report/digest.ts";
import { renderReportHtml } from "../../../report/html/render.tsx";
import { type Report, reportSchema } from "../../../report/schema.ts";
import { renderText } from "../../../report/text.ts";
import { parseReceipt } from "../../../util/receipt.ts";
import type { ConsoleContext, Helpers } from "./helpers.ts";
import { comparePage, type Side } from "./compare_page.tsx";
import type { ConsoleEnv } from "./guard.ts";
import { reportPage } from "./report_page.tsx";
import { searchPage } from "./search_page.tsx";
import { W } from "./words.ts";

/** The body of a stored report as a checked report, with whether its digest still holds. */
export async function bodyAsReport(
  stored: OpenedReport,
): Promise<{ report: Report | null; verified: boolean }> {
  const parsed = reportSchema.safeParse(stored.body);
  if (!parsed.success) return { report: null, verified: false };
  const verified = (await digestOf(parsed.data).catch(() => "")) === parsed.data.digest.value;
  return { report: parsed.data, verified };
}

/** Adds the search and report routes. */
export function findRoutes(app: Hono<ConsoleEnv>, h: Helpers): void {
  const con = h.con;
  const s = con.settings;

  const query = (c: ConsoleContext) => {
    const q: Record<string, string> = {};
    for (const [k, v] of new URL(c.req.url).searchParams) if (!(k in q)) q[k] = v;
    return q;
  };
  // A tenant's staff search their tenant: a tenant named in the request is not theirs to name.
  const searchOf = (c: ConsoleContext) => {
    const parsed = parseSearch(query(c), con.timeZone);
    if (h.scope(c).kind !== "all-tenants") delete parsed.filter.tenant;
    return parsed;
  };
  const notFound = async (c: ConsoleContext) => {
    const lang = h.ctx(c).lang;
    return await h.message(c, 404, W.notFound[lang], W.notFoundHint[lang]);
  };
  const opened = async (c: ConsoleContext, action: "open" | "export", detail = {}) => {
    const receipt = parseReceipt(c.req.param("receipt") ?? "");
    if (!receipt) return null;
    return await openReport(con.db, h.scope(c), receipt, h.actor(c), action, detail);
  };

  app.get("/", async (c) => {
    const { filter, problems } = searchOf(c);
    const scope = h.scope(c);
    const page = await searchReports(con.db, scope, filter, s.pageSize, h.actor(c));
    if (filter.receipt && page.rows.length === 1) {
      return c.redirect(`/console/r/${page.rows[0].receipt}`, 303);
    }
    const staff = c.get("session")!.staff;
    const [incidents, tenants] = await Promise.all([
      findIncidents(con.db, scope, {
        to: con.now(),
        windowMinutes: s.incidentWindowMinutes,
        threshold: s.incidentThreshold,
        tenant: filter.tenant,
      }),
      can(staff, "all-tenants") ? listTenants(con.db, scope) : Promise.resolve([]),
    ]);
    return h.html(
      c,
      await searchPage(h.ctx(c), {
        filter,
        problems,
        page,
        incidents,
        tenants: tenants.map((t) => t.id),
        receiptMissing: Boolean(filter.receipt) && page.rows.length === 0,
      }),
    );
  });

  app.get("/export.csv", async (c) => {
    const { filter } = searchOf(c);
    const rows = await exportReports(con.db, h.scope(c), filter, s.exportLimit, h.actor(c));
    const csv = toCsv(
      [
        "receipt",
        "received_at",
        "created_at",
        "tenant",
        "ticket",
        "headline_segment",
        ...SEGMENTS.map((x) => `verdict_${x}`),
        "headline_en",
        "headline_ja",
        "access_type",
        "os",
        "os_release",
        "kit_version",
        "partial",
        "down_mbps",
        "up_mbps",
        "idle_latency_ms",
        "loaded_latency_ms",
        "loss_percent",
        "blamed_hop",
      ],
      rows.map((r) => [
        r.receipt,
        r.receivedAt,
        r.createdAt,
        r.tenant,
        r.ticket,
        r.headlineSegment,
        ...SEGMENTS.map((x) => r.verdicts[x]),
        r.headline?.en,
        r.headline?.ja,
        r.accessType,
        r.os,
        r.osRelease,
        r.kitVersion,
        r.partial,
        r.downMbps,
        r.upMbps,
        r.idleLatencyMs,
        r.loadedLatencyMs,
        r.lossPercent,
        r.blamedHop,
      ]),
    );
    return download(csv, "reports.csv", "text/csv");
  });

  app.get("/r/:receipt", async (c) => {
    const raw = c.req.param("receipt");
    const canonical = parseReceipt(raw);
    if (canonical && canonical !== raw) return c.redirect(`/console/r/${canonical}`, 301);
    const stored = await opened(c, "open");
    if (!stored) return await notFound(c);
    const scope = h.scope(c);
    const col = stored.columns;
    const whole = c.req.query("peers") === "all" && scope.kind === "all-tenants";
    const headline = col.headlineSegment;
    const window = s.incidentWindowMinutes;
    const [body, baseline, timeline, incidents] = await Promise.all([
      bodyAsReport(stored),
      crowdBaseline(
        con.db,
        scope,
        {
          reportId: col.reportId,
          tenant: stored.tenant,
          receivedAt: stored.receivedAt,
          hourOfDay: col.hourOfDay,
          accessType: col.accessType,
          values: {
            down: col.downMbps,
            up: col.upMbps,
            loaded: col.loadedLatencyMs,
            loss: col.lossPercent,
          },
        },
        s.baselineDays,
        whole,
      ),
      customerTimeline(
        con.db,
        scope,
        {
          tenant: stored.tenant,
          receipt: stored.receipt,
          deviceKey: col.deviceKey,
          ticket: stored.ticket,
          licenceId: null,
        },
        30,
        h.actor(c),
      ),
      headline && SHARED_SEGMENTS.includes(headline)
        ? findIncidents(con.db, scope, {
          to: new Date(stored.receivedAt.getTime() + (window / 2) * 60_000),
          windowMinutes: window,
          threshold: s.incidentThreshold,
          segment: headline,
        })
        : Promise.resolve([]),
    ]);
    const lang = h.ctx(c).lang;
    const toggle = scope.kind === "all-tenants"
      ? {
        href: whole ? `/console/r/${stored.receipt}` : `/console/r/${stored.receipt}?peers=all`,
        label: whole ? W.ownTenant[lang] : W.wholeProvider[lang],
      }
      : undefined;
    return h.html(
      c,
      await reportPage(h.ctx(c), {
        stored,
        report: body.report,
        part: "verdict",
        baseline: { baseline, reading: readBaseline(baseline, s.baselineMinPeers), toggle },
        timeline,
        incidents,
      }),
    );
  });

  app.get("/r/:receipt/details", async (c) => {
    const stored = await opened(c, "open", { part: "details" });
    if (!stored) return await notFound(c);
    const { report } = await bodyAsReport(stored);
    return h.html(c, await reportPage(h.ctx(c), { stored, report, part: "details" }));
  });

  app.get("/r/:receipt/report.json", async (c) => {
    const stored = await opened(c, "export", { format: "json" });
    if (!stored) return await notFound(c);
    // As the kit saves it (report/store.ts): the digest is over the canonical form, so the
    // file verifies with `kiriwake report verify` whatever JSONB did to key order.
    const text = JSON.stringify(stored.body, null, 2) + "\n";
    return download(text, `${stored.columns.reportId}.json`, "application/json");
  });

  app.get("/r/:receipt/report.html", async (c) => {
    const stored = await opened(c, "export", { format: "html" });
    if (!stored) return await notFound(c);
    const { report, verified } = await bodyAsReport(stored);
    if (!report) return await notFound(c);
    const html = await renderReportHtml(report, h.ctx(c).lang, {
      support: con.brand.support,
      verified,
    });
    return download(html, `${stored.columns.reportId}.html`, "text/html");
  });

  app.get("/r/:receipt/report.txt", async (c) => {
    const stored = await opened(c, "export", { format: "text" });
    if (!stored) return await notFound(c);
    const { report } = await bodyAsReport(stored);
    if (!report) return await notFound(c);
    return download(
      renderText(report, h.ctx(c).lang),
      `${stored.columns.reportId}.txt`,
      "text/plain",
    );
  });

  app.get("/compare", async (c) => {
    const url = new URL(c.req.url);
    const picked = url.searchParams.getAll("r");
    const [a, b] = picked.length
      ? picked
      : [url.searchParams.get("a") ?? "", url.searchParams.get("b") ?? ""];
    const ra = parseReceipt(a ?? "");
    const rb = parseReceipt(b ?? "");
    if (!ra || !rb || picked.length > 2) return h.html(c, await comparePage(h.ctx(c), null), 400);
    const pair = await openPair(con.db, h.scope(c), ra, rb, h.actor(c));
    if (!pair) return await notFound(c);
    const sides = await Promise.all(pair.map(async (stored): Promise<Side> => ({
      stored,
      report: (await bodyAsReport(stored)).report,
    })));
    sides.sort((x, y) => x.stored.columns.createdAt.localeCompare(y.stored.columns.createdAt));
    return h.html(c, await comparePage(h.ctx(c), [sides[0], sides[1]]));
  });
}

/** A download; the name comes from the report id, never from the request. */
export function download(body: string, name: string, type: string): Response {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(body, {
    headers: {
      "Content-Type": `${type}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${safe}"`,
    },
  });
}

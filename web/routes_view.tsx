/**
 * Routes that show reports: the home list (view mode), a report's verdict and details,
 * the downloads (JSON as stored, single-file HTML, text summary) and the comparison.
 *
 * @module
 */
import type { Hono } from "hono";
import { renderReportHtml } from "../report/html/render.tsx";
import { renderText } from "../report/text.ts";
import type { CtxOf, Env } from "./context.ts";
import type { AppOptions } from "./options.ts";
import { comparePage } from "./pages/compare_page.tsx";
import { viewHomePage } from "./pages/home_page.tsx";
import { reportLinks } from "./pages/links.ts";
import { reportPage } from "./pages/report_page.tsx";

/** Adds the report routes to `app`. */
export function viewRoutes(app: Hono<Env>, opts: AppOptions, ctxOf: CtxOf): void {
  const lib = opts.library;

  if (!opts.app) {
    app.get("/", async (c) => {
      const ctx = ctxOf(c);
      const entries = await lib.list();
      if (entries.length === 1 && entries[0].report) {
        return c.redirect(reportLinks(entries[0].ref, ctx.lang).verdict, 303);
      }
      return c.html(await viewHomePage(ctx, entries));
    });
  }

  app.get("/report", async (c) => {
    const ctx = ctxOf(c);
    const opened = await lib.open(c.req.query("f"));
    return c.html(await reportPage(ctx, opened, "verdict", opts.app ? opened.path : undefined));
  });

  app.get("/report/details", async (c) => {
    return c.html(await reportPage(ctxOf(c), await lib.open(c.req.query("f")), "details"));
  });

  app.get("/download/json", async (c) => {
    const opened = await lib.open(c.req.query("f"));
    return download(opened.text, `${opened.report.id}.json`, "application/json");
  });

  app.get("/download/html", async (c) => {
    const ctx = ctxOf(c);
    const opened = await lib.open(c.req.query("f"));
    // A downloaded file can be edited afterwards: it carries the digest and how to check it,
    // not a tick.
    const html = await renderReportHtml(opened.report, ctx.lang, { support: opts.brand.support });
    return download(html, `${opened.report.id}.html`, "text/html");
  });

  app.get("/download/text", async (c) => {
    const ctx = ctxOf(c);
    const opened = await lib.open(c.req.query("f"));
    return download(renderText(opened.report, ctx.lang), `${opened.report.id}.txt`, "text/plain");
  });

  app.get("/compare", async (c) => {
    const ctx = ctxOf(c);
    const a = c.req.query("a");
    const b = c.req.query("b");
    const pair = a && b ? [await lib.open(a), await lib.open(b)] as const : null;
    return c.html(await comparePage(ctx, await lib.list(), pair ? [pair[0], pair[1]] : null));
  });
}

/** A file download; the name is built from the report id, never from the request. */
function download(body: string, name: string, type: string): Response {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(body, {
    headers: {
      "Content-Type": `${type}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${safe}"`,
    },
  });
}

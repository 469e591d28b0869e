/**
 * App mode's watch: `POST /watch/start` starts a light watch until the morning in the
 * background (it outlives the browser), `GET /watch` shows how it goes, `POST /watch/stop`
 * ends it. Every POST carries the CSRF token (the app's guards check it).
 *
 * @module
 */
import type { Hono } from "hono";
import { join } from "node:path";
import { watchStatus } from "../session/watch_status.ts";
import { activeSession, isAlive, openHistory } from "../session/watch.ts";
import type { CtxOf, Env } from "./context.ts";
import type { AppModeOptions, AppOptions } from "./options.ts";
import { reportLinks } from "./pages/links.ts";
import { watchPage } from "./pages/watch_page.tsx";

/** Adds the watch routes (app mode with a data directory only). */
export function watchRoutes(
  app: Hono<Env>,
  opts: AppOptions,
  mode: AppModeOptions & { dataDir: string },
  ctxOf: CtxOf,
): void {
  const now = () => (opts.now ?? (() => new Date()))().getTime();

  const view = (lang: "ja" | "en") => {
    const store = openHistory(mode.dataDir);
    try {
      const st = watchStatus(store, now(), lang);
      let reportHref: string | null = null;
      if (st.report) {
        opts.library.addRoot(join(st.report, ".."));
        const ref = opts.library.refOf(st.report);
        reportHref = ref ? reportLinks(ref, lang).verdict : null;
      }
      return { ...st, reportHref };
    } finally {
      store.close();
    }
  };

  app.get("/watch", async (c) => {
    const ctx = ctxOf(c);
    return c.html(await watchPage(ctx, view(ctx.lang), c.req.query("started") === "1"));
  });

  app.post("/watch/start", async (c) => {
    const ctx = ctxOf(c);
    if (!watchRunning(mode.dataDir, opts.now)) await mode.startWatch!(ctx.lang);
    return c.redirect("/watch?started=1", 303);
  });

  app.post("/watch/stop", (c) => {
    const store = openHistory(mode.dataDir);
    try {
      const s = activeSession(store);
      if (s) store.updateSession(s.id, { stopRequested: true });
    } finally {
      store.close();
    }
    return c.redirect("/watch", 303);
  });
}

/** True when a watch is running now (its process keeps its promises). */
export function watchRunning(dataDir: string, now?: () => Date): boolean {
  const store = openHistory(dataDir);
  try {
    const s = activeSession(store);
    return s !== null && isAlive(s, (now ?? (() => new Date()))().getTime());
  } finally {
    store.close();
  }
}

/**
 * The support desk console as a Hono app, mounted by the collector at `/console`: the gates
 * (headers, language, session), sign-in before anything else, the password change before
 * anything else when one is due, the routes, and error pages in both languages (a database
 * that is away is a 503, never a stack trace).
 *
 * @module
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { actorOf } from "../../../collector/accounts.ts";
import type { SupportConsole } from "../../../collector/console.ts";
import { isTransient } from "../../../collector/db.ts";
import { can, scopeOf } from "../../../collector/roles.ts";
import { clientAddress, type CollectorEnv } from "../context.ts";
import { type ConsoleEnv, consoleHeaders, consoleLang, sessionOf } from "./guard.ts";
import type { Helpers } from "./helpers.ts";
import { messagePage } from "./message_page.tsx";
import { adminRoutes } from "./routes_admin.tsx";
import { authRoutes } from "./routes_auth.tsx";
import { findRoutes } from "./routes_find.tsx";
import { W } from "./words.ts";

/** Paths that need no session. */
const OPEN = new Set(["/console/sign-in"]);
/** Paths a session with a password change due may use. */
const BEFORE_CHANGE = new Set(["/console/password", "/console/sign-out"]);

/** Builds the console app over `con`. `log` receives unexpected errors. */
export function consoleApp(
  con: SupportConsole,
  log: (line: string) => void = () => {},
): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const h: Helpers = {
    con,
    ctx: (c) => {
      const url = new URL(c.req.url);
      const session = c.get("session");
      return {
        lang: c.get("lang") ?? "ja",
        here: url.pathname + url.search,
        staff: session?.staff ?? null,
        csrf: session?.csrf ?? null,
        product: con.brand.product,
        provider: con.brand.provider,
        timeZone: con.timeZone,
      };
    },
    actor: (c) => actorOf(c.get("session")!.staff),
    scope: (c) => scopeOf(c.get("session")!.staff),
    // The console's environment has the collector's bindings (the peer address) and more.
    address: (c) => clientAddress(c as unknown as Context<CollectorEnv>, con.trustProxy),
    html: (c, html, status = 200) => c.html(html, status as 200),
    message: async (c, status, title, text) =>
      c.html(await messagePage(h.ctx(c), title, text), status as 200),
    refuseUnless: async (c, what) => {
      const staff = c.get("session")?.staff;
      if (staff && can(staff, what)) return null;
      const lang = h.ctx(c).lang;
      return await h.message(c, 403, W.forbidden[lang]);
    },
  };

  app.use(consoleHeaders(), consoleLang(), sessionOf(con));
  app.use(async function signedIn(c, next) {
    const path = new URL(c.req.url).pathname;
    if (OPEN.has(path)) return await next();
    const session = c.get("session");
    if (!session) {
      if (c.req.method !== "GET" && c.req.method !== "HEAD") {
        return await h.message(c, 403, W.sessionEnded[h.ctx(c).lang]);
      }
      const here = h.ctx(c).here;
      return c.redirect(`/console/sign-in?next=${encodeURIComponent(here)}`, 303);
    }
    if (session.staff.mustChangePassword && !BEFORE_CHANGE.has(path)) {
      return c.redirect("/console/password", 303);
    }
    await next();
  });

  authRoutes(app, h);
  findRoutes(app, h);
  adminRoutes(app, h);
  app.all("*", (c) => h.message(c, 404, W.pageNotFound[h.ctx(c).lang]));
  app.onError(async (e, c) => {
    const lang = h.ctx(c).lang;
    if (isTransient(e)) return await h.message(c, 503, W.unavailable[lang]);
    log(`console error: ${e.stack ?? e.message}`);
    return await h.message(c, 500, W.failed[lang]);
  });
  return app;
}

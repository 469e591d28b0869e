/**
 * In-memory harness for the web view: an app with known secrets on a fixed port, and
 * requests with the right Host, cookie, Origin and CSRF token (or deliberately without).
 *
 * @module
 */
import type { Hono } from "hono";
import { BRAND } from "../brand/brand.ts";
import { createApp } from "./app.tsx";
import type { Env } from "./context.ts";
import { type GuardConfig, sessionCookie } from "./guards.ts";
import { ReportLibrary } from "./library.ts";
import type { AppOptions } from "./options.ts";

/** The fixed secrets of test apps. */
export const TEST_GUARD: GuardConfig = {
  port: 4321,
  token: "t".repeat(32),
  session: "s".repeat(32),
  csrf: "c".repeat(32),
};

/** A test app and request helpers. */
export interface TestApp {
  app: Hono<Env>;
  /** `http://127.0.0.1:4321` */
  origin: string;
  /** The cookie header of a logged-in browser. */
  cookie: string;
  /** GET as the logged-in browser (override headers to drop any of it). */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** POST a form as the logged-in browser, CSRF token included unless overridden. */
  post(
    path: string,
    form?: Record<string, string | string[]>,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

/** Builds an app with `opts` over the defaults (view mode, empty library). */
export function testApp(opts: Partial<AppOptions> = {}): TestApp {
  const app = createApp({
    brand: BRAND,
    lang: "en",
    guard: TEST_GUARD,
    library: new ReportLibrary(),
    ...opts,
  });
  const origin = `http://127.0.0.1:${TEST_GUARD.port}`;
  const cookie = `${sessionCookie(TEST_GUARD.port)}=${TEST_GUARD.session}`;
  const base = { host: `127.0.0.1:${TEST_GUARD.port}`, cookie };
  return {
    app,
    origin,
    cookie,
    get: (path, headers = {}) =>
      Promise.resolve(app.request(`${origin}${path}`, { headers: clean({ ...base, ...headers }) })),
    post(path, form = {}, headers = {}) {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries({ csrf: TEST_GUARD.csrf, ...form })) {
        for (const x of Array.isArray(v) ? v : [v]) if (x !== "") body.append(k, x);
      }
      return Promise.resolve(app.request(`${origin}${path}`, {
        method: "POST",
        body,
        headers: clean({
          ...base,
          origin,
          "content-type": "application/x-www-form-urlencoded",
          ...headers,
        }),
      }));
    },
  };
}

// An empty string removes a header, so tests can send a request without it.
function clean(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).filter(([, v]) => v !== ""));
}

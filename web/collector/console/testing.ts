/**
 * Test support for the console's HTTP side: the collector app with the console over a test
 * database, and a client with a cookie jar that signs in, reads form tokens out of pages and
 * posts forms with this site's Origin, as a browser would — or without, as an attacker would.
 *
 * @module
 */
import type { Hono } from "hono";
import type { SupportConsole } from "../../../collector/console.ts";
import type { ConsoleSettings } from "../../../collector/console_options.ts";
import type { Database } from "../../../collector/db.ts";
import { testCollector } from "../../../collector/testing.ts";
import { TEST_PASSWORD, testConsole } from "../../../collector/testing_console.ts";
import { createCollectorApp } from "../app.ts";
import type { CollectorEnv } from "../context.ts";

/** The origin tests use. */
export const ORIGIN = "http://collector.test";

/** The collector app with a console over `db`. */
export async function consoleTestApp(
  db: Database,
  settings: Partial<ConsoleSettings> = {},
  now?: () => Date,
): Promise<{ app: Hono<CollectorEnv>; con: SupportConsole; errors: string[] }> {
  const collector = await testCollector(db);
  const con = testConsole(db, settings, now);
  const errors: string[] = [];
  return { app: createCollectorApp(collector, (l) => errors.push(l), con), con, errors };
}

/** A browser-like client of one app. */
export class Browser {
  readonly jar = new Map<string, string>();
  readonly #app: Hono<CollectorEnv>;
  readonly #addr: string;

  constructor(app: Hono<CollectorEnv>, addr = "192.0.2.10") {
    this.#app = app;
    this.#addr = addr;
  }

  /** The Cookie header the jar sends. */
  cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** One request; cookies in and out, redirects not followed. */
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size && !headers.has("cookie")) headers.set("cookie", this.cookieHeader());
    const res = await this.#app.request(`${ORIGIN}${path}`, { ...init, headers }, {
      remoteAddr: this.#addr,
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) =>
        /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a)
      );
      if (expired || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  /** GET, following redirects within the app. */
  async get(path: string): Promise<{ res: Response; text: string; url: string }> {
    let url = path;
    for (let i = 0; i < 5; i++) {
      const res = await this.request(url);
      const to = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && to) {
        await res.body?.cancel();
        url = to.startsWith(ORIGIN) ? to.slice(ORIGIN.length) : to;
        continue;
      }
      return { res, text: await res.text(), url };
    }
    throw new Error(`too many redirects from ${path}`);
  }

  /** POSTs a form (with this site's Origin unless `origin` says otherwise). */
  async post(
    path: string,
    fields: Record<string, string>,
    opts: { origin?: string | null } = {},
  ): Promise<Response> {
    const body = new URLSearchParams(fields).toString();
    const headers: Record<string, string> = {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(new TextEncoder().encode(body).length),
    };
    const origin = opts.origin === undefined ? ORIGIN : opts.origin;
    if (origin !== null) headers.origin = origin;
    return await this.request(path, { method: "POST", body, headers });
  }

  /** Signs in with the sign-in form as a person would; returns the final page. */
  async signIn(login: string, password = TEST_PASSWORD): Promise<{ status: number; text: string }> {
    const page = await this.get("/console/sign-in");
    const csrf = csrfOf(page.text);
    const res = await this.post("/console/sign-in", { csrf, login, password });
    if (res.status !== 303) return { status: res.status, text: await res.text() };
    await res.body?.cancel();
    const next = await this.get(res.headers.get("location")!);
    return { status: next.res.status, text: next.text };
  }
}

/** The form token of the first form on a page. */
export function csrfOf(html: string): string {
  const m = /name="csrf" value="([^"]*)"/.exec(html);
  if (!m) throw new Error("no form token on the page");
  return m[1];
}

/**
 * The gates in front of every page: the Host header must name this server on loopback (DNS
 * rebinding), a one-time token from the printed URL is exchanged for an HttpOnly
 * SameSite=Strict cookie, and every POST must come from this origin with the form's CSRF
 * token.
 *
 * @module
 */
import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";

/** The secrets and the address one server checks against. */
export interface GuardConfig {
  port: number;
  /** The token printed in the URL; usable once. */
  token: string;
  /** The value of the session cookie, never shown anywhere. */
  session: string;
  /** The token every form carries. */
  csrf: string;
}

/** The hosts this server answers to. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The session cookie's name: per port, as cookies do not separate ports. */
export const sessionCookie = (port: number) => `kiriwake_${port}`;

/** A random URL-safe secret of 32 bytes. */
export function randomSecret(): string {
  const b = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...b)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Constant-time string comparison. */
export function sameSecret(a: string | undefined | null, b: string): boolean {
  if (typeof a !== "string") return false;
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Refuses requests whose Host header is not this server (421). */
export function hostGuard(port: number): MiddlewareHandler {
  const hosts = allowedHosts(port);
  return async function hostGuard(c, next) {
    const host = c.req.header("host")?.toLowerCase();
    if (!host || !hosts.includes(host)) {
      return c.text("Misdirected request", 421);
    }
    await next();
  };
}

/**
 * Exchanges the one-time token for the session cookie and redirects to drop it from the
 * URL; then requires the cookie on every request.
 */
export function sessionGuard(
  g: GuardConfig,
  refuse: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  let tokenUsed = false;
  const name = sessionCookie(g.port);
  return async function sessionGuard(c, next) {
    const hasSession = sameSecret(getCookie(c, name), g.session);
    const offered = c.req.query("token");
    if (offered !== undefined) {
      const fresh = !tokenUsed && sameSecret(offered, g.token);
      if (!fresh && !hasSession) return refuse(c);
      if (fresh) tokenUsed = true;
      setCookie(c, name, g.session, { httpOnly: true, sameSite: "Strict", path: "/" });
      const url = new URL(c.req.url);
      url.searchParams.delete("token");
      return c.redirect(localPath(url), 303);
    }
    if (!hasSession) return refuse(c);
    await next();
  };
}

/**
 * The path and query of `url` as a same-site location. A path that starts with two slashes
 * (or a slash and a backslash) would be read by a browser as another host
 * (`//evil.example/`): the extra ones are dropped.
 *
 * @example
 * ```ts
 * import { localPath } from "./guards.ts";
 * localPath(new URL("http://127.0.0.1:8000//evil.example/x?a=1")); // "/evil.example/x?a=1"
 * ```
 */
export function localPath(url: URL): string {
  return `/${url.pathname.replace(/^[/\\]+/, "")}${url.search}`;
}

/**
 * Requires POSTs to come from this origin (`Origin`, and `Sec-Fetch-Site` where sent) and
 * to carry the CSRF token in the form field `csrf`.
 */
export function csrfGuard(g: GuardConfig): MiddlewareHandler {
  const origins = allowedHosts(g.port).map((h) => `http://${h}`);
  return async function csrfGuard(c, next) {
    if (c.req.method === "GET" || c.req.method === "HEAD") return await next();
    const origin = c.req.header("origin");
    const site = c.req.header("sec-fetch-site");
    if (!origin || !origins.includes(origin) || (site && site !== "same-origin")) {
      throw new HTTPException(403, { message: "Cross-origin request refused" });
    }
    const form = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
    const token = form.csrf;
    if (!sameSecret(typeof token === "string" ? token : undefined, g.csrf)) {
      throw new HTTPException(403, { message: "Missing or wrong form token" });
    }
    await next();
  };
}

/**
 * The gates in front of every console page, after the local web view's (`web/guards.ts`,
 * `web/headers.ts`) but for a server with accounts: a strict Content-Security-Policy (no
 * script at all, the two stylesheets by hash), the session from an HttpOnly SameSite=Strict
 * cookie that holds only a random token (its hash is in the database), and for every POST the
 * same origin and the session's form token. Before sign-in the form token is a short-lived
 * cookie of its own (double submit), so even the sign-in form cannot be posted from elsewhere.
 *
 * @module
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Session } from "../../../collector/accounts.ts";
import type { SupportConsole } from "../../../collector/console.ts";
import { CSS_HASH_SOURCE } from "../../../report/html/styles.ts";
import type { Lang } from "../../../util/text.ts";
import { sameSecret } from "../../guards.ts";
import type { CollectorEnv } from "../context.ts";
import { CONSOLE_CSS_HASH_SOURCE } from "./styles.ts";

/** The console's Hono environment. */
export interface ConsoleEnv {
  Bindings: CollectorEnv["Bindings"];
  Variables: {
    session: Session | null;
    /** The session cookie's token (to sign out, to keep this session on a password change). */
    token: string | null;
    lang: Lang;
  };
}

/** The session cookie. */
export const SESSION_COOKIE = "kw_console";
/** The form token before sign-in. */
export const PRE_COOKIE = "kw_console_pre";
const LANG_COOKIE = "kw_console_lang";
const PATH = "/console";

/** The console's policy: nothing runs, nothing loads, nothing frames it. */
export const CONSOLE_CSP = [
  "default-src 'none'",
  `style-src ${CSS_HASH_SOURCE} ${CONSOLE_CSS_HASH_SOURCE}`,
  "script-src 'none'",
  "img-src data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

/** Security headers on every console response. */
export function consoleHeaders(): MiddlewareHandler<ConsoleEnv> {
  return async function consoleHeaders(c, next) {
    await next();
    const h = c.res.headers;
    h.set("Content-Security-Policy", CONSOLE_CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    // same-origin, not no-referrer: browsers send "Origin: null" on posts under no-referrer.
    h.set("Referrer-Policy", "same-origin");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    h.set("Cache-Control", "no-store");
  };
}

/** The language: `?lang=` (remembered), else the cookie, else the browser's first choice. */
export function consoleLang(): MiddlewareHandler<ConsoleEnv> {
  return async function consoleLang(c, next) {
    const q = c.req.query("lang");
    let lang: Lang;
    if (q === "ja" || q === "en") {
      setCookie(c, LANG_COOKIE, q, { httpOnly: true, sameSite: "Strict", path: PATH });
      lang = q;
    } else {
      const k = getCookie(c, LANG_COOKIE);
      lang = k === "ja" || k === "en"
        ? k
        : /^\s*ja\b/i.test(c.req.header("accept-language") ?? "ja")
        ? "ja"
        : "en";
    }
    c.set("lang", lang);
    await next();
  };
}

/** True when the request came over HTTPS (or a trusted proxy says so). */
export function overHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy) {
    const proto = c.req.header("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
    if (proto) return proto === "https";
  }
  return new URL(c.req.url).protocol === "https:";
}

/** The origin the browser sees this console at. */
export function expectedOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  const host = (trustProxy ? c.req.header("x-forwarded-host")?.split(",")[0].trim() : null) ??
    c.req.header("host") ?? url.host;
  return `${overHttps(c, trustProxy) ? "https" : "http"}://${host}`.toLowerCase();
}

/** Cookie options of the console. */
export function cookieOptions(c: Context, con: SupportConsole) {
  return {
    httpOnly: true,
    sameSite: "Strict" as const,
    path: PATH,
    secure: con.settings.secureCookies === "always" || overHttps(c, con.trustProxy),
  };
}

/** Resolves the session cookie (a stale one is deleted). */
export function sessionOf(con: SupportConsole): MiddlewareHandler<ConsoleEnv> {
  return async function sessionOf(c, next) {
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    const session = token ? await con.accounts.session(token) : null;
    if (token && !session) deleteCookie(c, SESSION_COOKIE, cookieOptions(c, con));
    c.set("session", session);
    c.set("token", session ? token : null);
    await next();
  };
}

/** A fresh random form token for the sign-in form, set as its cookie. */
export function preSignInToken(c: Context, con: SupportConsole): string {
  const existing = getCookie(c, PRE_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const b = crypto.getRandomValues(new Uint8Array(32));
  const token = btoa(String.fromCharCode(...b)).replace(/\+/g, "-").replace(/\//g, "_")
    .replace(/=+$/, "");
  setCookie(c, PRE_COOKIE, token, { ...cookieOptions(c, con), maxAge: 3600 });
  return token;
}

/**
 * Checks a POST: same origin (`Origin`, and `Sec-Fetch-Site` where sent), and the form's
 * `csrf` field equal to `expected`. Returns the parsed form, or null when refused.
 */
export async function checkedForm(
  c: Context,
  con: SupportConsole,
  expected: string | null | undefined,
): Promise<Record<string, string> | null> {
  const origin = c.req.header("origin")?.toLowerCase();
  const site = c.req.header("sec-fetch-site");
  if (!origin || origin !== expectedOrigin(c, con.trustProxy)) return null;
  if (site && site !== "same-origin") return null;
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) return null;
  // Browsers send a length with a form; a body without one, or a big one, is not a form of ours.
  const length = Number(c.req.header("content-length") ?? "NaN");
  if (!(length >= 0 && length <= 64 * 1024)) return null;
  const body = await c.req.parseBody().catch(() => null);
  if (!body) return null;
  const form: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") form[k] = v;
  if (!expected || !sameSecret(form.csrf, expected)) return null;
  return form;
}

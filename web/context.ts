/**
 * What every page gets: language, brand, mode, the CSRF token for its forms, the nonce for
 * its script, and the current URL (for the language switch).
 *
 * @module
 */
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { Brand } from "../brand/schema.ts";
import type { Lang } from "../util/text.ts";

/** The Hono environment of the web view. */
export type Env = { Variables: { nonce: string } };

/** Builds the page context of a request. */
export type CtxOf = (c: Context<Env>) => PageCtx;

/** The page context. */
export interface PageCtx {
  lang: Lang;
  brand: Brand;
  mode: "app" | "view";
  csrf: string;
  nonce: string;
  /** Path and query of this request. */
  here: string;
  /** True when reports can be sent to support from these pages. */
  sending?: boolean;
}

const LANG_COOKIE = "kiriwake_lang";

/** The language: `?lang=` (remembered in a cookie), else the cookie, else `fallback`. */
export function pickLang(c: Context, fallback: Lang): Lang {
  const q = c.req.query("lang");
  if (q === "ja" || q === "en") {
    setCookie(c, LANG_COOKIE, q, { httpOnly: true, sameSite: "Strict", path: "/" });
    return q;
  }
  const k = getCookie(c, LANG_COOKIE);
  return k === "ja" || k === "en" ? k : fallback;
}

/** `here` with `lang` set to `to`. */
export function withLang(here: string, to: Lang): string {
  const u = new URL(here, "http://x");
  u.searchParams.set("lang", to);
  return u.pathname + u.search + u.hash;
}

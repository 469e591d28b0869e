/**
 * Security headers on every response: a strict Content-Security-Policy (nothing but this
 * origin, the one stylesheet by hash, scripts only with this response's nonce), no framing,
 * no sniffing, no referrer, no caching.
 *
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { CSS_HASH_SOURCE } from "../report/html/styles.ts";

/** The policy for a response whose scripts carry `nonce`. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${CSS_HASH_SOURCE}`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; ");
}

/** Sets the nonce for the page (`c.get("nonce")`) and the headers after it is rendered. */
export function securityHeaders(): MiddlewareHandler<{ Variables: { nonce: string } }> {
  return async function securityHeaders(c, next) {
    const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
    c.set("nonce", nonce);
    await next();
    const h = c.res.headers;
    h.set("Content-Security-Policy", contentSecurityPolicy(nonce));
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    // Not no-referrer: with it, browsers send "Origin: null" on form posts and the CSRF check
    // could not tell our own forms from anyone else's.
    h.set("Referrer-Policy", "same-origin");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    h.set("Cache-Control", "no-store");
  };
}

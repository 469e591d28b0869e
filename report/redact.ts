/**
 * Redaction: when the customer refused the `identifiers` category, every identifier the
 * probes declared (hostname, user name, MAC, SSID, BSSID, public IP, …) and anything shaped
 * like a MAC address is masked in every string of the report, before anything is
 * serialised. Renderers only ever see the redacted report.
 *
 * @module
 */
import type { DataCategory, Identifier } from "../probes/types.ts";

/** What to redact. */
export interface RedactionPolicy {
  refused: readonly DataCategory[];
  identifiers: readonly Identifier[];
}

/** The redacted value and how many distinct values of each kind were masked. */
export interface Redacted<T> {
  value: T;
  masked: Record<string, number>;
}

const MAC = /\b[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}\b/gi;
/** The mask put in place of a value of `kind`. */
export const mask = (kind: string) => `[redacted:${kind}]`;

/**
 * Masks identifiers in every string (and object key) of `value`. Values shorter than four
 * characters are only masked as whole words, so a user called "al" does not eat "also".
 *
 * @example
 * ```ts
 * redact({ note: "host alice-pc" }, { refused: ["identifiers"], identifiers: [{ kind: "hostname", value: "alice-pc" }] });
 * // { value: { note: "host [redacted:hostname]" }, masked: { hostname: 1 } }
 * ```
 */
export function redact<T>(value: T, policy: RedactionPolicy): Redacted<T> {
  if (!policy.refused.includes("identifiers")) return { value, masked: {} };
  const unique = new Map<string, string>();
  for (const id of policy.identifiers) {
    const v = id.value.trim();
    if (v && !unique.has(v)) unique.set(v, id.kind);
  }
  const masked: Record<string, number> = {};
  for (const kind of unique.values()) masked[kind] = (masked[kind] ?? 0) + 1;
  const patterns = [...unique].sort((a, b) => b[0].length - a[0].length).map(([v, kind]) => {
    const body = escapeRegExp(v);
    const re = v.length < 4
      ? new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "gu")
      : new RegExp(body, "gi");
    return { re, to: mask(kind) };
  });
  let macs = 0;
  const seenMacs = new Set<string>();
  const scrub = (s: string): string => {
    let out = s;
    for (const p of patterns) out = out.replace(p.re, p.to);
    return out.replace(MAC, (m) => {
      if (!seenMacs.has(m.toLowerCase())) seenMacs.add(m.toLowerCase()), macs++;
      return mask("mac");
    });
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [scrub(k), walk(x)]));
    }
    return v;
  };
  const out = walk(value) as T;
  const declaredMacs = masked.mac ?? 0;
  if (macs > declaredMacs) masked.mac = macs;
  return { value: out, masked };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

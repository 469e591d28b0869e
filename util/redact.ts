/**
 * Redaction: when the customer refused the `identifiers` category, every identifier the
 * probes declared (hostname, user name, MAC, SSID, BSSID, public IP, …) and anything shaped
 * like a MAC address is masked in every string of the report, before anything is
 * serialised. Renderers only ever see the redacted report.
 *
 * @module
 */
/** A value that identifies the customer or their devices; redacted unless consented. */
export interface Identifier {
  /** What kind of identifier this is, e.g. `hostname`, `mac`, `ssid`, `public-ip`. */
  kind: string;
  /** The exact value as it may appear anywhere in the report. */
  value: string;
}

/** What to redact. */
export interface RedactionPolicy {
  /** Data categories the customer refused; only `identifiers` matters here. */
  refused: readonly string[];
  identifiers: readonly Identifier[];
}

/** The redacted value and how many distinct values of each kind were masked. */
export interface Redacted<T> {
  value: T;
  masked: Record<string, number>;
}

const IP_LIKE = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]+)$/i;
const IPV6_TOKEN = /(?<![0-9a-z:.])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![0-9a-z:])/gi;
/**
 * A MAC: six pairs of hex digits with one separator throughout, and no more hex on either
 * side — so the first six pairs of a TLS certificate fingerprint (32 pairs), a serial number
 * or any longer colon-hex string are left alone: they are evidence, not identifiers.
 */
const MAC =
  /(?<![0-9a-f]|[0-9a-f][:-])[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}(?![0-9a-f]|[:-][0-9a-f])/gi;
/** The mask put in place of a value of `kind`. */
export const mask = (kind: string) => `[redacted:${kind}]`;

/**
 * Masks identifiers in every string (and object key) of `value`. Values shorter than four
 * characters are only masked as whole words, so a user called "al" does not eat "also";
 * IP addresses only as whole addresses.
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
    // An address must not eat part of a longer one (1.2.3.4 inside 11.2.3.45); a short
    // name only goes as a whole word; anything else goes wherever it appears, in any case.
    const re = IP_LIKE.test(v)
      ? new RegExp(`(?<![\\p{L}\\p{N}:.])${body}(?![\\p{L}\\p{N}:]|\\.\\d)`, "giu")
      : v.length < 4
      ? new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "giu")
      : new RegExp(body, "gi");
    return { re, to: mask(kind) };
  });
  let macs = 0;
  const seenMacs = new Set<string>();
  const scrub = (s: string): string => {
    let out = s;
    for (const p of patterns) out = out.replace(p.re, p.to);
    out = out.replace(MAC, (m) => {
      if (!seenMacs.has(m.toLowerCase())) seenMacs.add(m.toLowerCase()), macs++;
      return mask("mac");
    });
    // An IPv6 address built from a MAC (a router's link-local gateway, a neighbour) carries
    // that MAC: masked wherever it appears, declared or not.
    return out.replace(IPV6_TOKEN, (m) => {
      if (!isEui64(m)) return m;
      if (!seenMacs.has(m.toLowerCase())) seenMacs.add(m.toLowerCase()), macs++;
      return mask("mac-ipv6");
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

/** True when an IPv6 address's interface id was built from a MAC (`…xx:xxff:fexx:xxxx`). */
export function isEui64(address: string): boolean {
  const a = address.toLowerCase().replace(/%.*$/, "");
  if (a.includes(".") || (a.match(/::/g) ?? []).length > 1) return false;
  const [head, tail] = a.split("::");
  const parse = (x: string | undefined) => (x ? x.split(":") : []).map((g) => parseInt(g, 16));
  const h = parse(head);
  const t = parse(tail);
  const zeros = tail === undefined ? 0 : 8 - h.length - t.length;
  if (zeros < 0) return false;
  const g = [...h, ...Array(zeros).fill(0), ...t];
  if (g.length !== 8 || g.some((x) => !Number.isInteger(x) || x < 0 || x > 0xffff)) return false;
  return (g[5] & 0xff) === 0xff && (g[6] >> 8) === 0xfe;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The text a reader sees in a rendered page, minus what the page marks as measured or
 * supplied values (`translate="no"`, `<code>`, `<pre>`), and the words of it that look like
 * untranslated identifiers: the test that a Japanese page speaks Japanese reads these.
 *
 * @module
 */

const VOID = new Set(["meta", "link", "br", "hr", "img", "input", "wbr", "source", "col"]);
const SKIP = new Set(["code", "pre", "style", "script", "title", "kbd", "samp"]);

/** The visible text of `html` outside values, one string per text run. */
export function translatableText(html: string): string[] {
  const out: string[] = [];
  const stack: boolean[] = []; // true: inside something that is not to be translated
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|([^<]+)/g;
  for (const m of html.matchAll(re)) {
    const [, close, tag, attrs, text] = m;
    if (text !== undefined) {
      if (!stack.some(Boolean) && text.trim()) out.push(decode(text.trim()));
      continue;
    }
    if (!tag) continue;
    const name = tag.toLowerCase();
    if (close) {
      stack.pop();
      continue;
    }
    if (VOID.has(name) || attrs.trim().endsWith("/")) continue;
    stack.push(
      SKIP.has(name) || /\btranslate="no"/.test(attrs) || /\baria-hidden="true"/.test(attrs),
    );
  }
  return out;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(
    /&#39;/g,
    "'",
  ).replace(/&amp;/g, "&");
}

/** Technical words and units a Japanese page may use as they are. */
export const ALLOWED_ASCII = new Set([
  "ms",
  "s",
  "Mbps",
  "dBm",
  "dB",
  "GHz",
  "MHz",
  "MiB",
  "B",
  "kB",
  "MB",
  "GB",
  "RPM",
  "DNS",
  "IPv4",
  "IPv6",
  "TCP",
  "TLS",
  "HTTP",
  "HTTPS",
  "SOCKS",
  "PAC",
  "URL",
  "MTU",
  "RTT",
  "SSID",
  "BSSID",
  "MAC",
  "LAN",
  "Wi-Fi",
  "ping",
  "OS",
  "CPU",
  "JSON",
  "HTML",
  "SHA-256",
  "ID",
  "PPPoE",
  "NAT",
  "CGNAT",
  "DS-Lite",
  "MAP-E",
  "A",
  "AAAA",
  "SNR",
  "NGN",
  "NTT",
  "UTC",
  "JST",
  "GMT",
  "English",
  "IPv4/IPv6",
  "PPP",
  "F",
  "C",
  "D",
  "A+",
  "TTFB",
  "ICMP",
  "ISP",
  "over",
  "Web",
  "QoS",
  "SQM",
]);

/**
 * Words in `texts` that look like identifiers or English left in a Japanese page: ASCII
 * tokens with a lower-case letter that are not in {@link ALLOWED_ASCII} or `extra`.
 */
export function asciiLeaks(texts: string[], extra: Iterable<string> = []): string[] {
  const allowed = new Set([...ALLOWED_ASCII, ...extra]);
  const leaks = new Set<string>();
  for (const t of texts) {
    for (const w of t.match(/[A-Za-z][A-Za-z0-9+]*(?:[-_./][A-Za-z0-9+]+)*/g) ?? []) {
      if (/[a-z]/.test(w) && !allowed.has(w)) leaks.add(`${w}  ← "${t.slice(0, 80)}"`);
    }
  }
  return [...leaks];
}

/** Keys whose strings are measured or configured values (names, addresses), never enums. */
const VALUE_KEYS = new Set([
  "name",
  "target",
  "host",
  "url",
  "address",
  "addresses",
  "os",
  "osRelease",
  "arch",
  "locale",
  "hostname",
  "interface",
  "gateway",
  "server",
  "servers",
  "resolver",
  "ssid",
  "bssid",
  "model",
  "source",
  "command",
  "tool",
  "subject",
  "issuer",
  "phyMode",
  "security",
  "cidr",
  "answers",
  "certIssuer",
  "tlsVersion",
  "alpn",
  "location",
  "error",
  "message",
  "label",
  "from",
]);

/**
 * The words of a report's measured values (a host name, an OS release, an interface name):
 * probes' summaries quote them, and they are no translation's business. Enumerations (`type`,
 * `verdict`, `kind`, …) are not values and are not collected.
 */
export function valueWords(data: unknown, out = new Set<string>(), key = ""): Set<string> {
  if (typeof data === "string") {
    if (VALUE_KEYS.has(key)) {
      for (const w of data.match(/[A-Za-z][A-Za-z0-9+]*(?:[-_./][A-Za-z0-9+]+)*/g) ?? []) {
        out.add(w);
      }
    }
  } else if (Array.isArray(data)) {
    for (const x of data) valueWords(x, out, key);
  } else if (data && typeof data === "object") {
    for (const [k, v] of Object.entries(data)) valueWords(v, out, k);
  }
  return out;
}

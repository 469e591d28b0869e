/**
 * Parses systemd-resolved's view of DNS: `resolvectl status` (also the older
 * `systemd-resolve --status`, whose server lists continue on following lines) and the
 * short `resolvectl dns` form.
 *
 * @module
 */
import { checkInput } from "./input_limits.ts";
import { ParseError } from "./parse_error.ts";

/** Servers for one scope: `Global` or one link. */
export interface ResolvectlScope {
  /** `global`, or the link's interface name. */
  scope: string;
  /** The link index, for links. */
  ifindex: number | null;
  currentServer: string | null;
  servers: string[];
  domains: string[];
  /** Whether this link takes queries for any domain (`+DefaultRoute`); null when not printed. */
  defaultRoute: boolean | null;
}

/** The parsed output. */
export interface Resolvectl {
  scopes: ResolvectlScope[];
}

/**
 * Parses `resolvectl status` or `resolvectl dns` output.
 *
 * @throws {ParseError} when no Global or Link scope is found, or the text is empty, binary
 *   or beyond the limits of `input_limits.ts`
 * @example
 * ```ts
 * parseResolvectl("Global:\nLink 2 (eth0): 192.0.2.1\n").scopes[1].servers; // ["192.0.2.1"]
 * ```
 */
export function parseResolvectl(text: string): Resolvectl {
  checkInput("resolvectl", text);
  const scopes: ResolvectlScope[] = [];
  let cur: ResolvectlScope | null = null;
  let lastKey = "";
  const scope = (name: string, ifindex: number | null) => {
    cur = {
      scope: name,
      ifindex,
      currentServer: null,
      servers: [],
      domains: [],
      defaultRoute: null,
    };
    scopes.push(cur);
    return cur;
  };
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    // short form: "Global: 1.1.1.1" / "Link 2 (eth0): 192.0.2.1 fe80::1%2"
    const short = /^(Global|Link (\d+) \(([^)]+)\)):\s*(.*)$/.exec(line);
    if (short) {
      const s = scope(short[3] ?? "global", short[2] ? Number(short[2]) : null);
      s.servers.push(...short[4].split(/\s+/).filter(Boolean));
      continue;
    }
    const head = /^(Global|Link (\d+) \(([^)]+)\))\s*$/.exec(line);
    if (head) {
      scope(head[3] ?? "global", head[2] ? Number(head[2]) : null);
      lastKey = "";
      continue;
    }
    if (!cur) continue;
    const c = cur as ResolvectlScope;
    // keys start upper-case and their colon is followed by a space: IPv6 servers are neither
    const kv = /^\s*([A-Z][A-Za-z. ]*?):(?:\s+(.*))?$/.exec(line);
    const key = kv ? kv[1].trim() : lastKey;
    const value = (kv ? kv[2] ?? "" : line).trim();
    lastKey = key;
    const words = value.split(/\s+/).filter(Boolean);
    if (key === "Current DNS Server") c.currentServer = value || null;
    else if (key === "DNS Servers") c.servers.push(...words);
    else if (key === "DNS Domain" || key === "DNS Domains") c.domains.push(...words);
    else if (key === "Protocols") {
      c.defaultRoute = words.includes("+DefaultRoute")
        ? true
        : words.includes("-DefaultRoute")
        ? false
        : null;
    } else if (key === "DefaultRoute setting") c.defaultRoute = value === "yes";
  }
  if (scopes.length === 0) {
    throw new ParseError("resolvectl", ['"Global" or "Link N (name)" scopes of resolvectl']);
  }
  return { scopes };
}

/**
 * Parses macOS `scutil --dns`: the resolver list macOS really uses, the default section
 * and the per-interface ("scoped") one.
 *
 * @module
 */
import { checkInput } from "./input_limits.ts";
import { ParseError } from "./parse_error.ts";

/** One `resolver #n` block. */
export interface ScutilResolver {
  /** `default` from "DNS configuration", `scoped` from "(for scoped queries)". */
  section: "default" | "scoped";
  index: number;
  /** Set for resolvers that only answer one domain (e.g. `local` for mDNS). */
  domain: string | null;
  searchDomains: string[];
  nameservers: string[];
  /** Interface name from `if_index : 6 (en0)`. */
  interface: string | null;
  flags: string[];
  reachable: boolean | null;
}

/** The parsed output. */
export interface ScutilDns {
  resolvers: ScutilResolver[];
}

/**
 * Parses `scutil --dns`.
 *
 * @throws {ParseError} when there is no "DNS configuration" heading and no resolver block, or
 *   the text is empty, binary or beyond the limits of `input_limits.ts`
 * @example
 * ```ts
 * parseScutilDns("DNS configuration\n\nresolver #1\n  nameserver[0] : 192.0.2.1\n").resolvers[0].nameservers;
 * // ["192.0.2.1"]
 * ```
 */
export function parseScutilDns(text: string): ScutilDns {
  checkInput("scutil-dns", text);
  const resolvers: ScutilResolver[] = [];
  let headed = false;
  let section: ScutilResolver["section"] = "default";
  let cur: ScutilResolver | null = null;
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (/^(?:No )?DNS configuration/i.test(t)) headed = true;
    if (/^DNS configuration \(for scoped queries\)/i.test(t)) {
      section = "scoped";
      cur = null;
      continue;
    }
    const r = /^resolver #(\d+)$/.exec(t);
    if (r) {
      cur = {
        section,
        index: Number(r[1]),
        domain: null,
        searchDomains: [],
        nameservers: [],
        interface: null,
        flags: [],
        reachable: null,
      };
      resolvers.push(cur);
      continue;
    }
    const colon = t.indexOf(":");
    if (!cur || colon < 1) continue;
    // "nameserver[0] : 192.0.2.1": the key without its index, found without backtracking.
    const key = t.slice(0, colon).trim().replace(/\[\d+\]$/, "");
    const value = t.slice(colon + 1).trim();
    if (!/^[a-z_ ]+$/i.test(key)) continue;
    if (key === "nameserver") cur.nameservers.push(value);
    else if (key === "search domain") cur.searchDomains.push(value);
    else if (key === "domain") cur.domain = value;
    else if (key === "if_index") cur.interface = /\(([^)]+)\)/.exec(value)?.[1] ?? null;
    else if (key === "flags") cur.flags = value.split(",").map((s) => s.trim()).filter(Boolean);
    else if (key === "reach") {
      cur.reachable = /\(Reachable/i.test(value)
        ? true
        : /Not Reachable/i.test(value)
        ? false
        : null;
    }
  }
  if (!headed && resolvers.length === 0) {
    throw new ParseError("scutil-dns", ['"DNS configuration" or "resolver #1" of scutil --dns']);
  }
  return { resolvers };
}

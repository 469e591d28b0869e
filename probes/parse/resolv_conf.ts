/**
 * Parses `/etc/resolv.conf`.
 *
 * @module
 */
import { checkInput } from "./input_limits.ts";
import { ParseError } from "./parse_error.ts";

/** The parts of resolv.conf that decide where queries go. */
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  options: string[];
  /** The only server is systemd-resolved's stub (127.0.0.53/54): ask `resolvectl` for the real ones. */
  systemdStub: boolean;
}

/**
 * Each directive of resolv.conf (glibc, musl, the BSDs, macOS) and the shape of its words:
 * a line reads as one only when its words have that shape (`search domain[0] : x` of
 * `scutil --dns` starts with a keyword, but is no search line).
 */
const DIRECTIVES: Record<string, RegExp> = {
  nameserver: /^[0-9a-f.:%\w-]+$/i,
  search: /^[\w.-]+$/,
  domain: /^[\w.-]+$/,
  options: /^[\w-]+(?::\d+)?$/,
  sortlist: /^[\d.\/]+$/,
  lookup: /^\w+$/,
  family: /^inet[46]$/,
  port: /^\d+$/,
  timeout: /^\d+$/,
  search_order: /^\d+$/,
};

/**
 * Parses resolv.conf text; comments (`#`, `;`) are ignored, later `search`/`domain` lines
 * replace earlier ones as the resolver does. A file of comments only is valid (no servers);
 * lines that are no directive are skipped, as the resolver skips them, while directives are
 * at least as many.
 *
 * @throws {ParseError} when lines that are no resolv.conf directive outnumber those that are,
 *   or the text is empty, binary or beyond the limits of `input_limits.ts`
 * @example
 * ```ts
 * parseResolvConf("nameserver 192.0.2.53\nsearch lan\n").nameservers; // ["192.0.2.53"]
 * ```
 */
export function parseResolvConf(text: string): ResolvConf {
  checkInput("resolv-conf", text);
  const out: ResolvConf = { nameservers: [], search: [], options: [], systemdStub: false };
  let directives = 0;
  let other = 0;
  for (const raw of text.split(/\r?\n/)) {
    const comment = raw.search(/[#;]/);
    const line = (comment < 0 ? raw : raw.slice(0, comment)).trim();
    if (!line) continue;
    const [key, ...rest] = line.split(/\s+/);
    const shape = Object.hasOwn(DIRECTIVES, key) ? DIRECTIVES[key] : null;
    if (!shape || rest.length === 0 || !rest.every((w) => shape.test(w))) {
      other++;
      continue;
    }
    directives++;
    if (key === "nameserver") out.nameservers.push(rest[0]);
    else if (key === "search" || key === "domain") out.search = rest;
    else if (key === "options") out.options = out.options.concat(rest);
  }
  if (other > directives) {
    throw new ParseError("resolv-conf", ["nameserver, search or options lines of resolv.conf"]);
  }
  out.systemdStub = out.nameservers.length > 0 &&
    out.nameservers.every((s) => s === "127.0.0.53" || s === "127.0.0.54");
  return out;
}

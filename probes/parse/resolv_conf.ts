/**
 * Parses `/etc/resolv.conf`.
 *
 * @module
 */

/** The parts of resolv.conf that decide where queries go. */
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  options: string[];
  /** The only server is systemd-resolved's stub (127.0.0.53/54): ask `resolvectl` for the real ones. */
  systemdStub: boolean;
}

/**
 * Parses resolv.conf text; comments (`#`, `;`) are ignored, later `search`/`domain` lines
 * replace earlier ones as the resolver does.
 *
 * @example
 * ```ts
 * parseResolvConf("nameserver 192.0.2.53\nsearch lan\n").nameservers; // ["192.0.2.53"]
 * ```
 */
export function parseResolvConf(text: string): ResolvConf {
  const out: ResolvConf = { nameservers: [], search: [], options: [], systemdStub: false };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[#;].*$/, "").trim();
    const [key, ...rest] = line.split(/\s+/);
    if (key === "nameserver" && rest[0]) out.nameservers.push(rest[0]);
    else if (key === "search" || key === "domain") out.search = rest;
    else if (key === "options") out.options.push(...rest);
  }
  out.systemdStub = out.nameservers.length > 0 &&
    out.nameservers.every((s) => s === "127.0.0.53" || s === "127.0.0.54");
  return out;
}

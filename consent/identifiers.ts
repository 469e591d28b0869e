/**
 * The identifiers of this machine and account that can turn up anywhere in a report,
 * whatever the probes declare: host names, user names (they sit in every home-directory
 * path), MAC addresses, IPv6 addresses built from a MAC (EUI-64) and public addresses on
 * the interfaces. Redaction masks them all when the customer refuses `identifiers`.
 *
 * Reading them is local (no traffic) and records nothing by itself.
 *
 * @module
 */
import { userInfo } from "node:os";
import { basename } from "node:path";
import { ipFamily, ipScope } from "../util/ip_scope.ts";
import { type Identifier, isEui64 } from "../util/redact.ts";

/** Where the identifiers come from; injected in tests. */
export interface IdentifierSources {
  hostname(): string | null;
  env(name: string): string | undefined;
  userName(): string | null;
  interfaces(): { mac: string; address: string }[];
}

/** The real machine. Requires `--allow-sys` and `--allow-env` (missing ones are skipped). */
export const REAL_SOURCES: IdentifierSources = {
  hostname: () => attempt(() => Deno.hostname()),
  env: (n) => attempt(() => Deno.env.get(n)) ?? undefined,
  userName: () => attempt(() => userInfo().username),
  interfaces: () => attempt(() => Deno.networkInterfaces()) ?? [],
};

const NO_MAC = "00:00:00:00:00:00";

/** Collects the identifiers of this machine, each value once. */
export function machineIdentifiers(src: IdentifierSources = REAL_SOURCES): Identifier[] {
  const out = new Map<string, Identifier>();
  const add = (kind: string, value: string | null | undefined, min = 2) => {
    const v = value?.trim();
    if (v && v.length >= min && !out.has(v.toLowerCase())) {
      out.set(v.toLowerCase(), { kind, value: v });
    }
  };
  add("hostname", src.hostname());
  add("hostname", src.env("COMPUTERNAME"));
  add("hostname", src.env("HOSTNAME"));
  add("user", src.userName());
  for (const name of ["USER", "USERNAME", "LOGNAME"]) add("user", src.env(name));
  // The home directory's last part is the account name on every OS, even when it differs
  // from the login name (a renamed account keeps its old folder).
  for (const name of ["HOME", "USERPROFILE"]) {
    const home = src.env(name);
    if (home) add("user", basename(home.replace(/[\\/]+$/, "").replaceAll("\\", "/")));
  }
  for (const ni of src.interfaces()) {
    if (ni.mac && ni.mac !== NO_MAC) add("mac", ni.mac);
    const address = ni.address.replace(/%.*$/, "");
    const family = ipFamily(address);
    if (family === 0) continue;
    if (family === 6 && isEui64(address)) add("mac-ipv6", address);
    else if (ipScope(address) === "global") add("public-ip", address);
  }
  return [...out.values()];
}

function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

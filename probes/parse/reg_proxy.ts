/**
 * Parses `reg query "HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings"`
 * (and, when included, the `DefaultConnectionSettings` value under `Connections`), the
 * per-user proxy settings of WinINet that browsers and most apps follow. `reg` prints value
 * names and types in English on every locale; only its error line is localised.
 *
 * @module
 */
import { checkInput } from "./input_limits.ts";
import { ParseError } from "./parse_error.ts";
import { proxyServerList, type ProxySettings, stripCredentials } from "./proxy_common.ts";

/** One registry value as `reg query` prints it. */
export interface RegValue {
  name: string;
  type: string;
  data: string;
}

/** Reads the `    Name    REG_TYPE    data` lines of `reg query`. */
export function readRegValues(text: string): RegValue[] {
  const out: RegValue[] = [];
  for (const line of text.split(/\r?\n/)) {
    // Found with indexOf: a pattern with a lazy name before "  REG_" backtracks over spaces.
    const at = line.indexOf("  REG_");
    if (at < 0 || !/^[ \t]/.test(line)) continue;
    const name = line.slice(0, at).trim();
    const m = /^(REG_[A-Z_]+)(?:[ \t]{2,}(.*))?$/.exec(line.slice(at + 2));
    if (name && m) out.push({ name, type: m[1], data: (m[2] ?? "").trim() });
  }
  return out;
}

/**
 * Parses the registry proxy settings into the common shape.
 *
 * @throws {ParseError} when no `reg query` value line is found, or the text is empty, binary
 *   or beyond the limits of `input_limits.ts`
 * @example
 * ```ts
 * parseRegProxy("    ProxyEnable    REG_DWORD    0x1\n    ProxyServer    REG_SZ    p:8080\n").http;
 * // "p:8080"
 * ```
 */
export function parseRegProxy(text: string): ProxySettings {
  checkInput("reg-proxy", text);
  const read = readRegValues(text);
  if (read.length === 0) {
    throw new ParseError("reg-proxy", ["Name    REG_TYPE    data lines of reg query"]);
  }
  const values = new Map(read.map((v) => [v.name.toLowerCase(), v]));
  const enabled = parseInt(values.get("proxyenable")?.data ?? "0", 16) === 1;
  const server = values.get("proxyserver")?.data ?? "";
  const pac = values.get("autoconfigurl")?.data || null;
  const perProto = proxyServerList(server);
  const flags = connectionFlags(values.get("defaultconnectionsettings")?.data);
  return {
    source: "registry",
    enabled: enabled || pac !== null,
    http: enabled ? perProto.http : null,
    https: enabled ? perProto.https : null,
    socks: enabled ? perProto.socks : null,
    pacUrl: pac ? stripCredentials(pac) : null,
    autoDetect: flags === null ? null : (flags & 0x08) !== 0,
    bypass: (values.get("proxyoverride")?.data ?? "").split(";").map((s) => s.trim()).filter(
      Boolean,
    ),
  };
}

/** The flags byte (offset 8) of `DefaultConnectionSettings`: 0x08 means "detect automatically". */
function connectionFlags(hex: string | undefined): number | null {
  if (!hex || hex.length < 18) return null;
  const n = parseInt(hex.slice(16, 18), 16);
  return Number.isNaN(n) ? null : n;
}

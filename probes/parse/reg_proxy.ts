/**
 * Parses `reg query "HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings"`
 * (and, when included, the `DefaultConnectionSettings` value under `Connections`), the
 * per-user proxy settings of WinINet that browsers and most apps follow. `reg` prints value
 * names and types in English on every locale; only its error line is localised.
 *
 * @module
 */
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
    const m = /^\s+(.+?)\s{2,}(REG_[A-Z_]+)(?:\s{2,}(.*))?$/.exec(line);
    if (m) out.push({ name: m[1], type: m[2], data: (m[3] ?? "").trim() });
  }
  return out;
}

/**
 * Parses the registry proxy settings into the common shape.
 *
 * @example
 * ```ts
 * parseRegProxy("    ProxyEnable    REG_DWORD    0x1\n    ProxyServer    REG_SZ    p:8080\n").http;
 * // "p:8080"
 * ```
 */
export function parseRegProxy(text: string): ProxySettings {
  const values = new Map(readRegValues(text).map((v) => [v.name.toLowerCase(), v]));
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

/**
 * Parses macOS `scutil --proxy`: a printed CFDictionary of the system proxy settings.
 *
 * @module
 */
import type { ProxySettings } from "./proxy_common.ts";

type Value = string | Value[] | { [k: string]: Value };

/** Reads the nested `<dictionary> { … }` / `<array> { … }` print into plain values. */
export function readCfPrint(text: string): Record<string, Value> {
  const lines = text.split(/\r?\n/);
  let i = 0;
  const block = (isArray: boolean): Value => {
    const obj: Record<string, Value> = {};
    const arr: Value[] = [];
    while (i < lines.length) {
      const t = lines[i++].trim();
      if (t === "}") break;
      const m = /^(\S+)\s*:\s*(.*)$/.exec(t);
      if (!m) continue;
      let v: Value = m[2];
      if (/^<dictionary> \{$/.test(m[2])) v = block(false);
      else if (/^<array> \{$/.test(m[2])) v = block(true);
      if (isArray) arr.push(v);
      else obj[m[1]] = v;
    }
    return isArray ? arr : obj;
  };
  while (i < lines.length && !/<dictionary> \{/.test(lines[i])) i++;
  i++;
  return block(false) as Record<string, Value>;
}

/**
 * Parses `scutil --proxy` into the common proxy shape.
 *
 * @example
 * ```ts
 * parseScutilProxy("<dictionary> {\n  HTTPEnable : 1\n  HTTPProxy : p.example\n  HTTPPort : 8080\n}").http;
 * // "p.example:8080"
 * ```
 */
export function parseScutilProxy(text: string): ProxySettings {
  const d = readCfPrint(text);
  const on = (k: string) => d[k] === "1";
  const hostPort = (p: string) =>
    on(`${p}Enable`) && typeof d[`${p}Proxy`] === "string"
      ? `${d[`${p}Proxy`]}${typeof d[`${p}Port`] === "string" ? `:${d[`${p}Port`]}` : ""}`
      : null;
  const ex = d.ExceptionsList;
  return {
    source: "scutil",
    enabled: ["HTTP", "HTTPS", "SOCKS", "ProxyAutoConfig"].some((p) => on(`${p}Enable`)),
    http: hostPort("HTTP"),
    https: hostPort("HTTPS"),
    socks: hostPort("SOCKS"),
    pacUrl: on("ProxyAutoConfigEnable") && typeof d.ProxyAutoConfigURLString === "string"
      ? d.ProxyAutoConfigURLString
      : null,
    autoDetect: on("ProxyAutoDiscoveryEnable"),
    bypass: Array.isArray(ex) ? ex.filter((x): x is string => typeof x === "string") : [],
  };
}

/**
 * Parses macOS `scutil --proxy`: a printed CFDictionary of the system proxy settings.
 *
 * @module
 */
import { checkInput } from "./input_limits.ts";
import { ParseError } from "./parse_error.ts";
import type { ProxySettings } from "./proxy_common.ts";

type Value = string | Value[] | { [k: string]: Value };

/** Nesting deeper than any real `scutil --proxy` print (which goes three levels deep). */
const MAX_DEPTH = 32;

/**
 * Reads the nested `<dictionary> { … }` / `<array> { … }` print into plain values, with a
 * stack rather than recursion so no input can exhaust the call stack.
 *
 * @throws {ParseError} when there is no `<dictionary> {` or it nests deeper than 32 levels
 */
export function readCfPrint(text: string): Record<string, Value> {
  const lines = text.split(/\r?\n/);
  let i = 0;
  while (i < lines.length && !/<dictionary> \{/.test(lines[i])) i++;
  if (i === lines.length) {
    throw new ParseError("scutil-proxy", ["<dictionary> { of scutil --proxy"]);
  }
  const root: Record<string, Value> = {};
  const stack: { obj: Record<string, Value> | null; arr: Value[] | null }[] = [
    { obj: root, arr: null },
  ];
  for (i++; i < lines.length && stack.length > 0; i++) {
    const t = lines[i].trim();
    const top = stack[stack.length - 1];
    if (t === "}") {
      stack.pop();
      continue;
    }
    const m = /^(\S+)\s*:\s*(.*)$/.exec(t);
    if (!m) continue;
    let v: Value = m[2];
    const dict = /^<dictionary> \{$/.test(m[2]);
    const arr = /^<array> \{$/.test(m[2]);
    if (dict || arr) {
      if (stack.length >= MAX_DEPTH) {
        throw new ParseError("scutil-proxy", [`nesting within ${MAX_DEPTH} levels`]);
      }
      const child = dict ? {} : [];
      v = child;
      stack.push(
        dict ? { obj: child as Record<string, Value>, arr: null } : {
          obj: null,
          arr: child as Value[],
        },
      );
    }
    if (top.arr) top.arr.push(v);
    else top.obj![m[1]] = v;
  }
  return root;
}

/**
 * Parses `scutil --proxy` into the common proxy shape.
 *
 * @throws {ParseError} when there is no `<dictionary> {`, or the text is empty, binary or
 *   beyond the limits of `input_limits.ts`
 * @example
 * ```ts
 * parseScutilProxy("<dictionary> {\n  HTTPEnable : 1\n  HTTPProxy : p.example\n  HTTPPort : 8080\n}").http;
 * // "p.example:8080"
 * ```
 */
export function parseScutilProxy(text: string): ProxySettings {
  checkInput("scutil-proxy", text);
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

/**
 * Parser for Windows `route print` / `netstat -rn` in any display language: the interface
 * list, then per family an "Active Routes" table and a "Persistent Routes" table, separated
 * by lines of `=`. Only active routes count; persistent ones may not be in use.
 *
 * @module
 */
import { ipFamily } from "./address.ts";
import type { RoutesResult } from "./routes_types.ts";

const IFACE = /^\s*(\d+)\.\.\.((?:[0-9a-f]{2} )*)\.*(.+)$/i;
const ROW4 = /^\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\d+)\s*$/;
const ROW6 = /^\s*(\d+)\s+(\d+)\s+(\S+)(?:\s+(\S+))?\s*$/;

/** Parses `route print` output. */
export function parseRoutePrint(text: string): RoutesResult {
  const out: RoutesResult = { format: "windows-route-print", routes: [], onLink: [] };
  const names = new Map<number, string>();
  let family: 4 | 6 | null = null;
  let separators = 0;
  let pending: { ifIndex: number; metric: number; dest: string } | null = null;
  for (const line of text.split("\n")) {
    let m: RegExpMatchArray | null;
    if (family === null && (m = line.match(IFACE))) {
      names.set(Number(m[1]), m[3].trim());
    } else if (/^\s*={5,}\s*$/.test(line)) {
      separators++;
    } else if ((m = line.match(/IPv([46])/)) && !ROW4.test(line)) {
      family = m[1] === "4" ? 4 : 6;
      separators = 0;
    } else if (family === 4 && separators === 1 && (m = line.match(ROW4))) {
      if (m[1] !== "0.0.0.0" || m[2] !== "0.0.0.0") continue;
      if (ipFamily(m[3]) === 4) {
        out.routes.push({ family: 4, gateway: m[3], interface: m[4], metric: Number(m[5]) });
      } else out.onLink.push({ family: 4, interface: m[4] });
    } else if (family === 6 && separators === 1) {
      // A long destination pushes the gateway onto the next line.
      const row = line.match(ROW6);
      const next = pending && !row ? line.trim() : null;
      if (row && !row[4]) {
        pending = { ifIndex: Number(row[1]), metric: Number(row[2]), dest: row[3] };
        continue;
      }
      const r = row
        ? { ifIndex: Number(row[1]), metric: Number(row[2]), dest: row[3], gateway: row[4] }
        : pending && next
        ? { ...pending, gateway: next }
        : null;
      pending = null;
      if (!r || r.dest !== "::/0") continue;
      const name = names.get(r.ifIndex);
      if (ipFamily(r.gateway) === 6) {
        out.routes.push({
          family: 6,
          gateway: r.gateway,
          ...(name ? { interface: name } : {}),
          ifIndex: r.ifIndex,
          metric: r.metric,
        });
      } else out.onLink.push({ family: 6, interface: name ?? String(r.ifIndex) });
    }
  }
  return out;
}

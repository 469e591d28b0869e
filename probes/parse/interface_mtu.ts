/**
 * Parsers of per-interface MTU and state: macOS/BSD `ifconfig -a` and Windows
 * `netsh interface ipv4|ipv6 show subinterfaces` (column layout is the same in every
 * locale; only the header is translated).
 *
 * @module
 */

/** MTU and up/down state of one interface. */
export interface InterfaceLink {
  name: string;
  mtu: number | null;
  up: boolean | null;
}

/**
 * Parses `ifconfig -a` (macOS, BSD).
 *
 * @example
 * ```ts
 * parseIfconfigLinks("en0: flags=8863<UP,RUNNING> mtu 1500\n\tstatus: active\n");
 * // [{ name: "en0", mtu: 1500, up: true }]
 * ```
 */
export function parseIfconfigLinks(text: string): InterfaceLink[] {
  const out: InterfaceLink[] = [];
  let cur: InterfaceLink | null = null;
  for (const line of text.split("\n")) {
    const head = line.match(/^([A-Za-z0-9_.:-]+?):? flags=\w+<([^>]*)>.*?(?:\smtu (\d+))?\s*$/);
    if (head) {
      const flags = head[2].split(",");
      cur = { name: head[1], mtu: head[3] ? Number(head[3]) : null, up: flags.includes("UP") };
      out.push(cur);
      continue;
    }
    const status = line.match(/^\s+status: (\w+)/);
    if (status && cur) cur.up = cur.up !== false && status[1] === "active";
  }
  return out;
}

/**
 * Parses `netsh interface ipv4 show subinterfaces` (any display language).
 * MediaSenseState 1 is connected; 5 is disconnected.
 */
export function parseNetshSubinterfaces(text: string): InterfaceLink[] {
  const out: InterfaceLink[] = [];
  for (const line of text.split("\n")) {
    const m = line.match(/^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S.*?)\s*$/);
    if (!m) continue;
    const mtu = Number(m[1]);
    out.push({ name: m[5], mtu: mtu > 65535 ? null : mtu, up: m[2] === "1" });
  }
  return out;
}

/**
 * Parses Windows `ipconfig /all` in English and Japanese. Japanese Windows mixes Japanese
 * adapter headers ("イーサネット アダプター") with English ones ("Wireless LAN adapter",
 * "Tunnel adapter"), dot leaders differ per label, values may continue on following
 * lines (DNS servers, gateways) and text copied from an 80-column console wraps long
 * values onto a line of their own.
 *
 * @module
 */
import { checkInput } from "./input_limits.ts";
import { ParseError } from "./parse_error.ts";

/** One address with the status Windows printed after it (`Preferred`, `優先`, …). */
export interface IpconfigAddress {
  address: string;
  /** IPv6 zone index after `%`. */
  zone?: string;
  /** IPv4 subnet mask, when printed. */
  subnetMask?: string;
  /** `global`, `temporary` or `link-local` for IPv6; `autoconfig` for an APIPA IPv4. */
  kind?: "global" | "temporary" | "link-local" | "autoconfig";
  status?: string;
}

/** One adapter block. */
export interface IpconfigAdapter {
  /** The header line without its colon, as printed. */
  header: string;
  type: "ethernet" | "wireless" | "tunnel" | "ppp" | "unknown";
  name: string;
  description: string | null;
  /** False when Windows printed "Media disconnected". */
  connected: boolean;
  physicalAddress: string | null;
  dhcpEnabled: boolean | null;
  dnsSuffix: string | null;
  ipv4: IpconfigAddress[];
  ipv6: IpconfigAddress[];
  defaultGateways: string[];
  dhcpServer: string | null;
  dnsServers: string[];
}

/** The whole output. */
export interface Ipconfig {
  hostName: string | null;
  primaryDnsSuffix: string | null;
  dnsSuffixSearchList: string[];
  adapters: IpconfigAdapter[];
}

type Key =
  | "hostName"
  | "primaryDnsSuffix"
  | "searchList"
  | "media"
  | "dnsSuffix"
  | "description"
  | "physical"
  | "dhcp"
  | "ipv6"
  | "tempIpv6"
  | "linkLocal"
  | "ipv4"
  | "autoIpv4"
  | "mask"
  | "gateway"
  | "dhcpServer"
  | "dns";

const LABELS: Record<Key, string[]> = {
  hostName: ["host name", "ホスト名"],
  primaryDnsSuffix: ["primary dns suffix", "プライマリ dns サフィックス"],
  searchList: ["dns suffix search list", "dns サフィックス検索一覧"],
  media: ["media state", "メディアの状態"],
  dnsSuffix: ["connection-specific dns suffix", "接続固有の dns サフィックス"],
  description: ["description", "説明"],
  physical: ["physical address", "物理アドレス"],
  dhcp: ["dhcp enabled", "dhcp 有効"],
  ipv6: ["ipv6 address", "ipv6 アドレス"],
  tempIpv6: ["temporary ipv6 address", "一時 ipv6 アドレス"],
  linkLocal: ["link-local ipv6 address", "リンクローカル ipv6 アドレス"],
  ipv4: ["ipv4 address", "ip address", "ipv4 アドレス", "ip アドレス"],
  autoIpv4: ["autoconfiguration ipv4 address", "自動構成 ipv4 アドレス"],
  mask: ["subnet mask", "サブネット マスク"],
  gateway: ["default gateway", "デフォルト ゲートウェイ"],
  dhcpServer: ["dhcp server", "dhcp サーバー"],
  dns: ["dns servers", "dns サーバー"],
};
const BY_LABEL = new Map<string, Key>(
  (Object.entries(LABELS) as [Key, string[]][]).flatMap(([k, ls]) => ls.map((l) => [l, k])),
);

const HEADERS: [RegExp, IpconfigAdapter["type"]][] = [
  [/^(?:ethernet adapter|イーサネット アダプター)\s+(.*)$/i, "ethernet"],
  [/^(?:wireless lan adapter|ワイヤレス lan アダプター)\s+(.*)$/i, "wireless"],
  [/^(?:tunnel adapter|トンネル アダプター)\s+(.*)$/i, "tunnel"],
  [/^(?:ppp adapter|ppp アダプター)\s+(.*)$/i, "ppp"],
  [/^(?:unknown adapter|不明なアダプター)\s+(.*)$/i, "unknown"],
];

const YES = /^(yes|はい)$/i;
const NO = /^(no|いいえ)$/i;
const DISCONNECTED = /disconnected|接続されていません/i;

/**
 * Parses `ipconfig /all` output (already decoded from CP932 where needed).
 *
 * @throws {ParseError} when no "Windows IP Configuration" header and no known label with
 *   ipconfig's dot leaders is found, or the text is empty, binary or beyond the limits
 *
 * @example
 * ```ts
 * parseIpconfig("Ethernet adapter LAN:\n\n   DNS Servers . . : 192.0.2.53\n").adapters[0].dnsServers;
 * // ["192.0.2.53"]
 * ```
 */
export function parseIpconfig(text: string): Ipconfig {
  checkInput("ipconfig", text);
  const out: Ipconfig = {
    hostName: null,
    primaryDnsSuffix: null,
    dnsSuffixSearchList: [],
    adapters: [],
  };
  let adapter: IpconfigAdapter | null = null;
  let last: Key | null = null;
  /** "Windows IP Configuration", or labels we know with ipconfig's dot leaders. */
  let signs = 0;
  for (const line of text.split(/\r?\n/)) {
    if (/^Windows IP/i.test(line)) signs++;
    if (line.trim() === "") continue;
    if (!/^\s/.test(line)) {
      if (/:\s*$/.test(line)) { // a block header
        last = null;
        const header = line.replace(/:\s*$/, "").trim();
        adapter = /^windows ip/i.test(header) ? null : newAdapter(header);
        if (adapter) out.adapters.push(adapter);
      } else if (last) {
        appendWrapped(out, adapter, last, line.trim()); // a value wrapped at the console's edge
      }
      continue;
    }
    const kv = keyValue(line);
    const key = kv ? BY_LABEL.get(kv.label.replace(/\s+/g, " ").toLowerCase()) : undefined;
    if (kv && key) {
      last = key;
      if (kv.dotted) signs++;
      if (kv.value) setValue(out, adapter, key, kv.value);
    } else if (kv) {
      last = null; // a label we do not keep (lease times, DUID, …)
    } else if (last) {
      setValue(out, adapter, last, line.trim()); // continuation: another server, gateway, …
    }
  }
  if (signs === 0) {
    throw new ParseError("ipconfig", [
      '"Windows IP Configuration" or "label . . . : value" lines of ipconfig',
    ]);
  }
  return out;
}

/**
 * `   Label . . . . : value`: an indent of 1 to 12 spaces, a label, the first colon followed
 * by a space or the line's end. Found with `indexOf`, so a long line costs linear time.
 */
function keyValue(line: string): { label: string; value: string; dotted: boolean } | null {
  const indent = line.length - line.trimStart().length;
  if (indent < 1 || indent > 12) return null;
  const colon = line.indexOf(":");
  if (colon <= indent) return null;
  const after = line.slice(colon + 1);
  if (after !== "" && !after.startsWith(" ")) return null;
  let end = colon;
  while (end > indent && (line[end - 1] === " " || line[end - 1] === ".")) end--;
  if (end === indent) return null;
  const leader = line.slice(end, colon);
  return {
    label: line.slice(indent, end),
    value: after.trim(),
    dotted: leader.split(".").length > 2,
  };
}

function newAdapter(header: string): IpconfigAdapter {
  let type: IpconfigAdapter["type"] = "unknown";
  let name = header;
  for (const [re, t] of HEADERS) {
    const m = re.exec(header);
    if (m) {
      type = t;
      name = m[1];
      break;
    }
  }
  return {
    header,
    type,
    name,
    description: null,
    connected: true,
    physicalAddress: null,
    dhcpEnabled: null,
    dnsSuffix: null,
    ipv4: [],
    ipv6: [],
    defaultGateways: [],
    dhcpServer: null,
    dnsServers: [],
  };
}

function setValue(out: Ipconfig, a: IpconfigAdapter | null, key: Key, value: string): void {
  if (key === "hostName") out.hostName = value;
  else if (key === "primaryDnsSuffix") out.primaryDnsSuffix = value;
  else if (key === "searchList") out.dnsSuffixSearchList.push(value);
  if (!a) return;
  switch (key) {
    case "media":
      a.connected = !DISCONNECTED.test(value);
      break;
    case "dnsSuffix":
      a.dnsSuffix = value;
      break;
    case "description":
      a.description = value;
      break;
    case "physical":
      a.physicalAddress = value;
      break;
    case "dhcp":
      a.dhcpEnabled = YES.test(value) ? true : NO.test(value) ? false : null;
      break;
    case "ipv6":
    case "tempIpv6":
    case "linkLocal":
      a.ipv6.push({
        ...address(value),
        kind: key === "linkLocal" ? "link-local" : key === "tempIpv6" ? "temporary" : "global",
      });
      break;
    case "ipv4":
    case "autoIpv4":
      a.ipv4.push({ ...address(value), ...(key === "autoIpv4" ? { kind: "autoconfig" } : {}) });
      break;
    case "mask": {
      const v4 = a.ipv4[a.ipv4.length - 1];
      if (v4 && !v4.subnetMask) v4.subnetMask = value;
      break;
    }
    case "gateway":
      a.defaultGateways.push(value);
      break;
    case "dhcpServer":
      a.dhcpServer = value;
      break;
    case "dns":
      a.dnsServers.push(value);
      break;
  }
}

/** Joins a value that an 80-column console wrapped mid-word onto its own line. */
function appendWrapped(out: Ipconfig, a: IpconfigAdapter | null, key: Key, rest: string): void {
  if (key === "description" && a?.description) a.description += rest;
  else if (key === "hostName" && out.hostName) out.hostName += rest;
}

/** Splits `fe80::1%7(Preferred)` into address, zone and status. */
function address(value: string): IpconfigAddress {
  const m = /^([^%(\s]+)(?:%([^(\s]+))?\s*(?:\(([^)]*)\))?/.exec(value);
  if (!m) return { address: value };
  const a: IpconfigAddress = { address: m[1] };
  if (m[2]) a.zone = m[2];
  if (m[3]) a.status = m[3];
  return a;
}

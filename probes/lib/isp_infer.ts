/**
 * Infers the access-line type from what the device can see: addresses, gateways and path
 * MTU. Pure, so every rule is tested. The answer is a ranked list of candidates with
 * evidence and a confidence, never a certainty.
 *
 * @module
 */
import type { Localized } from "../../util/text.ts";

/** One address as `net.interfaces` reports it. */
export interface InferAddress {
  family: 4 | 6;
  address: string;
  scope: "loopback" | "link" | "private" | "global" | "cgnat" | "ula";
}

/** What the inference reads. Missing pieces lower confidence; they never fail it. */
export interface InferInput {
  interfaces: { name: string; up?: boolean; mtu?: number | null; addresses: InferAddress[] }[];
  gateways: { family: 4 | 6; gateway: string }[];
  pathMtuV4: number | null;
  pathMtuV6: number | null;
}

/** An access type. */
export type AccessType =
  | "pppoe"
  | "ipv4-over-ipv6"
  | "dual-stack"
  | "ipv4-only"
  | "cgnat"
  | "double-nat";

/** One candidate with its evidence. */
export interface Candidate {
  type: AccessType;
  /** 0–1; 0.9 means "strongly suggested", never "known". */
  confidence: number;
  evidence: Localized[];
}

const CGNAT = /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./;
const PRIVATE4 = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/;

/** Ranks the access types the evidence supports, best first. */
export function inferAccess(input: InferInput): Candidate[] {
  const live = input.interfaces.filter((i) => i.up !== false);
  const addrs = live.flatMap((i) => i.addresses);
  const v6global = addrs.some((a) => a.family === 6 && a.scope === "global");
  const v4 = addrs.filter((a) => a.family === 4 && a.scope !== "loopback" && a.scope !== "link");
  const gw4 = input.gateways.filter((g) => g.family === 4).map((g) => g.gateway);
  const out: Candidate[] = [];
  const add = (type: AccessType, confidence: number, evidence: Localized[]) =>
    out.push({ type, confidence, evidence });
  const mtu4 = input.pathMtuV4;
  const pppIf = live.find((i) => /^(ppp|pppoe)/i.test(i.name));

  if (mtu4 === 1454 || (mtu4 !== null && mtu4 >= 1436 && mtu4 <= 1492 && mtu4 !== 1460)) {
    const ev = [{
      ja: `IPv4 の経路 MTU が ${mtu4} (PPPoE の典型値。1454 は NTT NGN の PPPoE)`,
      en: `IPv4 path MTU is ${mtu4} (typical of PPPoE; 1454 is PPPoE on NTT NGN)`,
    }];
    add("pppoe", mtu4 === 1454 || mtu4 === 1492 ? 0.8 : 0.5, ev);
  } else if (pppIf) {
    add("pppoe", 0.7, [{
      ja: `PPP インターフェイス ${pppIf.name} があります`,
      en: `There is a PPP interface ${pppIf.name}`,
    }]);
  }
  if (mtu4 === 1460 && v6global) {
    add("ipv4-over-ipv6", 0.8, [
      {
        ja: "IPv4 の経路 MTU が 1460 (IPv6 トンネルの 40 バイト分)",
        en: "IPv4 path MTU is 1460 (40 bytes of IPv6 tunnel header)",
      },
      { ja: "IPv6 のグローバルアドレスがあります", en: "A global IPv6 address is present" },
    ]);
  }
  if (v6global && !out.some((c) => c.type === "ipv4-over-ipv6")) {
    const native = mtu4 === 1500 && (input.pathMtuV6 === null || input.pathMtuV6 >= 1500);
    add("dual-stack", native ? 0.7 : 0.5, [
      { ja: "IPv6 のグローバルアドレスがあります", en: "A global IPv6 address is present" },
      ...(native
        ? [{ ja: "経路 MTU は 1500 (トンネルなし)", en: "Path MTU is 1500 (no tunnel)" }]
        : []),
    ]);
  }
  if (!v6global && v4.length > 0) {
    add("ipv4-only", 0.6, [{
      ja: "IPv6 のグローバルアドレスがありません",
      en: "No global IPv6 address",
    }]);
  }
  const cg = [
    ...v4.filter((a) => CGNAT.test(a.address)).map((a) => a.address),
    ...gw4.filter((g) => CGNAT.test(g)),
  ];
  if (cg.length) {
    add("cgnat", 0.7, [{
      ja: `100.64.0.0/10 のアドレスが見えます: ${cg.join(", ")}`,
      en: `Addresses in 100.64.0.0/10 are visible: ${cg.join(", ")}`,
    }]);
  }
  if (
    v4.some((a) => PRIVATE4.test(a.address)) && gw4.some((g) => PRIVATE4.test(g)) &&
    mtu4 !== null && mtu4 < 1500 && !v6global
  ) {
    // a private LAN behind a router that itself sees a short MTU is often a second router
    add("double-nat", 0.3, [{
      ja: "プライベートアドレスのゲートウェイの先に MTU の短い回線があります",
      en: "A private gateway sits in front of a reduced-MTU line",
    }]);
  }
  return out.sort((a, b) => b.confidence - a.confidence);
}

/**
 * Fault kinds for the randomised scenarios (the generator of `fault_kinds.ts` /
 * `random_cases.ts`): a resolver failing one record type, one IP family broken at the
 * provider or beyond its edge, and a proxy that fails in one of four ways. Each is data plus
 * one function, in the generator's `FaultKind` shape; the generator draws them once they are
 * in its list (`FAULT_KINDS = [..., ...DNS_IP_PROXY_KINDS]`).
 *
 * Every mode is detectable: the threshold is the first mode, and the headline must name the
 * location each time.
 *
 * @module
 */
import type { Segment } from "../../probes/types.ts";
import type { Fault } from "./scenario_schema.ts";
import { ADDR, PROXY_PORT } from "./topology.ts";

/** A random source in [0, 1). */
export type Rng = () => number;

/** What one draw injects: faults, and config deep-merged into the lab's. */
export interface Injection {
  faults: Fault[];
  config?: Record<string, unknown>;
}

/** A fault kind, in the shape of the generator's (`fault_kinds.ts`). */
export interface FaultKind {
  id: string;
  locations: readonly Segment[];
  severity: { min: number; max: number; unit: string; log?: boolean; step?: number };
  weight?: number;
  buckets?: readonly number[];
  modes?: readonly string[];
  threshold: (location: Segment) => { value: number; worse: "higher" | "lower" };
  make: (location: Segment, severity: number, rng: Rng) => Injection;
}

const everyMode = () => ({ value: 0, worse: "higher" as const });
const modes = (list: readonly string[]) => ({
  severity: { min: 0, max: list.length - 1, unit: "mode", step: 1 },
  modes: list,
  threshold: everyMode,
});

/** The provider's resolver fails one record type; the other and public DNS answer. */
export const resolverType: FaultKind = {
  id: "resolver-type",
  locations: ["dns"],
  ...modes(["servfail AAAA", "refused AAAA", "silent AAAA", "servfail A"]),
  make(_location, severity) {
    const [mode, type] = [
      ["servfail", "AAAA"],
      ["refused", "AAAA"],
      ["silent", "AAAA"],
      ["servfail", "A"],
    ][Math.round(severity)];
    return {
      faults: [{
        kind: "service",
        node: "provider",
        service: "dns",
        mode: { mode, types: [type] },
      }],
    };
  },
};

/** The lab's TCP targets with the provider's portal over IPv6 as well (an on-net IPv6 host). */
const TCP_WITH_ONNET_V6 = {
  tcp: {
    targets: [
      { name: "provider-portal", host: ADDR.providerPortal4, port: 80, segment: "isp" },
      { name: "provider-portal-v6", host: ADDR.providerPortal6, port: 80, segment: "isp" },
      { name: "anchor", host: ADDR.anchor4, port: 443, segment: "internet" },
      { name: "www", host: "www.example.test", port: 443, segment: "internet" },
      { name: "app-submission", host: "app.example.test", port: 587, segment: "service" },
    ],
  },
};

/**
 * One IP family broken while the other works: at the provider (`isp`: IPv4 — the gateway of
 * an IPv4-over-IPv6 line is down, DNS over IPv6; IPv6 — handed out but forwarded nowhere)
 * or beyond its edge (`internet`: its way out drops the family; for IPv6 the provider's
 * portal is measured over IPv6 too, which is what places the break beyond it).
 */
export const familyBroken: FaultKind = {
  id: "family-broken",
  locations: ["isp", "internet"],
  ...modes(["IPv4", "IPv6"]),
  make(location, severity) {
    const v = Math.round(severity) === 0 ? "4" : "6";
    if (location === "internet") {
      return {
        faults: [{
          kind: "iptables",
          node: "provider",
          family: v,
          rule: "-A FORWARD -o up0 -j DROP",
        }],
        ...(v === "6" ? { config: TCP_WITH_ONNET_V6 } : {}),
      };
    }
    if (v === "6") {
      return {
        faults: [{ kind: "iptables", node: "provider", family: "6", rule: "-A FORWARD -j DROP" }],
      };
    }
    return {
      faults: [
        { kind: "iptables", node: "provider", family: "4", rule: "-A FORWARD -i acc0 -j DROP" },
        { kind: "iptables", node: "provider", family: "4", rule: "-A INPUT -i acc0 -j DROP" },
        {
          kind: "resolv",
          text: `nameserver ${ADDR.providerResolver6}\noptions timeout:1 attempts:1\n`,
        },
      ],
    };
  },
};

const PROXY = `http://${ADDR.providerPortal4}:${PROXY_PORT}`;
const proxyEnv = (url: string): Fault => ({
  kind: "env",
  vars: { http_proxy: url, https_proxy: url },
});

/** The proxy the environment names fails: nothing there, silent, refusing CONNECT, cut off. */
export const proxyFault: FaultKind = {
  id: "proxy",
  locations: ["device"],
  ...modes(["dead", "silent", "refuses CONNECT", "bad gateway"]),
  make(_location, severity) {
    const m = Math.round(severity);
    if (m === 0) return { faults: [proxyEnv("http://127.0.0.1:3128")] };
    const mode = ["", "silent", "refuse-connect", "bad-gateway"][m];
    return {
      faults: [
        proxyEnv(PROXY),
        { kind: "service", node: "provider", service: "proxy", mode: { mode } },
      ],
    };
  },
};

/** The kinds of this file, for the generator's list. */
export const DNS_IP_PROXY_KINDS: readonly FaultKind[] = [resolverType, familyBroken, proxyFault];

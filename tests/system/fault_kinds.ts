/**
 * The fault kinds the randomised scenarios draw from, as data: where each can be injected,
 * its severity range, the detectability threshold documented for it, and one small function
 * that turns (location, severity) into the lab's faults (`fault_kind.ts` has the shape). A
 * new kind is one entry in {@link FAULT_KINDS} (here, or from another file such as
 * `fault_kinds_services.ts`); noise that must never raise a warning is one entry in
 * `noise_kinds.ts`.
 *
 * @module
 */
import type { Fault } from "./scenario_schema.ts";
import { ADDR } from "./topology.ts";
import { dropBothWays, type FaultKind, LOSSY_LINK, oneWay } from "./fault_kind.ts";
import { resolverFault, serviceFault } from "./fault_kinds_services.ts";
import { DNS_IP_PROXY_KINDS } from "./fault_kinds_dns_ip_proxy.ts";

export type { FaultKind, NoiseKind, Rng } from "./fault_kind.ts";
export { oneWay } from "./fault_kind.ts";
export { NOISE_KINDS } from "./noise_kinds.ts";

/** Random loss of every packet on one segment's link; severity: % of round trips lost. */
const loss: FaultKind = {
  id: "loss",
  locations: ["lan", "isp", "internet"],
  severity: { min: 1, max: 30, unit: "% round trips", step: 0.5 },
  weight: 4,
  buckets: [1, 2, 4, 6, 8, 12, 20, 30],
  threshold: () => ({ value: 8, worse: "higher" }),
  make(location, severity) {
    const link = LOSSY_LINK[location]!;
    return { faults: dropBothWays(link.node, link.dev, oneWay(severity / 100)) };
  },
};

/**
 * Delay added on one segment's link, each way (the lab's `delay` fault: an NFQUEUE that
 * holds packets); severity: round-trip time added, ms.
 */
const delay: FaultKind = {
  id: "delay",
  locations: ["lan", "isp", "internet"],
  severity: { min: 10, max: 300, unit: "ms round trip", log: true, step: 1 },
  weight: 1.5,
  buckets: [10, 25, 50, 100, 150, 300.1],
  // The router should answer within 20 ms, the anchors within 100 ms (Teams): a margin
  // above each for the timer noise of a busy machine.
  threshold: (location) => ({ value: location === "lan" ? 30 : 150, worse: "higher" }),
  make(location, severity) {
    const link = LOSSY_LINK[location]!;
    return {
      faults: [{
        kind: "delay",
        node: link.node,
        dev: link.dev,
        ms: Math.max(1, Math.round(severity / 2)),
      }],
    };
  },
};

/** Loss of large frames only between the device and the router (a poor Wi-Fi). */
const largeFrameLoss: FaultKind = {
  id: "large-frame-loss",
  locations: ["lan"],
  severity: { min: 2, max: 40, unit: "% of large round trips", step: 0.5 },
  weight: 1.5,
  buckets: [2, 5, 10, 20, 40],
  threshold: () => ({ value: 10, worse: "higher" }),
  make(_location, severity) {
    return {
      faults: dropBothWays(
        "router",
        "lan0",
        oneWay(severity / 100),
        "-m length --length 1000:65535",
      ),
    };
  },
};

/** A path-MTU black hole on the access line: a smaller MTU, and the ICMP saying so filtered. */
const mtuBlackHole: FaultKind = {
  id: "mtu-black-hole",
  locations: ["isp"],
  severity: { min: 1280, max: 1492, unit: "bytes MTU", step: 1 },
  buckets: [1280, 1400, 1450, 1493],
  threshold: () => ({ value: 1492, worse: "lower" }),
  make(_location, severity) {
    const mtu = Math.round(severity);
    return {
      faults: [
        { kind: "link", node: "provider", dev: "acc0", mtu },
        { kind: "link", node: "router", dev: "wan0", mtu },
        {
          kind: "iptables",
          node: "provider",
          family: "4",
          rule: "-A OUTPUT -p icmp --icmp-type fragmentation-needed -j DROP",
        },
        {
          kind: "iptables",
          node: "provider",
          family: "6",
          rule: "-A OUTPUT -p icmpv6 --icmpv6-type packet-too-big -j DROP",
        },
      ],
    };
  },
};

/**
 * A rate limit: the access line shaped both ways (`isp`: on-net and off-net speed servers
 * alike are slow), or the provider's way out to the internet (`internet`: only the off-net
 * server is slow). Severity: Mbit/s.
 */
const rateLimit: FaultKind = {
  id: "rate-limit",
  locations: ["isp", "internet"],
  severity: { min: 0.5, max: 20, unit: "Mbit/s", log: true, step: 0.1 },
  weight: 1.5,
  buckets: [0.5, 2, 8, 10, 20.1],
  // The access line is a fault below 10 Mbit/s (isp.slow-line); beyond the provider, any
  // limit far below the provider's own network is (internet.beyond-access).
  threshold: (location) => ({ value: location === "isp" ? 8 : 20, worse: "lower" }),
  make(location, severity) {
    const rate = `${Math.max(0.1, severity).toFixed(2)}mbit`;
    // A short queue: the line is slow, not bloated.
    const qdisc = `tbf rate ${rate} burst 16kb latency 40ms`;
    const servers = [
      { name: "provider", url: `http://${ADDR.providerPortal4}:8081/`, kind: "on-net" },
      { name: "internet", url: `http://${ADDR.speed4}:8081/`, kind: "off-net" },
    ];
    const faults: Fault[] = location === "isp"
      ? [
        { kind: "tc", node: "provider", dev: "acc0", qdisc },
        { kind: "tc", node: "router", dev: "wan0", qdisc },
      ]
      : [
        { kind: "tc", node: "internet", dev: "eth0", qdisc },
        { kind: "tc", node: "provider", dev: "up0", qdisc },
      ];
    return { faults, config: { skip: [], throughput: { servers } } };
  },
};

/** A segment's link goes down entirely. */
const outage: FaultKind = {
  id: "outage",
  locations: ["lan", "isp", "internet"],
  severity: { min: 0, max: 0, unit: "-" },
  modes: ["down"],
  threshold: () => ({ value: 0, worse: "higher" }),
  make(location) {
    const rule = location === "lan"
      ? "-A INPUT -i lan0 -j DROP"
      : location === "isp"
      ? "-A FORWARD -i acc0 -j DROP"
      : "-A FORWARD -o up0 -j DROP";
    const node = location === "lan" ? "router" : "provider";
    const faults: Fault[] = [{ kind: "iptables", node, family: "both", rule }];
    // The router itself answering nothing from the home is the router down: its forwarding too.
    if (location === "lan") {
      faults.push({
        kind: "iptables",
        node: "router",
        family: "both",
        rule: "-A FORWARD -i lan0 -j DROP",
      });
    }
    if (location === "isp") {
      faults.push({
        kind: "iptables",
        node: "provider",
        family: "both",
        rule: "-A INPUT -i acc0 -j DROP",
      });
    }
    return { faults };
  },
};

/** Every fault kind the generator draws from. */
export const FAULT_KINDS: readonly FaultKind[] = [
  loss,
  delay,
  largeFrameLoss,
  mtuBlackHole,
  rateLimit,
  resolverFault,
  serviceFault,
  outage,
  ...DNS_IP_PROXY_KINDS,
];

/**
 * The fault kinds the randomised scenarios draw from, as data: where each can be injected,
 * its severity range, the detectability threshold documented for it, and one small function
 * that turns (location, severity) into the lab's faults. A new kind is one entry here (or in
 * another file's list added to {@link FAULT_KINDS}); noise that must never raise a warning is
 * one entry in {@link NOISE_KINDS}.
 *
 * @module
 */
import type { Segment } from "../../probes/types.ts";
import type { Fault } from "./scenario_schema.ts";
import { ADDR } from "./topology.ts";

/** A random source in [0, 1). */
export type Rng = () => number;

/** What one draw of a kind injects. */
export interface Injection {
  faults: Fault[];
  /** Deep-merged into the lab's run config. */
  config?: Record<string, unknown>;
}

/** A fault kind: data plus one function. */
export interface FaultKind {
  id: string;
  /** Where it can be put, named by the segment the headline should then name. */
  locations: readonly Segment[];
  /** The severity drawn, uniformly in [min, max] (log-uniform when `log`). */
  severity: { min: number; max: number; unit: string; log?: boolean; step?: number };
  /** How often it is drawn, against the other kinds (default 1). */
  weight?: number;
  /** Bucket edges for the table (numeric severities); or names of integer modes. */
  buckets?: readonly number[];
  modes?: readonly string[];
  /**
   * The documented detectability threshold at a location: from this severity on (`worse`
   * says which way is worse) the headline must name the location in ≥ 95 % of runs; below it
   * the right answer is "inconclusive" or "no fault", never another segment.
   */
  threshold: (location: Segment) => { value: number; worse: "higher" | "lower" };
  /** Builds the faults of one draw. */
  make: (location: Segment, severity: number, rng: Rng) => Injection;
}

/** Noise a healthy network may show: it must never raise a warning. */
export interface NoiseKind {
  id: string;
  make: (rng: Rng) => { faults: Fault[]; label: string };
}

/** Where each segment's loss is put: the interfaces a lossy link of that segment crosses. */
const LOSSY_LINK: Partial<
  Record<Segment, { node: "router" | "provider" | "internet"; dev: string }>
> = {
  lan: { node: "router", dev: "lan0" },
  isp: { node: "provider", dev: "acc0" },
  internet: { node: "internet", dev: "eth0" },
};

/** Both directions through `dev` drop with probability `p` (raw in, mangle out), `match` added. */
function dropBothWays(
  node: "router" | "provider" | "internet",
  dev: string,
  p: number,
  match = "",
): Fault[] {
  const prob = p.toFixed(4);
  const m = match ? ` ${match}` : "";
  return [
    {
      kind: "iptables",
      node,
      family: "both",
      rule:
        `-t raw -A PREROUTING -i ${dev}${m} -m statistic --mode random --probability ${prob} -j DROP`,
    },
    {
      kind: "iptables",
      node,
      family: "both",
      rule:
        `-t mangle -A POSTROUTING -o ${dev}${m} -m statistic --mode random --probability ${prob} -j DROP`,
    },
  ];
}

/** The one-way drop probability that loses `roundTrip` (a fraction) of round trips. */
export function oneWay(roundTrip: number): number {
  return 1 - Math.sqrt(1 - roundTrip);
}

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

/** The provider's resolver fails in one of the ways resolvers fail (the device's own DNS). */
const resolverFault: FaultKind = {
  id: "resolver",
  locations: ["dns"],
  severity: { min: 0, max: 4, unit: "mode", step: 1 },
  modes: ["silent", "servfail", "refused", "nxdomain", "slow 800 ms"],
  threshold: () => ({ value: 0, worse: "higher" }),
  make(_location, severity) {
    const modes = [
      { mode: "silent" },
      { mode: "servfail" },
      { mode: "refused" },
      { mode: "nxdomain" },
      { mode: "slow", delayMs: 800 },
    ];
    return {
      faults: [{
        kind: "service",
        node: "provider",
        service: "dns",
        mode: modes[Math.round(severity)],
      }],
    };
  },
};

/** The customer's service fails: 5xx, slow, or refusing connections. */
const serviceFault: FaultKind = {
  id: "service",
  locations: ["service"],
  severity: { min: 0, max: 2, unit: "mode", step: 1 },
  modes: ["503", "slow 2.5 s", "refused"],
  threshold: () => ({ value: 0, worse: "higher" }),
  make(_location, severity) {
    const m = Math.round(severity);
    if (m === 2) {
      return {
        faults: [
          {
            kind: "iptables",
            node: "internet",
            family: "4",
            rule: `-A INPUT -d ${ADDR.app4} -p tcp -j REJECT --reject-with tcp-reset`,
          },
          {
            kind: "iptables",
            node: "internet",
            family: "6",
            rule: `-A INPUT -d ${ADDR.app6} -p tcp -j REJECT --reject-with tcp-reset`,
          },
        ],
      };
    }
    const mode = m === 0 ? { mode: "status", status: 503 } : { mode: "slow", delayMs: 2500 };
    return {
      faults: [{ kind: "service", node: "internet", service: "app", mode }],
      config: m === 1 ? { http: { timeoutMs: 5000 } } : {},
    };
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
];

const between = (rng: Rng, a: number, b: number) => a + (b - a) * rng();

/** ICMP rate limits and other things healthy networks do; none may raise a warning. */
export const NOISE_KINDS: readonly NoiseKind[] = [
  {
    id: "trace-rate-limit",
    make(rng) {
      const p = between(rng, 0.3, 0.9).toFixed(2);
      const node = rng() < 0.5 ? "provider" : "router";
      return {
        label: `${node} drops ${p} of its "time exceeded"`,
        faults: [
          {
            kind: "iptables",
            node,
            family: "4",
            rule:
              `-A OUTPUT -p icmp --icmp-type time-exceeded -m statistic --mode random --probability ${p} -j DROP`,
          },
          {
            kind: "iptables",
            node,
            family: "6",
            rule:
              `-A OUTPUT -p icmpv6 --icmpv6-type time-exceeded -m statistic --mode random --probability ${p} -j DROP`,
          },
        ],
      };
    },
  },
  {
    id: "echo-rate-limit",
    make(rng) {
      const p = between(rng, 0.1, 0.5).toFixed(2);
      // The home router or the provider's edge answers only some pings addressed to itself.
      const [node, v4, v6] = rng() < 0.5
        ? ["router", ADDR.routerLan4, ADDR.routerLan6] as const
        : ["provider", ADDR.providerAcc4, ADDR.providerAcc6] as const;
      return {
        label: `${node} answers only ${(1 - Number(p)).toFixed(2)} of pings to itself`,
        faults: [
          {
            kind: "iptables",
            node,
            family: "4",
            rule:
              `-A OUTPUT -s ${v4} -p icmp --icmp-type echo-reply -m statistic --mode random --probability ${p} -j DROP`,
          },
          {
            kind: "iptables",
            node,
            family: "6",
            rule:
              `-A OUTPUT -s ${v6} -p icmpv6 --icmpv6-type echo-reply -m statistic --mode random --probability ${p} -j DROP`,
          },
        ],
      };
    },
  },
  {
    id: "small-mtu",
    make(rng) {
      // A PPPoE-sized access line whose routers do say "fragmentation needed": not a fault.
      const mtu = [1454, 1460, 1492][Math.floor(rng() * 3)];
      return {
        label: `access MTU ${mtu} with working path MTU discovery`,
        faults: [
          { kind: "link", node: "provider", dev: "acc0", mtu },
          { kind: "link", node: "router", dev: "wan0", mtu },
        ],
      };
    },
  },
];

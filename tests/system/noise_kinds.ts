/**
 * Noise: what healthy networks do that must never raise a warning — routers limiting their
 * ICMP answers, a small access MTU whose routers say so.
 *
 * @module
 */
import type { NoiseKind, Rng } from "./fault_kind.ts";
import { ADDR } from "./topology.ts";

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
  echoLimit("edge-echo-limit", "provider", ADDR.providerAcc4, ADDR.providerAcc6, false),
  // A home router dropping pings to itself while the path beyond loses too cannot be told
  // from loss on the home network by anyone: it is noise on healthy runs only.
  echoLimit("router-echo-limit", "router", ADDR.routerLan4, ADDR.routerLan6, true),
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

/** A router that answers only 50–90 % of the pings addressed to itself (an ICMP rate limit). */
function echoLimit(
  id: string,
  node: "router" | "provider",
  v4: string,
  v6: string,
  healthyOnly: boolean,
): NoiseKind {
  return {
    id,
    healthyOnly,
    make(rng) {
      const p = between(rng, 0.1, 0.5).toFixed(2);
      const drop = (family: "4" | "6", proto: string) => ({
        kind: "iptables" as const,
        node,
        family,
        rule: `-A OUTPUT -s ${family === "4" ? v4 : v6} -p ${proto} --${proto}-type echo-reply ` +
          `-m statistic --mode random --probability ${p} -j DROP`,
      });
      return {
        label: `${node} answers only ${(1 - Number(p)).toFixed(2)} of pings to itself`,
        faults: [drop("4", "icmp"), drop("6", "icmpv6")],
      };
    },
  };
}

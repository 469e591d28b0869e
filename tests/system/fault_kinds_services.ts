/**
 * Fault kinds of the servers rather than the links: the provider's resolver and the
 * customer's service. The DNS/families work adds its kinds (rcodes per query type, IPv4 vs
 * IPv6, proxies) beside these.
 *
 * @module
 */
import type { FaultKind } from "./fault_kind.ts";
import { ADDR } from "./topology.ts";

/** The provider's resolver fails in one of the ways resolvers fail (the device's own DNS). */
export const resolverFault: FaultKind = {
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
export const serviceFault: FaultKind = {
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

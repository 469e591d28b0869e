/**
 * The home the fault-injection harness builds, as data: four network namespaces joined by
 * veth pairs, their addresses and routes, the DNS zone and the services each one runs.
 *
 * ```
 * client ──eth0── lan0 router(NAT) wan0 ── acc0 provider up0 ── eth0 internet
 * 192.168.10.10   .1          10.64.0.2   10.64.0.1  198.18.255.1  198.18.255.2
 *                                         resolver 10.64.1.53       resolver 198.18.0.53
 *                                         portal   10.64.1.80       anchor .10  www .20
 *                                                                   app .30     speed .40
 * ```
 *
 * Addresses are private: RFC 1918 and RFC 4193 (ULA) inside the home and the provider, and
 * the RFC 2544 benchmarking range 198.18.0.0/15 for "the internet", which no one routes but
 * which the kit classifies as global, as it would a real public address. Nothing leaves the
 * namespaces: the provider has no route beyond them.
 *
 * @module
 */
import type { ZoneEntry } from "./servers/dns.ts";

/** The roles of the four namespaces. */
export const NODES = ["client", "router", "provider", "internet"] as const;
/** One namespace's role. */
export type Node = typeof NODES[number];

/** Fixed addresses of the plan. */
export const ADDR = {
  client4: "192.168.10.10",
  client6: "fd00:10::10",
  routerLan4: "192.168.10.1",
  routerLan6: "fd00:10::1",
  routerWan4: "10.64.0.2",
  routerWan6: "fd00:64::2",
  providerAcc4: "10.64.0.1",
  providerAcc6: "fd00:64::1",
  providerUp4: "198.18.255.1",
  providerUp6: "fd00:18:ff::1",
  internetLink4: "198.18.255.2",
  internetLink6: "fd00:18:ff::2",
  providerResolver4: "10.64.1.53",
  providerResolver6: "fd00:64:1::53",
  providerPortal4: "10.64.1.80",
  providerPortal6: "fd00:64:1::80",
  publicResolver4: "198.18.0.53",
  publicResolver6: "fd00:18::53",
  anchor4: "198.18.0.10",
  anchor6: "fd00:18::10",
  www4: "198.18.0.20",
  www6: "fd00:18::20",
  app4: "198.18.0.30",
  app6: "fd00:18::30",
  speed4: "198.18.0.40",
  speed6: "fd00:18::40",
} as const;

/** A veth pair between two namespaces. */
export interface Link {
  a: Node;
  aDev: string;
  b: Node;
  bDev: string;
}

/** The three links, client side first. */
export const LINKS: readonly Link[] = [
  { a: "client", aDev: "eth0", b: "router", bDev: "lan0" },
  { a: "router", aDev: "wan0", b: "provider", bDev: "acc0" },
  { a: "provider", aDev: "up0", b: "internet", bDev: "eth0" },
];

/** Addresses per namespace: `dev` → CIDRs (`lo` holds service addresses). */
export const ADDRESSES: Record<Node, Record<string, string[]>> = {
  client: { eth0: [`${ADDR.client4}/24`, `${ADDR.client6}/64`] },
  router: {
    lan0: [`${ADDR.routerLan4}/24`, `${ADDR.routerLan6}/64`],
    wan0: [`${ADDR.routerWan4}/24`, `${ADDR.routerWan6}/64`],
  },
  provider: {
    acc0: [`${ADDR.providerAcc4}/24`, `${ADDR.providerAcc6}/64`],
    up0: [`${ADDR.providerUp4}/30`, `${ADDR.providerUp6}/64`],
    lo: [
      `${ADDR.providerResolver4}/32`,
      `${ADDR.providerResolver6}/128`,
      `${ADDR.providerPortal4}/32`,
      `${ADDR.providerPortal6}/128`,
    ],
  },
  internet: {
    eth0: [`${ADDR.internetLink4}/30`, `${ADDR.internetLink6}/64`],
    lo: [
      ADDR.publicResolver4,
      ADDR.anchor4,
      ADDR.www4,
      ADDR.app4,
      ADDR.speed4,
    ].map((a) => `${a}/32`).concat(
      [ADDR.publicResolver6, ADDR.anchor6, ADDR.www6, ADDR.app6, ADDR.speed6].map((a) =>
        `${a}/128`
      ),
    ),
  },
};

/** Routes per namespace, as `ip route replace` arguments (family from the prefix). */
export const ROUTES: Record<Node, string[][]> = {
  client: [
    ["default", "via", ADDR.routerLan4],
    ["default", "via", ADDR.routerLan6],
  ],
  router: [
    ["default", "via", ADDR.providerAcc4],
    ["default", "via", ADDR.providerAcc6],
  ],
  provider: [
    ["198.18.0.0/24", "via", ADDR.internetLink4],
    ["fd00:18::/64", "via", ADDR.internetLink6],
    ["fd00:10::/64", "via", ADDR.routerWan6],
  ],
  internet: [
    ["default", "via", ADDR.providerUp4],
    ["default", "via", ADDR.providerUp6],
  ],
};

/** Namespaces that forward packets. */
export const ROUTERS: readonly Node[] = ["router", "provider"];

/**
 * The baseline firewall per namespace as `iptables-restore` input (v4 and v6). The home
 * router masquerades IPv4 behind its WAN address, as a home router does; IPv6 is routed.
 */
export const FIREWALL: Record<Node, { v4: string; v6: string }> = Object.fromEntries(
  NODES.map((n) => [n, {
    v4: restoreInput(n === "router" ? ["-A POSTROUTING -o wan0 -j MASQUERADE"] : []),
    v6: restoreInput([]),
  }]),
) as Record<Node, { v4: string; v6: string }>;

function restoreInput(natRules: string[]): string {
  return [
    "*filter",
    ":INPUT ACCEPT [0:0]",
    ":FORWARD ACCEPT [0:0]",
    ":OUTPUT ACCEPT [0:0]",
    "COMMIT",
    "*nat",
    ":PREROUTING ACCEPT [0:0]",
    ":INPUT ACCEPT [0:0]",
    ":OUTPUT ACCEPT [0:0]",
    ":POSTROUTING ACCEPT [0:0]",
    ...natRules,
    "COMMIT",
    "*raw",
    ":PREROUTING ACCEPT [0:0]",
    ":OUTPUT ACCEPT [0:0]",
    "COMMIT",
    "*mangle",
    ":PREROUTING ACCEPT [0:0]",
    ":INPUT ACCEPT [0:0]",
    ":FORWARD ACCEPT [0:0]",
    ":OUTPUT ACCEPT [0:0]",
    ":POSTROUTING ACCEPT [0:0]",
    "COMMIT",
    "",
  ].join("\n");
}

/** The client's resolver configuration: the provider's resolver, as a router's DHCP hands out. */
export const CLIENT_RESOLV_CONF =
  `nameserver ${ADDR.providerResolver4}\noptions timeout:1 attempts:1\n`;
/** The client's name service switch: files, then DNS; nothing else answers names. */
export const CLIENT_NSSWITCH = "hosts: files dns\n";

/** Names both resolvers answer. */
export const ZONE: Record<string, ZoneEntry> = {
  "anchor.example.test": { a: [ADDR.anchor4], aaaa: [ADDR.anchor6] },
  "www.example.test": { a: [ADDR.www4], aaaa: [ADDR.www6] },
  "app.example.test": { a: [ADDR.app4], aaaa: [ADDR.app6] },
  "speed.example.test": { a: [ADDR.speed4], aaaa: [ADDR.speed6] },
  "portal.provider.test": { a: [ADDR.providerPortal4], aaaa: [ADDR.providerPortal6] },
};

/** The services of one namespace's server process. */
export interface HostSpec {
  dns?: { addresses: string[] };
  web: Record<string, { addresses: string[]; http?: number; https?: number }>;
  tcp?: { addresses: string[]; ports: number[] };
  /** A `kiriwake speedtest-server` on this port of these addresses. */
  speed?: { addresses: string[]; port: number };
  /** A forward HTTP proxy (CONNECT and plain GET) on this port of these addresses. */
  proxy?: { addresses: string[]; port: number };
}

/** The port the lab's speed test servers listen on. */
export const SPEED_PORT = 8081;
/** The port of the provider's forward proxy (used only when a scenario sets it). */
export const PROXY_PORT = 3128;

/** What runs where. Service names are what faults address (`provider/dns`, `internet/app`). */
export const SERVICES: Partial<Record<Node, HostSpec>> = {
  provider: {
    dns: { addresses: [ADDR.providerResolver4, ADDR.providerResolver6] },
    web: {
      portal: { addresses: [ADDR.providerPortal4, ADDR.providerPortal6], http: 80, https: 443 },
      // Where a captive-portal fault sends intercepted plain HTTP.
      captive: { addresses: [ADDR.providerPortal4], http: 8080 },
    },
    // The provider's own speed test server: on-net, it measures the access line.
    speed: { addresses: [ADDR.providerPortal4], port: SPEED_PORT },
    // A forward proxy a customer may be set to use; nothing uses it unless a scenario does.
    proxy: { addresses: [ADDR.providerPortal4], port: PROXY_PORT },
  },
  internet: {
    dns: { addresses: [ADDR.publicResolver4, ADDR.publicResolver6] },
    web: {
      anchor: { addresses: [ADDR.anchor4, ADDR.anchor6], http: 80, https: 443 },
      www: { addresses: [ADDR.www4, ADDR.www6], http: 80, https: 443 },
      app: { addresses: [ADDR.app4, ADDR.app6], http: 80, https: 443 },
      speed: { addresses: [ADDR.speed4, ADDR.speed6], http: 80, https: 443 },
    },
    tcp: { addresses: [ADDR.app4, ADDR.app6], ports: [25, 587] },
    speed: { addresses: [ADDR.speed4], port: SPEED_PORT },
  },
};

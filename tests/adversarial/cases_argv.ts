/**
 * Class 6: argument injection and unchecked config values. Every place a configured host or
 * address reaches a command or a socket refuses values that are not a host (an option such as
 * `-rf` or `--help`, spaces, line breaks) when the config is loaded — `--dry-run` included;
 * probe ids in `timeouts` must exist; durations live in a documented range (2^31 ms wraps a
 * timer round to zero); a CA file must hold certificates.
 *
 * @module
 */
import { onlyConfig, runArgs } from "./fixtures.ts";
import { type Case, expectError } from "./harness.ts";

const CLS = "6 argv";

/** Config fragments with a hostile value at a host or address. */
const PLACES: [string, (v: string) => Record<string, unknown>][] = [
  ["ping.anchors[0].address", (v) => ({ ping: { anchors: [{ address: v }] } })],
  ["trace.targets[0].address", (v) => ({ trace: { targets: [{ address: v }] } })],
  ["mtu.targets[0].address", (v) => ({ mtu: { targets: [{ address: v }] } })],
  ["tcp.targets[0].host", (v) => ({ tcp: { targets: [{ host: v, port: 80 }] } })],
  ["dns.resolvers[0].address", (v) => ({ dns: { resolvers: [{ name: "r", address: v }] } })],
  [
    "dnsCompare.publicResolvers[0].address",
    (v) => ({ dnsCompare: { publicResolvers: [{ name: "r", address: v }] } }),
  ],
  ["tls.targets[0].host", (v) => ({ tls: { targets: [{ host: v }] } })],
];

const VALUES = ["-rf", "--help", "-c 100000 -i 0 127.0.0.1", "a b", "x\ny"];

/** The class's cases. */
export function argvCases(): Case[] {
  const cases: Case[] = [];
  for (const [place, make] of PLACES) {
    for (const v of VALUES.slice(0, place.startsWith("ping") ? VALUES.length : 3)) {
      cases.push({
        cls: CLS,
        name: `--dry-run with ${place} = ${JSON.stringify(v)}`,
        run: async (k) => {
          const config = await k.write("c.json", make(v));
          return expectError(await k.run(runArgs("--dry-run", "--config", config)), 4);
        },
      });
    }
  }
  cases.push({
    cls: CLS,
    name: 'run (not dry) with a ping anchor "-f" is refused before measuring',
    run: async (k) => {
      const config = await k.write("c.json", {
        only: ["internet.ping"],
        ping: { anchors: [{ address: "-f" }], count: 1 },
      });
      return expectError(await k.run(runArgs("--config", config, "--out", k.path("out"))), 4);
    },
  });
  const timeouts: [string, Record<string, unknown>][] = [
    ["an unknown probe id in timeouts", { timeouts: { "no.such.probe": 1000 } }],
    ["timeouts of 2^31 ms", { timeouts: { "system.info": 2 ** 31 } }],
    ["timeouts of 1e308 ms", { timeouts: { "system.info": 1e308 } }],
    ["dns.timeoutMs of 2^31 ms", { dns: { timeoutMs: 2 ** 31 } }],
    ["http.slowMs of 2^53 ms", { http: { slowMs: 2 ** 53 } }],
    ["clock.timeoutMs of 2^31 ms", { clock: { timeoutMs: 2 ** 31 } }],
  ];
  for (const [name, config] of timeouts) {
    cases.push({
      cls: CLS,
      name: `--dry-run with ${name}`,
      run: async (k) => {
        const file = await k.write("c.json", { ...onlyConfig(["system.info"]), ...config });
        return expectError(await k.run(runArgs("--dry-run", "--config", file)), 4);
      },
    });
  }
  const cas: [string, string | null][] = [
    ["a CA file that is not PEM", "hello, I am not a certificate\n"],
    [
      "a CA file with a broken certificate",
      "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    ],
    ["a CA file that does not exist", null],
  ];
  for (const [name, content] of cas) {
    cases.push({
      cls: CLS,
      name: `--dry-run with ${name}`,
      run: async (k) => {
        if (content !== null) await k.write("ca.pem", content);
        const file = await k.write("c.json", {
          http: { targets: [{ url: "https://127.0.0.1:1/", caCertFile: "ca.pem" }] },
        });
        return expectError(await k.run(runArgs("--dry-run", "--config", file)), 4);
      },
    });
  }
  return cases;
}

import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import type { ProbeResult } from "../probes/types.ts";
import { extractSample, providerHostsOf } from "./extract.ts";
import { pathState } from "./path_state.ts";

// An unedited report of a real lab run: 40 % loss on the access link (tests/fixtures/reports/).
const REPORT = fileURLToPath(
  new URL("../tests/fixtures/reports/lab/isp-access-loss.json", import.meta.url),
);
const results = JSON.parse(await Deno.readTextFile(REPORT)).probes as ProbeResult[];
const KINDS = new Map([["provider", "provider" as const], ["public", "public" as const]]);

Deno.test("extractSample() reads a real lab run: router clean, provider and beyond lossy", () => {
  const raw = extractSample(results, KINDS);
  const by = Object.fromEntries(raw.readings.map((r) => [r.key, r]));
  assert.deepEqual(
    [by["gateway:4"].segment, by["gateway:4"].sent, by["gateway:4"].lost],
    ["lan", 20, 0],
  );
  assert.equal(by["tcp:provider-portal"].segment, "isp");
  assert.equal(by["tcp:provider-portal"].role, "on-net");
  assert.equal(by["ping:anchor"].segment, "internet");
  assert.equal(by["ping:anchor"].lost, 8);
  assert.equal(by["dns:provider"].role, "provider");
  assert.equal(by["dns:public"].role, "public");
  assert.deepEqual(raw.addresses, ["gw4 192.168.10.1", "gw6 fd00:10::1"]);
  const st = pathState({
    at: 0,
    durationMs: 0,
    readings: raw.readings,
    wifi: null,
    throughput: null,
    addresses: null,
  });
  assert.equal(st.lossAt, "isp", JSON.stringify(st.counts));
  assert.equal(st.dark, null);
});

Deno.test("extractSample() counts a pinged provider host as the provider, not the internet", () => {
  const ping = results.find((r) => r.id === "internet.ping")!;
  const portal = structuredClone(ping);
  (portal.data.targets as { name?: string; target: string }[])[0].target = "10.64.1.80";
  (portal.data.targets as { name?: string; target: string }[])[0].name = "portal";
  const raw = extractSample([portal], KINDS, new Set(["10.64.1.80"]));
  assert.deepEqual(raw.readings.map((r) => [r.key, r.segment, r.role]).slice(0, 1), [
    ["on-net:portal", "isp", "on-net"],
  ]);
});

Deno.test("extractSample() skips what a probe could not measure, and tolerates missing probes", () => {
  const skipped = results.map((r) =>
    r.id === "internet.ping" ? { ...r, status: "skipped" as const, data: {} } : r
  );
  const raw = extractSample(skipped, KINDS);
  assert.ok(!raw.readings.some((r) => r.kind === "ping" && r.segment === "internet"));
  assert.deepEqual(extractSample([], KINDS), {
    readings: [],
    wifi: null,
    addresses: null,
    throughput: null,
    accessType: null,
  });
});

Deno.test("providerHostsOf() names the provider's hosts from a config", () => {
  const hosts = providerHostsOf({
    tcp: {
      targets: [{ host: "10.64.1.80", segment: "isp" }, {
        host: "198.18.0.10",
        segment: "internet",
      }],
    },
    http: { targets: [{ url: "http://[fd00:64:1::80]/x", segment: "isp" }] },
    dns: {
      resolvers: [{ address: "10.64.1.53", kind: "provider" }, {
        address: "198.18.0.53",
        kind: "public",
      }],
    },
    throughput: { servers: [{ url: "http://10.64.1.80:8081/", kind: "on-net" }] },
  });
  assert.deepEqual([...hosts].sort(), ["10.64.1.53", "10.64.1.80", "fd00:64:1::80"]);
});

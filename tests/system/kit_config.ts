/**
 * The run configuration the kit uses inside the topology: every target points at a server
 * of the lab, never at the real internet, and timeouts are short so a fault costs seconds,
 * not minutes. Sections for probes this build does not have are left out, so the same
 * harness runs before and after they land.
 *
 * @module
 */
import { runConfigSchema } from "../../probes/config.ts";
import { BUILTIN_IDS } from "../../probes/mod.ts";
import { ADDR, SPEED_PORT } from "./topology.ts";

/** The healthy-topology config; `caFile` is the lab CA the HTTPS targets are signed with. */
export function topologyConfig(caFile: string): Record<string, unknown> {
  const https = (name: string, url: string, segment: string, expectStatus?: number) => ({
    name,
    url,
    segment,
    caCertFile: caFile,
    ...(expectStatus ? { expectStatus } : {}),
  });
  const full: Record<string, unknown> = {
    schema: "kiriwake.config/v1",
    concurrency: 8,
    dns: {
      names: ["www.example.test", "app.example.test"],
      useSystemResolver: true,
      resolvers: [
        { name: "provider", address: ADDR.providerResolver4, kind: "provider" },
        { name: "public", address: ADDR.publicResolver4, kind: "public" },
      ],
      slowMs: 300,
      timeoutMs: 1000,
    },
    tcp: {
      targets: [
        { name: "provider-portal", host: ADDR.providerPortal4, port: 80, segment: "isp" },
        { name: "anchor", host: ADDR.anchor4, port: 443, segment: "internet" },
        { name: "www", host: "www.example.test", port: 443, segment: "internet" },
        { name: "app-submission", host: "app.example.test", port: 587, segment: "service" },
      ],
      timeoutMs: 1000,
      slowMs: 300,
    },
    http: {
      targets: [
        {
          name: "provider-portal",
          url: `http://${ADDR.providerPortal4}/generate_204`,
          segment: "isp",
          expectStatus: 204,
        },
        {
          name: "anchor-by-ip",
          url: `http://${ADDR.anchor4}/generate_204`,
          segment: "internet",
          expectStatus: 204,
        },
        https("www", "https://www.example.test/big", "internet"),
        https("app", "https://app.example.test/health", "service", 204),
      ],
      timeoutMs: 2000,
      slowMs: 1000,
    },
    dnsCompare: {
      publicResolvers: [{ name: "public", address: ADDR.publicResolver4 }],
      names: ["www.example.test", "app.example.test"],
      slowMs: 300,
      timeoutMs: 1000,
    },
    dualStack: {
      targets: [
        { name: "www", url: "http://www.example.test/", v4: ADDR.www4, v6: ADDR.www6 },
        {
          name: "anchor",
          url: "http://anchor.example.test/generate_204",
          v4: ADDR.anchor4,
          v6: ADDR.anchor6,
        },
      ],
      timeoutMs: 2000,
    },
    captive: { url: "http://anchor.example.test/generate_204", expectStatus: 204, timeoutMs: 2000 },
    clock: { urls: ["http://www.example.test/", "http://anchor.example.test/"], timeoutMs: 2000 },
    tls: {
      targets: [{
        host: "www.example.test",
        port: 443,
        expectIssuer: ["kiriwake topology test CA"],
      }],
      timeoutMs: 2000,
    },
    // 20 echoes: at a quarter of them lost, fewer than two lost happens once in a thousand runs.
    ping: {
      anchors: [{ name: "anchor", address: ADDR.anchor4 }, {
        name: "anchor-v6",
        address: ADDR.anchor6,
      }],
      gateways: true,
      // The provider's portal stands for its on-net hosts; its first hop is found by TTL.
      provider: [
        { name: "provider-portal", address: ADDR.providerPortal4 },
        { name: "provider-portal-v6", address: ADDR.providerPortal6 },
      ],
      providerHops: 2,
      count: 20,
      intervalMs: 200,
      waitMs: 1000,
    },
    trace: {
      targets: [{ name: "anchor", address: ADDR.anchor4 }],
      rounds: 5,
      probesPerHop: 3,
      maxHops: 8,
      waitMs: 1000,
    },
    mtu: { targets: [{ name: "anchor", address: ADDR.anchor4 }], waitMs: 500 },
    // Short directions: the lab's lines are either fast or shaped far below what they carry.
    throughput: {
      servers: [{
        name: "provider",
        url: `http://${ADDR.providerPortal4}:${SPEED_PORT}/`,
        kind: "on-net",
      }],
      streams: { initial: 2, max: 6 },
      durations: { directionMs: 2000, idleMs: 500, intervalMs: 250 },
      budget: { maxBytes: 400_000_000 },
    },
  };
  // The speed test takes seconds and loads the line: only the scenarios about speed (and a
  // healthy one) turn it on, with "skip": [].
  if (BUILTIN_IDS.has("isp.throughput")) full.skip = ["isp.throughput"];
  const known = new Set(Object.keys(runConfigSchema.shape));
  return Object.fromEntries(Object.entries(full).filter(([k]) => known.has(k)));
}

/** Merges `patch` into `base`: objects merge key by key, everything else replaces. Pure. */
export function deepMerge(
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const b = out[k];
    out[k] = isPlain(v) && isPlain(b) ? deepMerge(b, v) : v;
  }
  return out;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

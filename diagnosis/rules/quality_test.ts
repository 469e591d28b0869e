import assert from "node:assert/strict";
import { gatewayUnreachable } from "./gateway.ts";
import { accessType, proxyInUse } from "./notes.ts";
import { hopRateLimited } from "./path.ts";
import { lossLocalised } from "./loss.ts";
import { inputOf, result, tcpConnect, tcpTarget } from "./rule_testing.ts";
import { beyondAccess, bufferbloat, slowLine } from "./speed.ts";
import { clockSkew, tlsIntercepted } from "./trust.ts";
import { wifiWeak } from "./wifi.ts";

/** A ping target as the ping probes record it. */
function ping(target: string, sent: number, received: number, avgMs = 1, jitterMs = 0.1) {
  return {
    target,
    family: 4,
    status: "ok",
    sent,
    received,
    lossPercent: 100 * (sent - received) / sent,
    rtt: received ? { minMs: avgMs, avgMs, maxMs: avgMs } : null,
    jitterMs: received > 1 ? jitterMs : null,
    errors: [],
    command: `ping ${target}`,
  };
}
const gw = (...targets: unknown[]) => result("lan.gateway.ping", { targets }, { segment: "lan" });
const routes = result("net.gateway", { routes: [{ family: 4, gateway: "192.168.10.1" }] });

/** A trace whose loss starts at `from` (1-based) and reaches the end. */
function trace(hops: [string, number][], from: number | null, rateLimited: number[] = []) {
  return result("path.trace", {
    targets: [{
      target: "198.18.0.10",
      family: 4,
      status: from ? "warn" : "ok",
      reached: true,
      hops: hops.map(([a, loss], i) => ({ ttl: i + 1, addresses: [a], lossPercent: loss })),
      endLossPercent: hops.at(-1)![1],
      rateLimitedHops: rateLimited,
      persistentLossFrom: from,
    }],
  });
}
const PATH: [string, number][] = [["192.168.10.1", 0], ["10.64.0.1", 0], ["198.18.0.10", 0]];

Deno.test("gatewayUnreachable() fails when the router and everything beyond are silent", () => {
  const [f] = gatewayUnreachable(inputOf(gw(ping("192.168.10.1", 10, 0))));
  assert.equal(f.id, "lan.gateway-unreachable");
  assert.equal(f.breaks, "path");
});

Deno.test("gatewayUnreachable() only notes a router that ignores ping while traffic passes", () => {
  const input = inputOf(
    gw(ping("192.168.10.1", 10, 0)),
    tcpConnect([tcpTarget("anchor", "198.18.0.10", "internet", [[4, true, 2]])]),
  );
  assert.deepEqual(gatewayUnreachable(input).map((f) => [f.id, f.severity]), [
    ["lan.gateway-silent", "info"],
  ]);
});

Deno.test("hopRateLimited() notes loss that does not persist, never as a warning", () => {
  const input = inputOf(
    routes,
    trace([["192.168.10.1", 0], ["10.64.0.1", 70], ...PATH.slice(2)], null, [2]),
  );
  assert.deepEqual(hopRateLimited(input).map((f) => [f.id, f.severity]), [
    ["path.hop-rate-limited", "info"],
  ]);
  assert.deepEqual(lossLocalised(input), []);
});

Deno.test("wifiWeak() warns below -67 dBm or 25 dB SNR", () => {
  const link = (rssiDbm: number, snrDb: number | null) =>
    inputOf(result("wifi.link", {
      link: { connected: true, rssiDbm, snrDb, rssiSource: "reported", band: "5" },
    }));
  assert.deepEqual(wifiWeak(link(-55, 40)), []);
  assert.equal(wifiWeak(link(-72, 30))[0].id, "lan.wifi-weak");
  assert.equal(wifiWeak(link(-60, 18))[0].id, "lan.wifi-weak");
});

Deno.test("clockSkew() follows system.clock's own judgement and breaks TLS", () => {
  const clock = (status: "ok" | "warn" | "fail", skewMs: number) =>
    inputOf(result("system.clock", { samples: [], skewMs }, { status, segment: "device" }));
  assert.deepEqual(clockSkew(clock("ok", 800)), []);
  const [f] = clockSkew(clock("fail", 600_000));
  assert.deepEqual([f.id, f.severity, f.breaks], ["device.clock-skew", "fail", "tls"]);
  assert.match(f.detail.en, /about 10 minutes fast/);
});

Deno.test("tlsIntercepted() flags a certificate from an unexpected issuer", () => {
  const input = inputOf(result("tls.inspect", {
    targets: [{
      host: "www.example.test",
      port: 443,
      verdict: "unexpected-issuer",
      interceptorHint: "CN=ESET SSL Filter CA",
      chain: [{ issuer: "CN=ESET SSL Filter CA" }],
    }],
  }, { status: "warn" }));
  const [f] = tlsIntercepted(input);
  assert.deepEqual([f.id, f.confidence], ["device.tls-intercepted", "high"]);
  assert.match(f.technical, /ESET/);
});

Deno.test("the speed rules grade bufferbloat, a slow line and trouble beyond the provider", () => {
  const server = (over: Record<string, unknown>) => ({
    name: "provider",
    kind: "on-net",
    download: { mbps: 95 },
    upload: { mbps: 40 },
    bufferbloat: { downloadAddedMs: 12, uploadAddedMs: 8, grade: "A" },
    rpm: { value: 2400 },
    ...over,
  });
  const speed = (servers: unknown[], comparison: unknown = null) =>
    inputOf(result("isp.throughput", { servers, comparison }, { segment: "isp" }));
  const healthy = speed([server({})]);
  assert.deepEqual([...bufferbloat(healthy), ...slowLine(healthy), ...beyondAccess(healthy)], []);
  const bloated = speed([server({
    bufferbloat: { downloadAddedMs: 640, uploadAddedMs: 90, grade: "F" },
    rpm: { value: 85 },
  })]);
  assert.match(bufferbloat(bloated)[0].detail.en, /640 ms longer \(grade F, 85 RPM\)/);
  const slow = speed([server({ download: { mbps: 1.9 }, upload: { mbps: 0.9 } })]);
  assert.equal(slowLine(slow)[0].confidence, "high");
  const beyond = speed([server({})], { finding: "beyond-access", onNet: "p", offNet: "x" });
  assert.equal(beyondAccess(beyond)[0].id, "internet.beyond-access");
});

Deno.test("bufferbloat() counts a direction's grade only on a steady transfer with enough samples", () => {
  const server = (upSamples: number, downSamples: number, stable = true) => ({
    name: "provider",
    kind: "on-net",
    download: { mbps: 1800, loadedLatency: { medianMs: 30, samples: downSamples } },
    upload: {
      mbps: 1000,
      loadedLatency: { medianMs: 160, samples: upSamples },
      capacity: { stable, confidence: stable ? "High" : "Medium" },
    },
    bufferbloat: {
      downloadAddedMs: 29,
      uploadAddedMs: 159,
      download: "A",
      upload: "C",
      grade: "C",
    },
    rpm: { value: 2860 },
  });
  const input = (up: number, down: number, stable = true) =>
    inputOf(
      result("isp.throughput", { servers: [server(up, down, stable)] }, { segment: "isp" }),
    );
  // Two samples of a transfer that ended within a second: one stalled timer can do that.
  assert.deepEqual(bufferbloat(input(2, 10)), []);
  // A transfer that never held the line at a steady rate filled no queue.
  assert.deepEqual(bufferbloat(input(8, 10, false)), []);
  const [f] = bufferbloat(input(8, 10));
  assert.equal(f.id, "isp.bufferbloat");
  assert.match(f.detail.en, /159 ms longer \(grade C/);
});

Deno.test("accessType() and proxyInUse() are notes, never warnings", () => {
  const input = inputOf(
    result("isp.access", {
      candidates: [{ type: "pppoe", confidence: 0.6 }, { type: "ipv4-only", confidence: 0.3 }],
    }),
    result("net.proxy", {
      sources: [{
        source: "env",
        enabled: true,
        http: "http://proxy:8080",
        https: null,
        pacUrl: null,
      }],
    }),
  );
  const fs = [...accessType(input), ...proxyInUse(input)];
  assert.deepEqual(fs.map((f) => [f.id, f.severity]), [
    ["isp.access-type", "info"],
    ["device.proxy", "info"],
  ]);
  assert.equal(fs[0].confidence, "medium");
});

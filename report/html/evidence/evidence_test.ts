import assert from "node:assert/strict";
import type { ProbeResult } from "../../../probes/types.ts";
import { formatMs, formatPercent, niceTicks } from "../format.ts";
import { rateText } from "../evidence_values.tsx";
import { ProbeEvidence, purposeView } from "./mod.tsx";

const html = async (el: unknown) => String(await (el as { toString(): unknown }).toString());

function result(id: string, data: Record<string, unknown>): ProbeResult {
  return {
    id,
    title: { ja: id, en: id },
    segment: "isp",
    status: "ok",
    startedAt: "2026-12-03T00:00:00Z",
    durationMs: 1,
    data,
    evidence: [],
    source: "builtin",
  };
}

const ping = (samples: (number | null)[]) =>
  result("internet.ping", {
    targets: [{
      target: "192.0.2.1",
      family: 4,
      status: "warn",
      sent: samples.length,
      received: samples.filter((s) => s !== null).length,
      lossPercent: 25,
      rtt: { minMs: 1, avgMs: 2, maxMs: 3 },
      jitterMs: 0.5,
      errors: [],
      command: "ping",
      samples,
      intervalMs: 200,
    }],
    jitterMethod: "mean-abs-consecutive-diff",
  });

Deno.test("PingView draws each echo over time and marks every lost one", async () => {
  const out = await html(ProbeEvidence({ result: ping([1, null, 2.5, null]), lang: "en" }));
  assert.equal((out.match(/class="lost-mark"/g) ?? []).length, 2);
  assert.ok(out.includes("2 of 4 lost (50 %)"));
  assert.ok(out.includes("0.6 s"), "the time axis comes from the interval");
});

Deno.test("PathTraceView says where loss starts and marks the hops from there", async () => {
  const hop = (ttl: number, lossPercent: number, lossKind: string) => ({
    ttl,
    sent: 15,
    received: Math.round(15 * (1 - lossPercent / 100)),
    lossPercent,
    addresses: [`10.0.0.${ttl}`],
    rtt: { minMs: ttl, avgMs: ttl + 1, maxMs: ttl + 2 },
    annotations: [],
    lossKind,
  });
  const r = result("path.trace", {
    targets: [{
      target: "192.0.2.9",
      family: 4,
      status: "warn",
      tool: "traceroute",
      rounds: 5,
      reached: true,
      hops: [
        hop(1, 0, "none"),
        hop(2, 20, "rate-limit"),
        hop(3, 40, "persistent"),
        hop(4, 40, "end-to-end"),
      ],
      endLossPercent: 40,
      rateLimitedHops: [2],
      persistentLossFrom: 3,
    }],
  });
  const en = await html(ProbeEvidence({ result: r, lang: "en" }));
  assert.ok(en.includes("Loss starts at hop 3"));
  assert.equal((en.match(/class="row-fail"/g) ?? []).length, 2);
  assert.ok(en.includes("rate limiting, not a fault"));
  assert.ok(en.includes("(6/15)"), "loss with its sample count");
  const ja = await html(ProbeEvidence({ result: r, lang: "ja" }));
  assert.ok(ja.includes("ホップ 3"));
});

Deno.test("DnsResolveView names response codes in words, numeric or not", async () => {
  const r = result("dns.resolve", {
    slowMs: 300,
    lookups: [
      {
        name: "a.test",
        resolver: "isp",
        server: "192.0.2.53",
        type: "A",
        ok: false,
        ms: 20,
        answers: [],
        rcode: 2,
      },
      {
        name: "a.test",
        resolver: "isp",
        server: "192.0.2.53",
        type: "AAAA",
        ok: true,
        ms: 900,
        answers: ["2001:db8::1"],
      },
    ],
  });
  const out = await html(ProbeEvidence({ result: r, lang: "en" }));
  assert.ok(out.includes("SERVFAIL") && out.includes("server failure"));
  assert.ok(out.includes("(slow)"), "over slowMs");
});

Deno.test("WifiView lists neighbouring networks on the same channel first", async () => {
  const r = result("wifi.link", {
    source: "iw",
    state: "connected",
    link: { connected: true, rssiDbm: -70, channel: 6, band: "2.4", noiseDbm: -90 },
    neighbours: [{ ssid: "far", channel: 11, rssiDbm: -80 }, {
      ssid: "near",
      channel: 6,
      rssiDbm: -60,
    }],
    notes: [],
  });
  const out = await html(ProbeEvidence({ result: r, lang: "en" }));
  assert.ok(out.indexOf("near") < out.indexOf("far"));
  assert.ok(out.includes("fair"), "-70 dBm reads as fair");
});

Deno.test("purposeView() leaves data of an unknown shape to the generic view", async () => {
  const old = result("path.trace", {
    hops: [{ ttl: 1, probes: [{ address: "192.0.2.1", rttMs: 1 }] }],
  });
  assert.equal(purposeView(old, "en"), null);
  const out = await html(ProbeEvidence({ result: old, lang: "en" }));
  assert.ok(out.includes('class="generic"'));
  const plugin = {
    ...result("example.deep", { a: { b: { c: { d: 1 } } } }),
    source: "example-isp",
  };
  const deep = await html(ProbeEvidence({ result: plugin, lang: "ja" }));
  assert.equal(
    (deep.match(/<dl class="tree">/g) ?? []).length,
    4,
    "nested records as nested lists",
  );
});

Deno.test("numbers are rounded for people, with units", () => {
  assert.equal(formatMs(1.8734), "1.9 ms");
  assert.equal(formatMs(0.053), "0.05 ms");
  assert.equal(formatPercent(33.333, "en"), "33 %");
  assert.equal(formatPercent(33.333, "ja"), "33%");
  assert.deepEqual(niceTicks(1.7), [0, 0.5, 1, 1.5, 2]);
  assert.deepEqual(niceTicks(434), [0, 100, 200, 300, 400, 500]);
  assert.equal(
    rateText(
      { failures: 3, n: 200, estimate: 0.015, low: 0.005, high: 0.043, method: "wilson-95" },
      "en",
    ),
    "3 of 200 failed (1.5 %, 95 % interval 0.5–4.3 %)",
  );
});

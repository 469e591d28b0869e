import assert from "node:assert/strict";
import { aimPoints, aimScores } from "./aim.ts";

const base = {
  latencyMs: 8,
  jitterMs: 2,
  downloadBps: 500e6,
  uploadBps: 200e6,
  downLoadedLatencyMs: 12,
  upLoadedLatencyMs: 15,
  packetLoss: null,
};

Deno.test("aimPoints() follows Cloudflare's threshold tables", () => {
  const p = aimPoints(base);
  assert.equal(p.latency, 20); // < 10 ms
  assert.equal(p.loadedLatencyIncrease, 20); // 15 − 8 = 7 < 10
  assert.equal(p.jitter, 10); // < 10
  assert.equal(p.download, 30); // ≥ 100 Mbit/s
  assert.equal(p.packetLoss, 0); // not measured: Cloudflare's default points
  assert.equal(aimPoints({ ...base, latencyMs: 10 }).latency, 10); // breakpoint is exclusive
  assert.equal(aimPoints({ ...base, latencyMs: 600 }).latency, -20);
  assert.equal(aimPoints({ ...base, downloadBps: 999_999 }).download, 0);
  assert.equal(aimPoints({ ...base, packetLoss: 0.02 }).packetLoss, 5);
});

Deno.test("aimScores() rates a fast, unbloated line great for everything", () => {
  const s = aimScores(base);
  assert.deepEqual(s.streaming, { points: 70, classification: "great" });
  assert.deepEqual(s.gaming, { points: 40, classification: "great" });
  assert.deepEqual(s.rtc, { points: 50, classification: "great" });
});

Deno.test("aimScores() punishes bufferbloat: a fast line with 450 ms under load", () => {
  const s = aimScores({ ...base, downLoadedLatencyMs: 458 });
  // latency 20 + loss 0 + increase (450 → −10) = 10 → gaming "poor" (5 ≤ 10 < 15)
  assert.deepEqual(s.gaming, { points: 10, classification: "poor" });
  // streaming 20 + 0 + 30 − 10 = 40 → "good" (40 ≤ 40 < 60)
  assert.deepEqual(s.streaming, { points: 40, classification: "good" });
});

Deno.test("aimScores() clamps negative sums to 0 and omits experiences without inputs", () => {
  const s = aimScores({
    ...base,
    latencyMs: 900,
    jitterMs: 800,
    downLoadedLatencyMs: 2000,
    upLoadedLatencyMs: null,
  });
  assert.deepEqual(s.rtc, { points: 0, classification: "bad" });
  const none = aimScores({ ...base, latencyMs: null });
  assert.deepEqual(none, {});
  const noDownload = aimScores({ ...base, downloadBps: null });
  assert.equal(noDownload.streaming, undefined);
  assert.ok(noDownload.gaming);
});

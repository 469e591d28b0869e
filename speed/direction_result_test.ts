import assert from "node:assert/strict";
import { type DirectionRecord, finalGoodput, summarizeDirection } from "./direction_result.ts";
import { windowSamples } from "./direction.ts";
import { SpeedError } from "./errors.ts";

const record = (over: Partial<DirectionRecord> = {}): DirectionRecord => ({
  direction: "download",
  stopReason: "stable",
  error: null,
  durationMs: 5000,
  bytes: 1e8,
  probeBytes: 1e5,
  foreignFailures: 0,
  rates: [50, 90, 100, 100, 100, 100, 100, 100],
  streamCounts: [4, 5, 6, 6, 6, 6, 6, 6],
  intervalMs: 500,
  saturatedAt: 7,
  rpmIntervals: 4,
  rpmStable: true,
  window: { foreign: [], self: [] },
  ...over,
});

Deno.test("finalGoodput() averages the steady state from the first stable window on", () => {
  // stable at interval 7: the window is intervals 3..7 (all 100 here)
  assert.equal(finalGoodput(record()), 100);
  assert.equal(finalGoodput(record({ rates: [50, 90, 96, 98, 100, 102, 104, 110] })), 102.8);
  // Not stable: everything after the ramp (first MAD intervals), or the last MAD intervals.
  assert.equal(
    finalGoodput(record({ saturatedAt: null, rates: [10, 20, 30, 40, 50, 60, 70, 80] })),
    65,
  );
  assert.equal(finalGoodput(record({ saturatedAt: null, rates: [10, 20, 30, 40, 50] })), 35);
  // Fewer intervals: leave out the first (ramp-up) one.
  assert.equal(finalGoodput(record({ rates: [10, 80, 100] })), 90);
  // One interval or none: bytes over time.
  assert.equal(finalGoodput(record({ rates: [], bytes: 1.25e6, durationMs: 1000 })), 10);
});

Deno.test("finalGoodput() says 0 for a line where nothing flowed and null when unmeasured", () => {
  const stalled = new SpeedError("stalled", "x: no data");
  assert.equal(finalGoodput(record({ bytes: 0, error: stalled })), 0);
  assert.equal(finalGoodput(record({ bytes: 0, error: new SpeedError("refused", "x") })), null);
});

Deno.test("summarizeDirection() computes RPM and loaded latency over the final window", () => {
  const foreign = [
    // an early, idle-ish sample outside the final window must not count
    { i: 0, tcpMs: 1, tlsMs: null, httpMs: 1 },
    ...[4, 5, 6, 7].map((i) => ({ i, tcpMs: 20, tlsMs: null, httpMs: 20 })),
  ];
  const self = [4, 5, 6, 7].map((i) => ({ i, ms: 60 }));
  const r = summarizeDirection(record({ window: { foreign, self } }));
  assert.equal(r.mbps, 100);
  assert.equal(r.streams, 6);
  assert.equal(r.capacity.confidence, "High");
  assert.equal(r.responsiveness.rpm, 2000); // (3000 + 1000) / 2
  assert.equal(r.responsiveness.confidence, "High");
  assert.equal(r.loadedLatency.medianMs, 20);
  assert.equal(r.loadedLatency.samples, 4);
  assert.equal(r.probes.share, 0.001);
  assert.deepEqual(r.intervals[0], { endMs: 500, mbps: 50, streams: 4 });
});

Deno.test("summarizeDirection() gives Low confidence to a run cut short", () => {
  const r = summarizeDirection(
    record({
      rates: [10, 20],
      saturatedAt: null,
      rpmIntervals: 0,
      rpmStable: false,
      stopReason: "budget",
    }),
  );
  assert.equal(r.capacity.confidence, "Low");
  assert.equal(r.responsiveness.confidence, "Low");
  assert.equal(r.responsiveness.rpm, null);
});

Deno.test("windowSamples() keeps the samples of the asked intervals, TLS only when present", () => {
  const w = {
    foreign: [{ i: 1, tcpMs: 1, tlsMs: 2, httpMs: 3 }, { i: 3, tcpMs: 4, tlsMs: null, httpMs: 6 }],
    self: [{ i: 0, ms: 9 }, { i: 2, ms: 8 }],
  };
  assert.deepEqual(windowSamples(w, 1, 3), { tcp: [1], tls: [2], http: [3], self: [8] });
});

import assert from "node:assert/strict";
import { iperfBps, parseSpeedtest, parseTime } from "./parse.ts";

Deno.test("iperfBps() reads the receiver's rate and surfaces iperf3 errors", () => {
  const ok = JSON.stringify({ end: { sum_received: { bits_per_second: 9.4e8 }, sum_sent: {} } });
  assert.equal(iperfBps(ok), 9.4e8);
  assert.throws(
    () => iperfBps(JSON.stringify({ error: "unable to connect" })),
    /iperf3: unable to connect/,
  );
  assert.throws(() => iperfBps("{}"), /no end.sum_received/);
});

Deno.test("parseTime() finds GNU time's line among other stderr output", () => {
  const u = parseTime("The speed test uses...\nKWTIME 12.31 3.50 1.25 204800\n");
  assert.deepEqual(u, { wallS: 12.31, cpuS: 4.75, peakRssMB: 200 });
  assert.equal(parseTime("nothing"), null);
});

Deno.test("parseSpeedtest() reads the figures of kiriwake speedtest --json", () => {
  const f = parseSpeedtest(JSON.stringify({
    outcome: "ok",
    download: { mbps: 95.1, stopReason: "stable" },
    upload: null,
    latency: { idleMs: 0.2 },
    grades: { bufferbloat: "D" },
    bytesUsed: 12,
  }));
  assert.equal(f.download!.mbps, 95.1);
  assert.equal(f.upload, null);
  assert.equal(f.idleMs, 0.2);
  assert.equal(f.grade, "D");
});

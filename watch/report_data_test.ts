import assert from "node:assert/strict";
import { reportSchema } from "../report/schema.ts";
import { verifyReportText } from "../report/verify.ts";
import { MAX_POINTS, watchReportData } from "./report_data.ts";
import { pathSeries, sampleWatchReport } from "./testing.ts";

Deno.test("watchReportData() makes a verified report that says drop, congestion and PPPoE", async () => {
  const report = await sampleWatchReport();
  const again = await verifyReportText(JSON.stringify(report), "watch.json");
  const w = again.watch!;
  assert.equal(w.samples.t.length, 144);
  assert.equal(w.series.length, 7);
  assert.deepEqual(
    w.series.map((s) => s.key),
    [
      "gateway:4",
      "hop:4:2",
      "on-net:portal",
      "dns:system",
      "dns:provider",
      "dns:public",
      "ping:anchor",
    ],
  );
  assert.deepEqual(w.events.map((e) => [e.kind, e.segment]), [
    ["slow", "isp"],
    ["outage", "isp"],
    ["slow", "isp"],
  ]);
  assert.match(w.events[1].detail.en, /dark 21:20–21:40 \(2 samples\) → the access line/);
  assert.equal(w.throughput.t.length, 24);
  const isp = w.timeOfDay.find((t) => t.segment === "isp")!;
  assert.equal(isp.verdict, "congestion");
  // The drop comes first in the headline; congestion is a finding with the PPPoE advice.
  assert.equal(again.diagnosis.headline.segment, "isp");
  assert.equal(again.diagnosis.headline.finding, "watch.outage.isp");
  const cong = again.diagnosis.findings.find((f) => f.id === "watch.busy-hours-congestion.isp")!;
  assert.match(cong.advice.en, /looks like PPPoE; IPoE \(IPv4 over IPv6\) may help/);
  assert.equal(again.diagnosis.segments.lan.verdict, "ok");
  assert.equal(again.diagnosis.segments.device.verdict, "unknown");
});

Deno.test("watchReportData() concludes 'slow only in the evening … congestion' without a drop", () => {
  const start = Date.UTC(2026, 11, 2, 15, 0, 0);
  const samples = pathSeries(
    start,
    600_000,
    144,
    (i) =>
      Math.floor((i * 10) / 60) >= 20
        ? { providerMs: 40 + (i % 4) * 3, anchorMs: 52 + (i % 4) * 3 }
        : { providerMs: 5 + (i % 4), anchorMs: 12 + (i % 4) },
  );
  const session = {
    id: "w",
    startedAt: new Date(start).toISOString(),
    endedAt: null,
    endReason: null,
    everyMs: 600_000,
    burst: null,
    busyHours: { from: 20, to: 24 },
    timeZone: "Asia/Tokyo",
    utcOffsetMinutes: 540,
    accessType: "pppoe",
  };
  const { block } = watchReportData(session, samples, [], {
    lossLimit: 0.01,
    slowAddedMs: 30,
    slowFactor: 2,
  });
  assert.equal(
    block.verdict.en,
    "Slow only in the evening, on the provider side, loss-free → congestion; your access type looks like PPPoE, IPoE may help",
  );
  assert.match(block.verdict.ja, /夜間だけ遅く、プロバイダー側で、損失はありません → 混雑/);
});

Deno.test("watchReportData() says all is well after a healthy watch, and thins long series", async () => {
  const healthy = await sampleWatchReport({ healthy: true });
  assert.deepEqual(healthy.watch!.events, []);
  assert.equal(healthy.diagnosis.headline.segment, null);
  assert.match(
    healthy.watch!.verdict.en,
    /No drop or slowdown was found in 0\.\d hours of watching/,
  );
  const start = Date.UTC(2026, 10, 1);
  const month = pathSeries(start, 600_000, 4320);
  const session = {
    id: "m",
    startedAt: new Date(start).toISOString(),
    endedAt: null,
    endReason: null,
    everyMs: 600_000,
    burst: null,
    busyHours: { from: 20, to: 24 },
    timeZone: "UTC",
    utcOffsetMinutes: 0,
    accessType: null,
  };
  const { block } = watchReportData(session, month, [], {
    lossLimit: 0.01,
    slowAddedMs: 30,
    slowFactor: 2,
  });
  assert.ok(block.samples.t.length <= MAX_POINTS);
  assert.equal(block.series[0].sent[0], 8 * 3, "a bucket of three samples pools their attempts");
  assert.ok(reportSchema.shape.watch.safeParse(block).success);
  assert.ok(JSON.stringify(block).length < 400_000, `${JSON.stringify(block).length} bytes`);
});

import assert from "node:assert/strict";
import { finish } from "./engine.ts";
import type { ServerResult } from "./schema.ts";
import { directionResult } from "./testing.ts";
import {
  compareServers,
  comparisonSummary,
  evidenceText,
  serverSummary,
  speedtestJson,
} from "./summary.ts";

function server(name: string, kind: "on-net" | "off-net", down: number, up: number): ServerResult {
  return finish({ name, url: `http://${name}/`, kind }, {
    outcome: "ok",
    idle: { latencyMs: 10, jitterMs: 1, minMs: 9, samples: 20, connectMs: 10, tlsMs: null },
    download: directionResult("download", down, 45),
    upload: directionResult("upload", up, 20),
  });
}

Deno.test("finish() grades the worse direction and keeps the lower RPM", () => {
  const s = server("a", "on-net", 100, 50);
  assert.equal(s.bufferbloat.downloadAddedMs, 35);
  assert.equal(s.bufferbloat.download, "B");
  assert.equal(s.bufferbloat.upload, "A");
  assert.equal(s.bufferbloat.grade, "B");
  assert.equal(s.rpm.value, Math.round(60000 / 45));
  assert.equal(s.aim.streaming?.classification, "good");
});

Deno.test("finish() grades no direction that ended within its first interval, however few its samples", () => {
  const s = finish({ name: "fast", url: "http://fast/", kind: "on-net" }, {
    outcome: "ok",
    idle: { latencyMs: 2, jitterMs: 0.1, minMs: 1, samples: 20, connectMs: 1, tlsMs: null },
    // A bloated line: two slow samples over eight intervals are graded.
    download: directionResult("download", 4, 80, 2, 8),
    // Ended by its budget inside the first interval: one sample, not graded.
    upload: directionResult("upload", 5000, 80, 1, 0),
  });
  assert.equal(s.bufferbloat.download, "C"); // +78 ms
  assert.equal(s.bufferbloat.downloadAddedMs, 78);
  assert.equal(s.bufferbloat.upload, null);
  assert.equal(s.bufferbloat.uploadAddedMs, null);
  assert.equal(s.bufferbloat.grade, "C");
});

Deno.test("compareServers() finds a bottleneck beyond the access line", () => {
  const c = compareServers([server("on", "on-net", 900, 400), server("off", "off-net", 300, 390)])!;
  assert.equal(c.finding, "beyond-access");
  assert.equal(c.downloadRatio, 0.33);
  assert.match(comparisonSummary(c)!.en, /beyond the access line/);
  const same = compareServers([server("on", "on-net", 90, 40), server("off", "off-net", 88, 39)])!;
  assert.equal(same.finding, "same");
  assert.equal(compareServers([server("on", "on-net", 90, 40)]), null);
});

Deno.test("serverSummary() words a measured and an unmeasured server", () => {
  const s = serverSummary(server("tokyo", "on-net", 940.4, 380));
  assert.match(
    s.en,
    /download 940 Mbit\/s, upload 380 Mbit\/s, latency 10\.0 ms \(\+35\.0 ms under load, bufferbloat B\)/,
  );
  assert.match(s.ja, /下り 940 Mbps/);
  const failed = finish({ name: "x", url: "http://x/", kind: "off-net" }, {
    outcome: "not-kiriwake",
    error: "http://x/ is not a kiriwake speed test server",
    idle: null,
    download: null,
    upload: null,
  });
  assert.match(serverSummary(failed).en, /x: not measured \(not-kiriwake: .*not a kiriwake/);
});

Deno.test("speedtestJson() has download.mbps, upload.mbps, latencies, RPM and grades", () => {
  const j = speedtestJson(server("a", "on-net", 100, 50));
  assert.equal(j.download!.mbps, 100);
  assert.equal(j.upload!.mbps, 50);
  assert.equal(j.latency.idleMs, 10);
  assert.equal(j.download!.loadedLatencyMs, 45);
  assert.equal(j.rpm.value, 1333);
  // gaming: latency 10 ms → 10, loss 0, +35 ms → 5: 15 points is "average" (15 ≤ 15 < 25)
  assert.deepEqual(j.grades, {
    bufferbloat: "B",
    streaming: "good",
    gaming: "average",
    videoCalls: "good",
  });
});

Deno.test("evidenceText() lists every server and direction", () => {
  const text = evidenceText({
    budget: { metered: false, maxBytes: 1e9, usedBytes: 2e8, directionMs: 10_000 },
    servers: [server("a", "on-net", 100, 50)],
    comparison: null,
  });
  assert.match(text, /a \(on-net\) http:\/\/a\/: ok/);
  assert.match(text, /down 100 Mbit\/s x6 \(High\) stop=stable loaded=45\.00 ms/);
  assert.match(text, /bufferbloat B streaming=good/);
});

import assert from "node:assert/strict";
import { finish } from "../../speed/engine.ts";
import { directionResult, rawServer, startSpeedServer } from "../../speed/testing.ts";
import { testContext } from "../testing.ts";
import { ispThroughputProbe, outcome } from "./isp_throughput.ts";
import { SkipProbe } from "../types.ts";

const quick = { directionMs: 1000, idleMs: 200, intervalMs: 100 };

Deno.test("isp.throughput is skipped when no server is configured", async () => {
  await assert.rejects(() => ispThroughputProbe.run(testContext()), SkipProbe);
});

Deno.test("isp.throughput measures on-net first, states the budget and keeps going past a dead server", async () => {
  const good = startSpeedServer();
  const dead = rawServer(async () => {});
  const deadUrl = dead.url;
  await dead.close();
  try {
    const ctx = testContext({
      config: {
        throughput: {
          servers: [
            { name: "transit", url: deadUrl, kind: "off-net" },
            { name: "provider", url: good.url, kind: "on-net" },
          ],
          durations: quick,
          budget: { maxBytes: 50_000_000 },
        },
      },
    });
    const r = await ispThroughputProbe.run(ctx);
    assert.equal(ispThroughputProbe.schema.safeParse(r.data).success, true);
    assert.deepEqual(r.data.servers.map((s) => [s.name, s.outcome]), [["provider", "ok"], [
      "transit",
      "refused",
    ]]);
    assert.equal(r.status, "warn"); // one server could not be measured
    assert.match(r.summary.en, /^provider: download [\d,.]+ Mbit\/s/);
    assert.match(ctx.progressSeen[0].note!, /at most 50 MB of data/);
    assert.equal(ctx.checkpoints.length, 2);
    assert.ok(r.data.budget.usedBytes <= 50_000_000, `${r.data.budget.usedBytes}`);
    assert.match(r.evidence![0].text, /transit \(off-net\) .*: refused/);
  } finally {
    await good.close();
  }
});

Deno.test("outcome() fails when nothing was measured and warns on bufferbloat", () => {
  const base = { name: "a", url: "http://a/", kind: "on-net" as const };
  const none = finish(base, {
    outcome: "timeout",
    error: "x",
    idle: null,
    download: null,
    upload: null,
  });
  const budget = { metered: false, maxBytes: 1, usedBytes: 0, directionMs: 1000 };
  assert.equal(outcome({ budget, servers: [none], comparison: null }).status, "fail");
  const dir = (loaded: number) => directionResult("download", 50, loaded, 10);
  const idle = { latencyMs: 10, jitterMs: 1, minMs: 9, samples: 20, connectMs: 1, tlsMs: null };
  const bloated = finish(base, { outcome: "ok", idle, download: dir(300), upload: dir(12) });
  assert.equal(bloated.bufferbloat.grade, "D");
  assert.equal(outcome({ budget, servers: [bloated], comparison: null }).status, "warn");
  const fine = finish(base, { outcome: "ok", idle, download: dir(14), upload: dir(12) });
  assert.equal(outcome({ budget, servers: [fine], comparison: null }).status, "ok");
});

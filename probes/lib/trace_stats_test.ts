import assert from "node:assert/strict";
import type { TraceResult } from "../parse/traceroute.ts";
import { aggregateTraces } from "./trace_stats.ts";

/** A trace from a compact picture: one string per hop, "a"/"b"… answered by that host, "*" lost. */
function trace(hops: string[], reached: boolean): TraceResult {
  return {
    tool: "traceroute",
    target: "d",
    address: "d",
    family: 4,
    maxHops: 30,
    pmtu: null,
    reached,
    complete: true,
    messages: [],
    hops: hops.map((h, i) => ({
      ttl: i + 1,
      note: null,
      probes: [...h].map((c) => ({
        address: c === "*" ? null : c,
        name: null,
        rttMs: c === "*" ? null : 10 * (i + 1),
        annotation: null,
      })),
    })),
  };
}

Deno.test("aggregateTraces() calls loss that later hops do not show rate limiting", () => {
  const s = aggregateTraces([
    trace(["aaa", "b*b", "ccc", "ddd"], true),
    trace(["aaa", "*b*", "ccc", "ddd"], true),
  ]);
  assert.deepEqual(s.hops.map((h) => [h.ttl, h.sent, h.received, h.lossPercent, h.lossKind]), [
    [1, 6, 6, 0, "none"],
    [2, 6, 3, 50, "rate-limit"],
    [3, 6, 6, 0, "none"],
    [4, 6, 6, 0, "none"],
  ]);
  assert.deepEqual([s.reached, s.endLossPercent, s.rateLimitedHops, s.persistentLossFrom], [
    true,
    0,
    [2],
    null,
  ]);
});

Deno.test("aggregateTraces() finds where loss that carries on to the destination begins", () => {
  const s = aggregateTraces([
    trace(["aaa", "b*b", "c*c", "**d"], true),
    trace(["aaa", "bbb", "*cc", "d*d"], true),
  ]);
  assert.deepEqual(s.hops.map((h) => h.lossKind), [
    "none",
    "persistent",
    "persistent",
    "end-to-end",
  ]);
  assert.equal(s.persistentLossFrom, 2);
  assert.equal(s.endLossPercent, 50);
});

Deno.test("aggregateTraces() separates silent routers and unreached destinations", () => {
  const silent = aggregateTraces([trace(["aaa", "***", "ddd"], true)]);
  assert.deepEqual(silent.hops.map((h) => h.lossKind), ["none", "no-reply", "none"]);
  assert.deepEqual(silent.rateLimitedHops, []);
  const unreached = aggregateTraces([trace(["aaa", "b*b", "***"], false)]);
  assert.deepEqual(unreached.hops.map((h) => h.lossKind), ["none", "unknown", "unknown"]);
  assert.equal(unreached.endLossPercent, null);
});

Deno.test("aggregateTraces() stops at the hop where the destination answered", () => {
  // The second round was cut short of the destination but went no further; RTTs are averaged.
  const s = aggregateTraces([trace(["aaa", "ddd"], true), trace(["aaa", "ddd", "eee"], false)]);
  assert.equal(s.hops.length, 2);
  assert.deepEqual(s.hops[1].rtt, { minMs: 20, avgMs: 20, maxMs: 20 });
  assert.deepEqual(s.hops[1].addresses, ["d"]);
});

import assert from "node:assert/strict";
import { jitterMs, minAvgMax, round3 } from "./stats.ts";

Deno.test("jitterMs() is the mean absolute difference of consecutive samples", () => {
  // |12-10| + |11-12| + |15-11| = 2 + 1 + 4 = 7 over 3 differences
  assert.equal(jitterMs([10, 12, 11, 15]), 2.333);
  assert.equal(jitterMs([5, 5, 5]), 0);
});

Deno.test("jitterMs() needs two samples", () => {
  assert.equal(jitterMs([]), null);
  assert.equal(jitterMs([3]), null);
});

Deno.test("minAvgMax() rounds to the microsecond and is null for no samples", () => {
  assert.deepEqual(minAvgMax([0.1, 0.2, 0.4]), { minMs: 0.1, avgMs: 0.233, maxMs: 0.4 });
  assert.equal(minAvgMax([]), null);
  assert.equal(round3(1.23456), 1.235);
});

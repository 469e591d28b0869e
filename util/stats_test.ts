import assert from "node:assert/strict";
import {
  compareRate,
  describeRate,
  failureRate,
  median,
  percentile,
  rateDifference,
  rateSchema,
  successRate,
  wilson,
} from "./stats.ts";

Deno.test("wilson() matches published 95 % Wilson intervals", () => {
  // Brown, Cai & DasGupta (2001) and any statistics package: 3 of 200 → 0.51 %–4.32 %.
  assert.deepEqual(wilson(3, 200), {
    estimate: 0.015,
    low: 0.0051,
    high: 0.0432,
    method: "wilson-95",
  });
  // 10 of 20 is symmetric around one half.
  assert.deepEqual(wilson(10, 20), {
    estimate: 0.5,
    low: 0.2993,
    high: 0.7007,
    method: "wilson-95",
  });
});

Deno.test("wilson() pins the bounds at 0 and 1 when nothing or everything happened", () => {
  const none = wilson(0, 20);
  assert.equal(none.low, 0);
  assert.equal(none.high, 0.1611); // the "rule of three" would say ~0.15
  const all = wilson(20, 20);
  assert.equal(all.high, 1);
  assert.equal(all.low, 0.8389);
});

Deno.test("wilson() narrows as samples grow at the same share", () => {
  const small = wilson(1, 20);
  const large = wilson(50, 1000);
  assert.ok(large.high - large.low < (small.high - small.low) / 3);
});

Deno.test("wilson() refuses counts that are not a sample", () => {
  assert.throws(() => wilson(0, 0), RangeError);
  assert.throws(() => wilson(3, 2), RangeError);
  assert.throws(() => wilson(-1, 2), RangeError);
  assert.throws(() => wilson(1.5, 4), RangeError);
});

Deno.test("failureRate() and successRate() carry the count, n and the interval", () => {
  const lost = failureRate(2, 20);
  assert.equal(lost.failures, 2);
  assert.equal(lost.n, 20);
  assert.equal(lost.successes, undefined);
  assert.deepEqual(rateSchema.parse(lost), lost);
  const ok = successRate(18, 20);
  assert.equal(ok.successes, 18);
  assert.equal(ok.low, 0.699);
  assert.ok(rateSchema.safeParse({ ...ok, failures: 2 }).success === false);
});

Deno.test("compareRate() decides only when the interval lies on one side of the limit", () => {
  assert.equal(compareRate(failureRate(1, 20), 0.01), "undecided");
  assert.equal(compareRate(failureRate(2, 20), 0.01), "above");
  assert.equal(compareRate(failureRate(0, 20), 0.01), "undecided");
  assert.equal(compareRate(failureRate(0, 400), 0.01), "below");
});

Deno.test("median() and percentile() are order statistics that a single outlier does not move", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([12, 800, 11, 13]), 12.5);
  assert.equal(median([]), null);
  assert.equal(percentile([10, 20, 30, 40], 90), 37);
  assert.equal(percentile([10, 20, 30, 40], 0), 10);
  assert.equal(percentile([10, 20, 30, 40], 100), 40);
  assert.equal(percentile([5], 95), 5);
  assert.throws(() => percentile([1], 101), RangeError);
});

Deno.test("describeRate() reads like the evidence pages print it, in both languages", () => {
  const t = describeRate(failureRate(3, 200));
  assert.equal(t.en, "3 of 200 (1.5 %, 95 % interval 0.5–4.3 %)");
  assert.equal(t.ja, "200 回中 3 回 (1.5 %、95% 区間 0.5–4.3 %)");
});

Deno.test("rateDifference() is Newcombe's hybrid score interval of a − b", () => {
  // Newcombe (1998) table II, example (a): 56/70 − 48/80 → 0.0524 to 0.3339.
  const d = rateDifference(successRate(56, 70), successRate(48, 80));
  assert.equal(d.estimate, 0.2);
  assert.ok(Math.abs(d.low - 0.0524) < 0.0006, `low ${d.low}`);
  assert.ok(Math.abs(d.high - 0.3339) < 0.0006, `high ${d.high}`);
  // Equal shares: the interval straddles 0.
  const same = rateDifference(failureRate(2, 20), failureRate(2, 20));
  assert.ok(same.low < 0 && same.high > 0);
});

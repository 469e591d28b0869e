import assert from "node:assert/strict";
import { jitter, mean, median, percentile, round, stddev, trimmedMean } from "./stats.ts";

Deno.test("mean() and stddev() of samples, null when empty", () => {
  assert.equal(mean([2, 4, 6]), 4);
  assert.equal(stddev([2, 4, 4, 4, 5, 5, 7, 9]), 2);
  assert.equal(mean([]), null);
  assert.equal(stddev([]), null);
});

Deno.test("percentile() interpolates between ranks and ignores input order", () => {
  assert.equal(percentile([4, 1, 3, 2], 0.5), 2.5);
  assert.equal(percentile([10, 20, 30], 0), 10);
  assert.equal(percentile([10, 20, 30], 1), 30);
  assert.equal(percentile([10, 20, 30], 0.25), 15);
  assert.equal(median([7]), 7);
  assert.equal(median([]), null);
});

Deno.test("trimmedMean() drops only the slowest samples above the kept percentile", () => {
  const xs = [...Array.from({ length: 19 }, () => 10), 1000];
  assert.equal(trimmedMean(xs, 0.95), 10);
  assert.equal(trimmedMean([5, 1000], 0.95), 502.5); // ceil(2*0.95)=2: nothing to trim
  assert.equal(trimmedMean([3], 0.95), 3);
  assert.equal(trimmedMean([]), null);
});

Deno.test("jitter() is the mean absolute change between consecutive samples", () => {
  assert.equal(jitter([10, 12, 9, 9]), (2 + 3 + 0) / 3);
  assert.equal(jitter([10]), null);
});

Deno.test("round() keeps null and non-finite values out", () => {
  assert.equal(round(1.26, 1), 1.3);
  assert.equal(round(null), null);
  assert.equal(round(Infinity), null);
});

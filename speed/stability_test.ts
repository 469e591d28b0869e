import assert from "node:assert/strict";
import { isStable, isStableSeries, movingAverages } from "./stability.ts";

Deno.test("movingAverages() averages each full window", () => {
  assert.deepEqual(movingAverages([1, 2, 3, 4, 5], 4), [2.5, 3.5]);
  assert.deepEqual(movingAverages([1, 2], 4), []);
});

Deno.test("isStable() needs 2·MAD−1 intervals of a flat series", () => {
  const flat = [100, 100, 100, 100, 100, 100, 100];
  assert.equal(isStable(flat.slice(0, 6)), false);
  assert.equal(isStable(flat), true);
});

Deno.test("isStable() is false while goodput still ramps and true once it levels", () => {
  const ramp = [10, 20, 40, 80, 100, 100, 100];
  assert.equal(isStable(ramp), false);
  assert.equal(isStable([...ramp, 100, 100, 100, 100]), true);
});

Deno.test("isStable() never calls a dead line stable", () => {
  assert.equal(isStable([0, 0, 0, 0, 0, 0, 0, 0]), false);
});

Deno.test("isStableSeries() compares the last MAD values with the newest", () => {
  assert.equal(isStableSeries([1000, 1010, 990, 1000]), true);
  assert.equal(isStableSeries([500, 1000, 1500, 1000]), false);
  assert.equal(isStableSeries([1000, 1000, 1000]), false);
});

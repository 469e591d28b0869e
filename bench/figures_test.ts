import assert from "node:assert/strict";
import { fmtSpread, goodputCeiling, spread, table } from "./figures.ts";

Deno.test("goodputCeiling() takes TCP/IP and Ethernet headers off the shaped rate", () => {
  assert.equal(Math.round(goodputCeiling(100e6)), Math.round(100e6 * 1448 / 1514));
  assert.ok(goodputCeiling(20e6) < 20e6 * 0.96);
});

Deno.test("spread() gives min, median and max, ignoring non-numbers", () => {
  assert.deepEqual(spread([3, 1, 2]), { min: 1, median: 2, max: 3 });
  assert.deepEqual(spread([4, 1, NaN, 2, 3]), { min: 1, median: 2.5, max: 4 });
  assert.equal(spread([]), null);
  assert.equal(fmtSpread(spread([0.9, 0.95, 1])), "0.95 (0.90–1.00)");
});

Deno.test("table() pads columns under a rule", () => {
  assert.equal(table(["a", "bb"], [["ccc", "d"]]), "a    bb\n---  --\nccc  d");
});

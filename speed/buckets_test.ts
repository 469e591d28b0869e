import assert from "node:assert/strict";
import { Buckets } from "./buckets.ts";

Deno.test("Buckets.add() credits bytes to the interval of their time", () => {
  const b = new Buckets(1000, 500);
  b.add(125_000, 1100); // 1 Mbit in the first 0.5 s → 2 Mbit/s
  b.add(62_500, 1600);
  assert.deepEqual(b.rates(3), [2, 1, 0]);
});

Deno.test("Buckets.spread() shares a chunk between the intervals it spans", () => {
  const b = new Buckets(0, 100);
  b.spread(3000, 50, 350); // 10 bytes/ms: 500, 1000, 1000, 500
  const bytes = b.rates(4).map((r) => (r * 100 * 1000) / 8);
  assert.deepEqual(bytes.map(Math.round), [500, 1000, 1000, 500]);
  b.spread(100, -50, 50); // time before t0 lands in bucket 0
  assert.equal(Math.round((b.rates(1)[0] * 100 * 1000) / 8), 600);
  b.spread(7, 220, 220); // an empty span is a point
  assert.equal(Math.round((b.rates(3)[2] * 100 * 1000) / 8), 1007);
});

Deno.test("Buckets.spread() ends on boundaries that floating point gets wrong", () => {
  // 0.1 + 0.2 style boundaries: t0 and widths that are not exact in binary.
  const b = new Buckets(1234.567, 0.1);
  for (let k = 0; k < 1000; k++) b.spread(10, 1234.567 + k * 0.1, 1234.567 + (k + 1) * 0.1);
  const total = b.rates(1002).reduce((s, r) => s + (r * 0.1 * 1000) / 8, 0);
  assert.ok(Math.abs(total - 10_000) < 1e-6, `${total}`);
});

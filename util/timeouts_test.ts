import assert from "node:assert/strict";
import { clampDurationMs, durationMs, MAX_DURATION_MS } from "./timeouts.ts";

Deno.test("durationMs() accepts one millisecond to one hour, nothing a timer would wrap", () => {
  const s = durationMs();
  for (const ok of [1, 1000, MAX_DURATION_MS]) assert.ok(s.safeParse(ok).success, String(ok));
  for (const bad of [0, -1, 1.5, MAX_DURATION_MS + 1, 2 ** 31, 1e308, Infinity, NaN]) {
    assert.ok(!s.safeParse(bad).success, String(bad));
  }
});

Deno.test("clampDurationMs() keeps any number inside the range", () => {
  assert.equal(clampDurationMs(2 ** 31), MAX_DURATION_MS);
  assert.equal(clampDurationMs(Infinity), MAX_DURATION_MS);
  assert.equal(clampDurationMs(-5), 1);
  assert.equal(clampDurationMs(NaN), 1);
  assert.equal(clampDurationMs(1500), 1500);
});

Deno.test("a timer set from a clamped 2^31 ms does not fire at once", async () => {
  let fired = false;
  const t = setTimeout(() => fired = true, clampDurationMs(2 ** 31));
  await new Promise((r) => setTimeout(r, 50));
  clearTimeout(t);
  assert.equal(fired, false);
});

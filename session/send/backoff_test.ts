import assert from "node:assert/strict";
import { MAX_DELAY_MS, nextAttemptAt, retryAfterSeconds } from "./backoff.ts";

const now = new Date("2026-12-03T09:00:00Z");
const after = (d: Date) => d.getTime() - now.getTime();

Deno.test("nextAttemptAt() doubles from 30 s to an hour, spread ±20 %", () => {
  const mid = [1, 2, 3, 4, 8, 20, 200].map((n) =>
    after(nextAttemptAt(n, now, undefined, () => 0.5))
  );
  assert.deepEqual(
    mid,
    [30_000, 60_000, 120_000, 240_000, 3_840_000, MAX_DELAY_MS, MAX_DELAY_MS].map((v) =>
      Math.min(v, MAX_DELAY_MS)
    ),
  );
  assert.equal(after(nextAttemptAt(1, now, undefined, () => 0)), 24_000);
  assert.equal(after(nextAttemptAt(1, now, undefined, () => 0.999999)), 36_000);
});

Deno.test("nextAttemptAt() waits at least the collector's Retry-After, within six hours", () => {
  assert.equal(after(nextAttemptAt(1, now, 120, () => 0.5)), 120_000);
  assert.equal(after(nextAttemptAt(8, now, 5, () => 0.5)), MAX_DELAY_MS);
  assert.equal(after(nextAttemptAt(1, now, 10 ** 9, () => 0.5)), 6 * 3600_000);
});

Deno.test("retryAfterSeconds() reads seconds and HTTP dates", () => {
  assert.equal(retryAfterSeconds("30", now), 30);
  assert.equal(retryAfterSeconds("Thu, 03 Dec 2026 09:01:00 GMT", now), 60);
  assert.equal(retryAfterSeconds("soon", now), undefined);
  assert.equal(retryAfterSeconds(undefined, now), undefined);
});

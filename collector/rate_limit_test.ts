import assert from "node:assert/strict";
import { RateLimiter } from "./rate_limit.ts";

Deno.test("RateLimiter.take() allows the burst, then the rate, and says when to retry", () => {
  let now = 0;
  const limit = new RateLimiter({ perMinute: 60, burst: 3, now: () => now });
  assert.deepEqual([1, 2, 3].map(() => limit.take("a").ok), [true, true, true]);
  assert.deepEqual(limit.take("a"), { ok: false, retryAfterS: 1 });
  assert.equal(limit.take("b").ok, true, "other keys have their own bucket");
  now += 1000;
  assert.equal(limit.take("a").ok, true);
  assert.equal(limit.take("a").ok, false);
});

Deno.test("RateLimiter forgets the least recently used keys beyond maxKeys; 0 per minute is off", () => {
  const limit = new RateLimiter({ perMinute: 1, burst: 1, maxKeys: 3, now: () => 0 });
  for (const k of ["a", "b", "c", "d"]) limit.take(k);
  assert.equal(limit.size, 3);
  assert.equal(limit.take("a").ok, true, "a was forgotten: a full bucket again");
  const off = new RateLimiter({ perMinute: 0, burst: 1 });
  assert.ok(Array.from({ length: 1000 }, () => off.take("x").ok).every(Boolean));
  assert.throws(() => new RateLimiter({ perMinute: -1, burst: 1 }), RangeError);
});

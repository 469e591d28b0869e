import assert from "node:assert/strict";
import { nextSampleAt, parseDuration, parseUntil } from "./schedule.ts";

const PLAN = { everyMs: 600_000, jitter: 0.2, burst: null, untilAt: null };
const HOUR = 3_600_000;

Deno.test("nextSampleAt() spreads samples by the jitter, never on the local hour", () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let t = Date.UTC(2026, 0, 1, 0, 3, 0);
  const gaps: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const next = nextSampleAt(t, PLAN, null, random, 330)!; // India: +5:30
    gaps.push(next - t);
    const local = (next + 330 * 60_000) % HOUR;
    assert.ok(
      local >= 30_000 && HOUR - local >= 30_000,
      `on the hour: ${new Date(next).toISOString()}`,
    );
    t = next;
  }
  assert.ok(Math.min(...gaps) >= 480_000 && Math.max(...gaps) <= 720_000 + 60_000);
  assert.ok(new Set(gaps.map((g) => Math.round(g / 10_000))).size > 20, "spread out");
});

Deno.test("nextSampleAt() uses the burst interval while a burst lasts, and stops at the end", () => {
  const plan = { ...PLAN, jitter: 0, burst: { everyMs: 120_000, forMs: 1_800_000 } };
  const t = Date.UTC(2026, 0, 1, 21, 14, 10);
  assert.equal(nextSampleAt(t, plan, t + 60_000, () => 0.5, 0)! - t, 120_000);
  assert.equal(nextSampleAt(t, plan, t - 1, () => 0.5, 0)! - t, 600_000);
  assert.equal(nextSampleAt(t, { ...plan, untilAt: t + 300_000 }, null, () => 0.5, 0), null);
});

Deno.test("nextSampleAt() keeps seconds-apart lab samples off the hour by a fraction of them", () => {
  const plan = { everyMs: 5000, jitter: 0, burst: null, untilAt: null };
  const t = Date.UTC(2026, 0, 1, 9, 59, 55);
  assert.equal(nextSampleAt(t, plan, null, () => 0.5, 0)! - t, 5000 + 1250);
});

Deno.test("parseDuration() and parseUntil() read what people type, and name what they cannot", () => {
  assert.equal(parseDuration("5s"), 5000);
  assert.equal(parseDuration("24h"), 86_400_000);
  assert.equal(parseDuration("1.5m"), 90_000);
  assert.throws(() => parseDuration("soon"), /not a duration: "soon"/);
  assert.throws(() => parseDuration("0m"), /not a duration/);
  const now = Date.UTC(2026, 0, 1, 14, 0); // 23:00 in Tokyo
  assert.equal(parseUntil("07:00", now, 540), Date.UTC(2026, 0, 1, 22, 0));
  assert.equal(parseUntil("2026-01-02T00:00:00Z", now, 540), Date.UTC(2026, 0, 2));
  assert.throws(() => parseUntil("tomorrow", now, 0), /not a time: "tomorrow"/);
  assert.throws(() => parseUntil("25:00", now, 0), /not a time/);
});

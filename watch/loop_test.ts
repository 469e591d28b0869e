import assert from "node:assert/strict";
import { type LoopDeps, watchLoop } from "./loop.ts";
import type { Gap } from "./store.ts";

/** A fake world: a wall clock and a monotonic one that tests move. */
function world(opts: {
  start: number;
  trouble?: (at: number) => boolean;
  onSleep?: (w: { wall: number; mono: number }, ms: number) => void;
  control?: (wall: number) => { pausedUntil: number | null; stopRequested: boolean };
}) {
  const w = { wall: opts.start, mono: 0 };
  const samples: number[] = [];
  const gaps: Gap[] = [];
  const planned: (number | null)[] = [];
  const deps: LoopDeps = {
    now: () => w.wall,
    monotonic: () => w.mono,
    sleep: (ms) => {
      w.wall += ms;
      w.mono += ms;
      opts.onSleep?.(w, ms);
      return Promise.resolve();
    },
    sample: (at) => {
      samples.push(at);
      w.wall += 1500;
      w.mono += 1500;
      return Promise.resolve({ trouble: opts.trouble?.(at) ?? false });
    },
    control: () => opts.control?.(w.wall) ?? { pausedUntil: null, stopRequested: false },
    gap: (g) => gaps.push(g),
    planned: (n) => planned.push(n),
    random: () => 0.5,
    utcOffsetMinutes: 0,
    signal: new AbortController().signal,
  };
  return { deps, samples, gaps, planned, w };
}

const T0 = Date.UTC(2026, 0, 1, 12, 3, 0);
const PLAN = { everyMs: 600_000, jitter: 0, burst: null, untilAt: T0 + 3_600_000 };

Deno.test("watchLoop() samples at once, then every interval, and ends on time", async () => {
  const { deps, samples } = world({ start: T0 });
  assert.equal(await watchLoop(PLAN, T0, deps), "time");
  assert.deepEqual(samples.map((s) => (s - T0) / 60_000), [0, 10, 20, 30, 40, 50]);
});

Deno.test("watchLoop() turns a sleep into a gap and samples on waking", async () => {
  let slept = false;
  const { deps, samples, gaps } = world({
    start: T0,
    onSleep: (w) => {
      // At 12:15 the lid closes for 20 minutes: the wall clock moves, the monotonic one not.
      if (!slept && w.wall >= T0 + 15 * 60_000) {
        slept = true;
        w.wall += 20 * 60_000;
      }
    },
  });
  assert.equal(await watchLoop(PLAN, T0, deps), "time");
  assert.equal(gaps.length, 1);
  assert.equal(gaps[0].reason, "asleep");
  assert.ok(gaps[0].to - gaps[0].from >= 20 * 60_000);
  const wake = samples.find((s) => s >= gaps[0].to)!;
  assert.equal(wake, gaps[0].to, "a sample right on waking");
});

Deno.test("watchLoop() bursts after trouble, then goes back to the interval", async () => {
  const plan = { ...PLAN, burst: { everyMs: 120_000, forMs: 600_000 } };
  const { deps, samples } = world({ start: T0, trouble: (at) => at === T0 + 600_000 });
  await watchLoop(plan, T0, deps);
  const mins = samples.map((s) => Math.round((s - T0) / 60_000));
  assert.deepEqual(mins.slice(0, 8), [0, 10, 12, 14, 16, 18, 20, 30]);
});

Deno.test("watchLoop() honours pause (a gap) and stop from the control", async () => {
  const pauseFrom = T0 + 5 * 60_000;
  const { deps, samples, gaps } = world({
    start: T0,
    control: (wall) => ({
      pausedUntil: wall >= pauseFrom ? pauseFrom + 30 * 60_000 : null,
      stopRequested: wall >= T0 + 50 * 60_000,
    }),
  });
  assert.equal(await watchLoop(PLAN, T0, deps), "stopped");
  assert.deepEqual(gaps.map((g) => g.reason), ["paused"]);
  assert.ok(samples.every((s) => s < pauseFrom || s >= pauseFrom + 30 * 60_000));
  assert.equal(samples.length, 3, samples.map((s) => new Date(s).toISOString()).join(" "));
});

Deno.test("watchLoop() stops at once when its signal aborts", async () => {
  const c = new AbortController();
  const { deps, samples } = world({ start: T0 });
  deps.signal = c.signal;
  const sample = deps.sample;
  deps.sample = (at) => {
    c.abort();
    return sample(at);
  };
  assert.equal(await watchLoop(PLAN, T0, deps), "interrupted");
  assert.equal(samples.length, 1);
});

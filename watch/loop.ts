/**
 * The watch's loop: sample, wait until the next sample is due, sample again, until the end
 * comes or someone stops it. While waiting it wakes every few seconds to read its control
 * (`watch pause`, `watch stop` write it to the history) and to compare the wall clock with the
 * monotonic one: when the device slept, the wall clock jumps ahead of the monotonic clock (or
 * a timer fires far too late), the time asleep becomes a gap, and a sample is taken on waking.
 * Everything it touches is injected, so tests drive hours of it with a fake clock.
 *
 * @module
 */
import { nextSampleAt, type TimingPlan } from "./schedule.ts";
import type { Gap } from "./store.ts";

/** What the loop needs from the world. */
export interface LoopDeps {
  /** Wall-clock time, ms. */
  now(): number;
  /** A monotonic clock, ms (`performance.now()`): it does not count time asleep. */
  monotonic(): number;
  /** Waits `ms` (resolves early when the signal aborts). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Takes and stores one sample; says whether it saw the path in trouble (for a burst). */
  sample(at: number): Promise<{ trouble: boolean }>;
  /** The control as last written (by `watch pause`, `watch stop`). */
  control(): { pausedUntil: number | null; stopRequested: boolean };
  /** Records a span not measured. */
  gap(g: Gap): void;
  /** Says when the next sample is due (for `watch status`); also a heartbeat. */
  planned(nextAt: number | null): void;
  random(): number;
  utcOffsetMinutes: number;
  signal: AbortSignal;
}

/** How the loop ended. */
export type LoopEnd = "time" | "stopped" | "interrupted";

/** The longest single wait, ms: how quickly pause, stop and a wake-up are noticed. */
export const WAKE_MS = 5000;
/** A wall clock ahead of the monotonic one by more than this is a sleep (or a clock change). */
const JUMP_MS = 15_000;

/**
 * Runs the loop from `firstAt` until the plan's end, a stop or an abort.
 *
 * @param firstAt when the first sample is due (now, for a fresh watch)
 */
export async function watchLoop(
  plan: TimingPlan,
  firstAt: number,
  deps: LoopDeps,
): Promise<LoopEnd> {
  let next: number | null = firstAt;
  let burstUntil: number | null = null;
  while (true) {
    if (deps.signal.aborted) return "interrupted";
    const ctl = deps.control();
    if (ctl.stopRequested) return "stopped";
    const now = deps.now();
    if (next === null || (plan.untilAt !== null && now >= plan.untilAt)) return "time";
    if (ctl.pausedUntil !== null && ctl.pausedUntil > now) {
      deps.planned(ctl.pausedUntil);
      const woke = await waitUntil(ctl.pausedUntil, deps, true);
      deps.gap({ from: now, to: deps.now(), reason: "paused" });
      if (woke === "aborted") return "interrupted";
      if (woke === "stop") return "stopped";
      next = Math.max(next, deps.now());
      continue;
    }
    if (now < next) {
      deps.planned(next);
      const woke = await waitUntil(next, deps, false);
      if (woke === "aborted") return "interrupted";
      if (woke === "stop") return "stopped";
      if (woke === "pause") continue;
      if (typeof woke === "object") {
        // Asleep: the time is a gap, and the first thing on waking is a sample.
        deps.gap(woke);
        next = deps.now();
      }
      if (plan.untilAt !== null && deps.now() >= plan.untilAt) return "time";
    }
    const at = deps.now();
    const { trouble } = await deps.sample(at);
    if (trouble && plan.burst && (burstUntil === null || at >= burstUntil)) {
      burstUntil = at + plan.burst.forMs;
    }
    next = nextSampleAt(at, plan, burstUntil, deps.random, deps.utcOffsetMinutes);
    // A sample that took longer than the interval: the next one starts when it can.
    if (next !== null) next = Math.max(next, deps.now());
    deps.planned(next);
  }
}

/** Waits in short steps; returns why it stopped waiting. */
async function waitUntil(
  until: number,
  deps: LoopDeps,
  paused: boolean,
): Promise<"due" | "aborted" | "stop" | "pause" | Gap> {
  while (true) {
    if (deps.signal.aborted) return "aborted";
    const w0 = deps.now();
    if (w0 >= until) return "due";
    const m0 = deps.monotonic();
    const step = Math.min(WAKE_MS, until - w0);
    await deps.sleep(step, deps.signal);
    const w1 = deps.now();
    const m1 = deps.monotonic();
    const ctl = deps.control();
    if (ctl.stopRequested) return "stop";
    if (!paused && ctl.pausedUntil !== null && ctl.pausedUntil > w1) return "pause";
    // `watch resume` ends a pause early by moving its end to now.
    if (paused && (ctl.pausedUntil === null || ctl.pausedUntil <= w1)) return "due";
    // Wall time ran ahead of the monotonic clock, or the step overran by far: asleep.
    if (!paused && ((w1 - w0) - (m1 - m0) > JUMP_MS || (w1 - w0) - step > JUMP_MS)) {
      return { from: w0, to: w1, reason: "asleep" };
    }
  }
}

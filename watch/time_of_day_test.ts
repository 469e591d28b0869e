import assert from "node:assert/strict";
import { timeOfDay } from "./time_of_day.ts";
import { pathSeries } from "./testing.ts";

const HOUR = 3_600_000;
// A day from 00:00 Tokyo (15:00 UTC the day before), every 10 minutes.
const DAY0 = Date.UTC(2026, 11, 2, 15, 0, 0);
const OPTS = { busyHours: { from: 20, to: 24 }, timeZone: "Asia/Tokyo", lossLimit: 0.01 };
const tokyoHour = (i: number) => Math.floor((i * 10) / 60) % 24;

Deno.test("timeOfDay() finds evening congestion on the provider side, loss-free", () => {
  let k = 0;
  const samples = pathSeries(DAY0, 600_000, 144, (i) => {
    const busy = tokyoHour(i) >= 20;
    // Quiet hours vary a little; the evening adds 40–60 ms beyond the router.
    const wobble = (k++ % 5) * 0.8;
    return busy
      ? { providerMs: 45 + wobble * 5, anchorMs: 55 + wobble * 5 }
      : { providerMs: 5 + wobble, anchorMs: 12 + wobble };
  });
  const tod = timeOfDay(samples, OPTS);
  const by = Object.fromEntries(tod.map((t) => [t.segment, t]));
  assert.equal(by.lan.verdict, "same");
  assert.equal(by.isp.verdict, "congestion");
  assert.equal(by.internet.verdict, "congestion");
  assert.equal(by.isp.busy.samples, 24);
  assert.equal(by.isp.quiet.samples, 120);
  assert.ok(by.isp.addedMs! > 30);
  assert.match(by.isp.text.en, /Slower only in the busy hours \(20–24\)/);
});

Deno.test("timeOfDay() finds more loss in the busy hours with its interval", () => {
  const samples = pathSeries(
    DAY0,
    600_000,
    144,
    (i) => tokyoHour(i) >= 20 ? { provider: i % 2 ? 2 : 1, anchor: i % 2 ? 2 : 1 } : {},
  );
  const isp = timeOfDay(samples, OPTS).find((t) => t.segment === "isp")!;
  assert.equal(isp.verdict, "busy-loss");
  assert.ok(isp.lossDifference!.low > 0);
  assert.match(isp.text.en, /More loss in the busy hours \(20–24\)/);
});

Deno.test("timeOfDay() sees no difference on a steady line, and too few samples as such", () => {
  const steady = pathSeries(DAY0, 600_000, 144, (i) => ({ providerMs: 5 + (i % 7) }));
  assert.ok(timeOfDay(steady, OPTS).every((t) => t.verdict === "same"));
  // Four hours in the morning: nothing in the busy hours.
  const morning = pathSeries(DAY0 + 8 * HOUR, 600_000, 24);
  const v = timeOfDay(morning, OPTS);
  assert.ok(v.every((t) => t.verdict === "insufficient"));
  assert.match(v[0].text.en, /Too few samples to compare: 0 in the busy hours, 24 outside/);
});

Deno.test("timeOfDay() wraps busy hours past midnight", () => {
  const samples = pathSeries(
    DAY0,
    600_000,
    144,
    (i) => tokyoHour(i) >= 22 || tokyoHour(i) < 2 ? { providerMs: 60, anchorMs: 70 } : {},
  );
  const isp = timeOfDay(samples, { ...OPTS, busyHours: { from: 22, to: 2 } })
    .find((t) => t.segment === "isp")!;
  assert.equal(isp.verdict, "congestion");
  assert.equal(isp.busy.samples, 24);
});

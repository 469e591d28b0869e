import assert from "node:assert/strict";
import { budgetNote, formatMB, parseByteSize, planSpeed } from "./budget.ts";
import { throughputConfigSchema } from "./config.ts";

const cfg = (input: Record<string, unknown> = {}) => throughputConfigSchema.parse(input);

Deno.test("planSpeed() gives one server 10 s per direction and the whole budget", () => {
  const p = planSpeed(cfg(), 1);
  assert.equal(p.directionMs, 10_000);
  assert.equal(p.maxBytes, 4_000_000_000);
  assert.equal(p.serverBytes, 4_000_000_000);
  assert.equal(p.initialStreams, 4);
  assert.equal(p.maxStreams, 16);
  // idle + two directions per server fit in the probe's 25 s with room to close
  assert.ok(p.idleMs + 2 * p.directionMs <= 23_000);
});

Deno.test("planSpeed() shares the time and the budget between servers", () => {
  const two = planSpeed(cfg(), 2);
  assert.ok(2 * (two.idleMs + 2 * two.directionMs) <= 23_000);
  assert.equal(two.serverBytes, 2_000_000_000);
  const four = planSpeed(cfg(), 4);
  assert.ok(4 * (four.idleMs + 2 * four.directionMs) <= 23_000, `${four.directionMs}`);
});

Deno.test("planSpeed() metered mode: small budget, shorter directions, fewer streams", () => {
  const p = planSpeed(cfg({ budget: { metered: true } }), 1);
  assert.equal(p.metered, true);
  assert.equal(p.maxBytes, 40_000_000);
  assert.equal(p.directionMs, 5_000);
  assert.equal(p.maxStreams, 4);
  // --max-bytes can lower the metered budget but never raise it
  assert.equal(planSpeed(cfg(), 1, { metered: true, maxBytes: 10e6 }).maxBytes, 10e6);
  assert.equal(planSpeed(cfg(), 1, { metered: true, maxBytes: 10e9 }).maxBytes, 40e6);
});

Deno.test("planSpeed() with a fixed stream count does not ramp", () => {
  const p = planSpeed(cfg(), 1, { streams: 3 });
  assert.equal(p.initialStreams, 3);
  assert.equal(p.maxStreams, 3);
});

Deno.test("parseByteSize() reads decimal units as data plans count them", () => {
  assert.equal(parseByteSize("123"), 123);
  assert.equal(parseByteSize("500k"), 500_000);
  assert.equal(parseByteSize("40MB"), 40_000_000);
  assert.equal(parseByteSize("1.5G"), 1_500_000_000);
  for (const bad of ["", "0", "-5", "ten", "5X"]) {
    assert.throws(() => parseByteSize(bad), RangeError, bad);
  }
});

Deno.test("formatMB() and budgetNote() state the budget for people", () => {
  assert.equal(formatMB(4_000_000_000), "4,000 MB");
  assert.equal(formatMB(500_000), "0.5 MB");
  const note = budgetNote(planSpeed(cfg({ budget: { metered: true } }), 1));
  assert.match(note.en, /at most 40 MB of data .* up to 5 s each, metered mode/);
  assert.match(note.ja, /最大 40 MB/);
});

Deno.test("throughputConfigSchema rejects directions over 10 s and unknown keys", () => {
  assert.throws(() => cfg({ durations: { directionMs: 12_000 } }));
  assert.throws(() => cfg({ servers: [{ url: "ftp://x" }] }));
  assert.throws(() => cfg({ surprise: 1 }));
  assert.equal(cfg({ servers: [{ url: "http://x/" }] }).servers[0].kind, "off-net");
});

import assert from "node:assert/strict";
import type { WatchBlock, WatchEvent } from "../../report/watch_schema.ts";
import { judgeWatch } from "./watch_judge.ts";

const T0 = Date.UTC(2026, 11, 3, 12, 0, 0);
const iso = (s: number) => new Date(T0 + s * 1000).toISOString();
const event = (
  id: string,
  kind: WatchEvent["kind"],
  segment: WatchEvent["segment"],
  from: number,
  to: number | null,
): WatchEvent => ({
  id,
  kind,
  segment,
  from: iso(from),
  to: to === null ? null : iso(to),
  samples: 4,
  severity: "fail",
  title: { ja: "", en: "" },
  detail: { ja: "", en: "" },
  evidence: {},
});
function block(events: WatchEvent[]): WatchBlock {
  return {
    kind: "watch",
    session: {
      id: "w",
      startedAt: iso(0),
      endedAt: iso(150),
      endReason: "time",
      everyMs: 5000,
      burst: null,
      busyHours: { from: 20, to: 24 },
      timeZone: "UTC",
      utcOffsetMinutes: 0,
      accessType: null,
    },
    samples: { t: [0, 5], durationMs: [1800, 2000] },
    series: [],
    throughput: { t: [], downMbps: [], upMbps: [], bytes: [] },
    events,
    timeOfDay: [],
    verdict: { ja: "", en: "" },
  };
}
const WINDOW = {
  at: 30,
  until: 50,
  faults: [{ kind: "resolv" as const, text: "" }],
  expect: { segment: "isp" as const, kinds: ["outage" as const] },
};
const applied = [{ window: WINDOW, appliedAt: T0 + 30_000, clearedAt: T0 + 50_000 }];
const OPTS = { jitter: 0.2, allow: [] };

Deno.test("judgeWatch() accepts an event within one interval either side (interval, jitter, a sample)", () => {
  const j = judgeWatch(block([event("e1", "outage", "isp", 34, 55)]), applied, OPTS);
  assert.equal(j.correct, true);
  assert.equal(j.toleranceS, 5 * 1.2 + 2 + 1);
  assert.deepEqual([j.windows[0].startDelta, j.windows[0].endDelta], [4, 5]);
});

Deno.test("judgeWatch() rejects a late start, a late end, the wrong segment, and false alarms", () => {
  assert.equal(
    judgeWatch(block([event("e1", "outage", "isp", 40, 55)]), applied, OPTS).correct,
    false,
  );
  assert.equal(
    judgeWatch(block([event("e1", "outage", "isp", 34, 65)]), applied, OPTS).correct,
    false,
  );
  assert.equal(
    judgeWatch(block([event("e1", "outage", "internet", 34, 55)]), applied, OPTS).correct,
    false,
  );
  const extra = judgeWatch(
    block([
      event("e1", "outage", "isp", 34, 55),
      event("e2", "slow", "dns", 2, 12),
      event("e3", "gap", "device", 90, 95),
    ]),
    applied,
    OPTS,
  );
  assert.deepEqual(extra.falseAlarms.map((e) => e.id), ["e2"], "a gap is no alarm");
  assert.equal(extra.correct, false);
  assert.equal(
    judgeWatch(
      block([event("e1", "outage", "isp", 34, 55), event("e2", "slow", "dns", 2, 12)]),
      applied,
      { ...OPTS, allow: ["slow"] },
    ).correct,
    true,
  );
});

import assert from "node:assert/strict";
import { deviceEvents } from "./device_events.ts";
import { OPTS, pathSeries } from "./testing.ts";
import type { Sample } from "./sample.ts";

const T0 = Date.UTC(2026, 11, 3, 12, 0, 0);

function withWifi(samples: Sample[], f: (i: number) => Partial<NonNullable<Sample["wifi"]>>) {
  return samples.map((s, i) => ({
    ...s,
    wifi: {
      connected: true,
      ssid: "[redacted:ssid]",
      ssidTag: "aaaa",
      bssid: "[redacted:bssid]",
      bssidTag: "b1",
      band: "5",
      channel: 36,
      rssiDbm: -50,
      ...f(i),
    },
  }));
}

Deno.test("deviceEvents() sees roaming through tags, with the band change, identifiers masked", () => {
  const samples = withWifi(
    pathSeries(T0, 5000, 10),
    (i) => i >= 5 ? { bssidTag: "b2", band: "2.4", channel: 1 } : {},
  );
  const events = deviceEvents(samples, [], OPTS);
  assert.deepEqual(events.map((e) => [e.kind, e.segment, e.from]), [
    ["wifi-roam", "lan", new Date(T0 + 25_000).toISOString()],
  ]);
  assert.match(
    events[0].detail.en,
    /moved to another access point \[redacted:bssid\] \(5 → 2.4 GHz\)/,
  );
});

Deno.test("deviceEvents() reports a weak signal held for two samples, not one", () => {
  const weak = withWifi(pathSeries(T0, 5000, 10), (i) => (i >= 3 && i < 6 ? { rssiDbm: -82 } : {}));
  const e = deviceEvents(weak, [], OPTS);
  assert.deepEqual(e.map((x) => [x.kind, x.samples]), [["wifi-signal", 3]]);
  assert.match(e[0].detail.en, /lowest -82 dBm/);
  const once = withWifi(pathSeries(T0, 5000, 10), (i) => (i === 3 ? { rssiDbm: -82 } : {}));
  assert.deepEqual(deviceEvents(once, [], OPTS), []);
});

Deno.test("deviceEvents() sees the addresses change and says what came and went", () => {
  const samples = pathSeries(T0, 5000, 6).map((s, i) => ({
    ...s,
    addresses: i < 3
      ? { tag: "t1", list: ["4 203.0.113.5", "gw4 192.168.1.1"] }
      : { tag: "t2", list: ["4 203.0.113.77", "gw4 192.168.1.1"] },
  }));
  const [e] = deviceEvents(samples, [], OPTS);
  assert.equal(e.kind, "address-change");
  assert.equal(e.segment, "isp");
  assert.deepEqual(e.evidence, { removed: ["4 203.0.113.5"], added: ["4 203.0.113.77"] });
});

Deno.test("deviceEvents() shows recorded gaps and infers one from samples far apart", () => {
  const a = pathSeries(T0, 600_000, 3);
  const b = pathSeries(T0 + 6 * 3_600_000, 600_000, 3);
  const opts = { ...OPTS, everyMs: 600_000 };
  const events = deviceEvents([...a, ...b], [{
    from: T0 + 1_000,
    to: T0 + 2_000,
    reason: "paused",
  }], opts);
  assert.deepEqual(events.map((e) => [e.kind, e.evidence.reason]), [["gap", "paused"], [
    "gap",
    "asleep",
  ]]);
  assert.match(events[1].detail.en, /asleep or off/);
});

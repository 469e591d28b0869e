import assert from "node:assert/strict";
import { fallbackCost } from "./happy_eyeballs.ts";

Deno.test("fallbackCost() costs only the head start of the faster family when the preferred one connects", () => {
  const f = fallbackCost(6, [
    { family: 6, connected: true, ms: 10 },
    { family: 4, connected: true, ms: 8 },
  ], "windows")!;
  assert.deepEqual(
    [f.preferredError, f.happyEyeballsMs, f.happyEyeballsDelayMs, f.sequentialMs],
    [null, 10, 2, 10],
  );
});

Deno.test("fallbackCost() puts a silent IPv6 at 250 ms for a browser and the OS timeout for others", () => {
  const connects = [
    { family: 6 as const, connected: false, ms: 2000, error: "timeout" },
    { family: 4 as const, connected: true, ms: 12 },
  ];
  const win = fallbackCost(6, connects, "windows")!;
  assert.equal(win.preferredError, "timeout");
  assert.equal(win.happyEyeballsMs, 262);
  assert.equal(win.happyEyeballsDelayMs, 250);
  assert.equal(win.sequentialMs, 21_012);
  assert.equal(win.sequentialIsOsTimeout, true);
  assert.equal(fallbackCost(6, connects, "linux")!.sequentialMs, 127_012);
});

Deno.test("fallbackCost() falls back at once when the preferred family is refused", () => {
  const f = fallbackCost(6, [
    { family: 6, connected: false, ms: 3, error: "unreachable" },
    { family: 4, connected: true, ms: 12 },
  ], "darwin")!;
  assert.equal(f.happyEyeballsMs, 15);
  assert.equal(f.sequentialMs, 15);
  assert.equal(f.sequentialIsOsTimeout, false);
});

Deno.test("fallbackCost() with IPv4 preferred and broken, and with neither working", () => {
  const f = fallbackCost(4, [
    { family: 4, connected: false, ms: 2000, error: "timeout" },
    { family: 6, connected: true, ms: 20 },
  ], "windows")!;
  assert.equal(f.happyEyeballsMs, 270);
  const none = fallbackCost(6, [
    { family: 6, connected: false, ms: 2000, error: "timeout" },
    { family: 4, connected: false, ms: 2000, error: "timeout" },
  ], "windows")!;
  assert.deepEqual([none.happyEyeballsMs, none.sequentialMs], [null, null]);
  assert.equal(fallbackCost(6, [{ family: 4, connected: true, ms: 1 }], "linux"), null);
});

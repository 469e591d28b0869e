import assert from "node:assert/strict";
import { lossInconclusive, lossLocalised } from "./loss.ts";
import { anchorPing, echoes, gatewayPing, ispPing } from "./ping_testing.ts";
import { inputOf, tcpConnect, tcpTarget } from "./rule_testing.ts";
import { lossSigns } from "./loss_signs.ts";

const GW = "192.168.10.1";

Deno.test("lossLocalised() places loss on the internet when the router and the provider lose nothing", () => {
  // 100 echoes each, as after path.loss measured more: 8 % is then placed, and only a warning.
  const input = inputOf(
    gatewayPing([GW, echoes(100)]),
    ispPing(echoes(100), echoes(100)),
    anchorPing(echoes(100, 8)),
  );
  const [f] = lossLocalised(input);
  assert.deepEqual([f.id, f.segment, f.at, f.severity], [
    "internet.loss",
    "internet",
    "internet",
    "warn",
  ]);
  // The evidence carries the rate with its count and interval, and the clean point before it.
  const v = f.evidence[0].values as Record<string, Record<string, number>>;
  assert.deepEqual([v.rate.failures, v.rate.n, v.rate.method], [8, 100, "wilson-95"]);
  assert.equal(v.before.label, "10.64.1.80");
  assert.match(f.detail.en, /8 of 100 \(8 %, 95 % interval 4\.1–15 %\)/);
  assert.deepEqual(lossInconclusive(input), []);
});

Deno.test("lossLocalised() blames the access line when the provider's first hop already loses", () => {
  const input = inputOf(
    gatewayPing([GW, echoes(100)]),
    ispPing(echoes(100, 7)),
    anchorPing(echoes(100, 8)),
  );
  const [f] = lossLocalised(input);
  assert.deepEqual([f.id, f.breaks, f.symptom], ["isp.loss", "quality", "quality"]);
});

Deno.test("lossLocalised() blames the home network for loss that starts at the router, and fails on heavy loss", () => {
  const [f] = lossLocalised(inputOf(gatewayPing([GW, echoes(40, 16)]), anchorPing(echoes(40, 17))));
  assert.deepEqual([f.id, f.severity, f.breaks], ["lan.gateway-loss", "fail", "path"]);
});

Deno.test("lossLocalised() raises nothing on one lost echo; lossInconclusive() says to measure again", () => {
  const input = inputOf(gatewayPing([GW, echoes(20)]), anchorPing(echoes(20, 1)));
  assert.deepEqual(lossLocalised(input), []);
  const [note] = lossInconclusive(input);
  assert.deepEqual([note.id, note.severity], ["path.loss-inconclusive", "info"]);
  assert.match(note.advice.en, /watch mode/);
  assert.match(note.detail.en, /too little to tell from chance/);
});

Deno.test("lossLocalised() takes a hop that drops its own answers for what it is: nothing", () => {
  const input = inputOf(
    gatewayPing([GW, echoes(80)]),
    ispPing(echoes(80, 25)),
    anchorPing(echoes(80)),
  );
  assert.deepEqual(lossLocalised(input), []);
  assert.deepEqual(lossInconclusive(input), []);
});

Deno.test("lossSigns() trusts clean pings along the path over a slow connect a busy device timed", () => {
  const slowConnect = tcpConnect([
    tcpTarget("anchor", "198.18.0.10", "internet", [[4, true, 1012]]),
  ]);
  assert.deepEqual(
    lossSigns(inputOf(gatewayPing([GW, echoes(20)]), anchorPing(echoes(20)), slowConnect)),
    [],
  );
  assert.ok(lossSigns(inputOf(slowConnect)).length > 0, "without pings, the connect is the sign");
  assert.ok(
    lossSigns(inputOf(gatewayPing([GW, echoes(20)]), anchorPing(echoes(20, 2)))).length > 0,
  );
});

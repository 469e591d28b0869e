import assert from "node:assert/strict";
import { gatewayDelay, pathDelay } from "./delay.ts";
import { anchorPing, echoes, gatewayPing, ispPing } from "./ping_testing.ts";
import { inputOf } from "./rule_testing.ts";

const GW = "192.168.10.1";

Deno.test("gatewayDelay() and pathDelay() are not moved by one late echo", () => {
  const late = echoes(20, 0, 1).map((x, i) => (i === 7 ? 800 : x));
  const input = inputOf(gatewayPing([GW, late]), anchorPing(late));
  assert.deepEqual(gatewayDelay(input), []);
  assert.deepEqual(pathDelay(input), []);
});

Deno.test("gatewayDelay() warns when most echoes to the router are late, or jitter", () => {
  const [slow] = gatewayDelay(inputOf(gatewayPing([GW, echoes(20, 0, 35)])));
  assert.equal(slow.id, "lan.gateway-delay");
  const v = slow.evidence[0].values as Record<string, Record<string, number>>;
  assert.deepEqual([v.medianMs, v.rate.successes, v.rate.n], [35, 20, 20]);
  const uneven = echoes(20).map((x, i) => (i % 2 ? 80 : x));
  assert.equal(gatewayDelay(inputOf(gatewayPing([GW, uneven])))[0].id, "lan.gateway-delay");
});

Deno.test("pathDelay() places the delay where most of it is added", () => {
  const onLine = inputOf(
    gatewayPing([GW, echoes(20, 0, 1)]),
    ispPing(echoes(20, 0, 150)),
    anchorPing(echoes(20, 0, 160)),
  );
  assert.deepEqual(pathDelay(onLine).map((f) => [f.id, f.at]), [["isp.delay", "isp"]]);
  const beyond = inputOf(
    gatewayPing([GW, echoes(20, 0, 1)]),
    ispPing(echoes(20, 0, 3)),
    anchorPing(echoes(20, 0, 180)),
  );
  assert.deepEqual(pathDelay(beyond).map((f) => f.id), ["internet.delay"]);
  assert.deepEqual(pathDelay(inputOf(anchorPing(echoes(20, 0, 40)))), []);
});

import assert from "node:assert/strict";
import { largeFrameLoss } from "./large_frames.ts";
import { lossLocalised } from "./loss.ts";
import { anchorPing, echoes, pingRecord } from "./ping_testing.ts";
import { inputOf, result } from "./rule_testing.ts";

const GW = "192.168.10.1";
const gateway = (small: (number | null)[], large: (number | null)[]) =>
  result("lan.gateway.ping", {
    targets: [
      pingRecord(GW, small),
      pingRecord(GW, large, { payloadBytes: 1472, dontFragment: true }),
    ],
  }, { segment: "lan" });

Deno.test("largeFrameLoss() blames the home link when only near-MTU echoes to the router are lost", () => {
  const input = inputOf(gateway(echoes(40), echoes(40, 12)), anchorPing(echoes(40)));
  const [f] = largeFrameLoss(input);
  assert.deepEqual([f.id, f.segment, f.severity], ["lan.large-frame-loss", "lan", "fail"]);
  const v = f.evidence[0].values as Record<string, Record<string, Record<string, number>>>;
  assert.deepEqual([v.rate.failures, v.small.rate.failures], [12, 0]);
  // The small echoes, the anchor's included, say nothing is lost in general.
  assert.deepEqual(lossLocalised(input), []);
});

Deno.test("largeFrameLoss() stays quiet when frames of every size are lost alike", () => {
  assert.deepEqual(largeFrameLoss(inputOf(gateway(echoes(40, 6), echoes(40, 7)))), []);
  assert.deepEqual(largeFrameLoss(inputOf(gateway(echoes(20), echoes(20)))), []);
});

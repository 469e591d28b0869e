import assert from "node:assert/strict";
import { localiseLoss, type LossPoint, needsMore } from "./loss_localise.ts";

const at = (
  segment: LossPoint["segment"],
  position: number,
  lost: number,
  sent: number,
  family: 4 | 6 = 4,
): LossPoint => ({ segment, position, family, label: `${segment}${position}`, sent, lost });

Deno.test("localiseLoss() calls a path without loss clean after the first 20 echoes", () => {
  const v = localiseLoss([at("lan", 0, 0, 20), at("isp", 1, 0, 20), at("internet", 3, 0, 20)]);
  assert.deepEqual(v, [{ kind: "clean", family: 4 }]);
  assert.equal(needsMore(v), false);
});

Deno.test("localiseLoss() places loss at the first point that carries it to the end", () => {
  const [v] = localiseLoss([at("lan", 0, 0, 60), at("isp", 1, 9, 60), at("internet", 3, 10, 60)]);
  assert.equal(v.kind, "localised");
  if (v.kind !== "localised") return;
  assert.equal(v.segment, "isp");
  assert.equal(v.at, "isp1");
  assert.deepEqual([v.rate.failures, v.rate.n], [9, 60]);
  assert.equal(v.before?.label, "lan0");
  const [lan] = localiseLoss([at("lan", 0, 10, 60), at("internet", 3, 11, 60)]);
  assert.equal(lan.kind === "localised" && lan.segment, "lan");
});

Deno.test("localiseLoss() ignores a hop that drops its own answers while later points lose nothing", () => {
  const v = localiseLoss([at("lan", 0, 0, 80), at("isp", 1, 20, 80), at("internet", 3, 0, 80)]);
  assert.deepEqual(v, [{ kind: "clean", family: 4 }]);
});

Deno.test("localiseLoss() asks for more echoes when a single lost echo is all it has", () => {
  const v = localiseLoss([at("lan", 0, 0, 20), at("internet", 3, 1, 20)]);
  assert.equal(v[0].kind, "undecided");
  assert.equal(needsMore(v), true);
  // The same single echo among 70 is within what healthy lines lose.
  assert.equal(localiseLoss([at("lan", 0, 0, 70), at("internet", 3, 1, 70)])[0].kind, "clean");
});

Deno.test("localiseLoss() will not pick between two segments the intervals cannot tell apart", () => {
  const [v] = localiseLoss([at("lan", 0, 1, 20), at("isp", 1, 5, 20), at("internet", 3, 5, 20)]);
  assert.equal(v.kind, "unlocalised");
  if (v.kind !== "unlocalised") return;
  assert.deepEqual([v.from, v.to], ["lan", "isp"]);
});

Deno.test("localiseLoss() waits for the far end before it trusts loss at a hop", () => {
  const [v] = localiseLoss([at("lan", 0, 0, 20), at("isp", 1, 3, 20), at("internet", 3, 0, 20)]);
  assert.equal(v.kind, "undecided");
});

Deno.test("localiseLoss() judges each family on its own and leaves out silent points", () => {
  const v = localiseLoss([
    at("lan", 0, 0, 60),
    at("internet", 3, 12, 60),
    at("lan", 0, 0, 60, 6),
    at("isp", 1, 60, 60, 6),
    at("internet", 3, 0, 60, 6),
  ]);
  assert.deepEqual(v.map((x) => [x.family, x.kind]), [[4, "localised"], [6, "clean"]]);
});

Deno.test("localiseLoss() will not place loss past a hop whose own drops hide where it starts", () => {
  // The provider's edge limits its answers and the anchor loses: the loss may start at
  // the edge or beyond; with a clean on-net host after the edge it is beyond.
  const hidden = localiseLoss([
    at("lan", 0, 0, 100),
    at("isp", 1, 40, 100),
    at("internet", 3, 10, 100),
  ]);
  assert.deepEqual(
    hidden.map((v) => [v.kind, v.kind === "unlocalised" && [v.from, v.to]]),
    [["unlocalised", ["isp", "internet"]]],
  );
  const [placed] = localiseLoss([
    at("lan", 0, 0, 100),
    at("isp", 1, 40, 100),
    at("isp", 2, 0, 100),
    at("internet", 3, 10, 100),
  ]);
  assert.equal(placed.kind === "localised" && placed.segment, "internet");
});

Deno.test("localiseLoss() asks for more before trusting loss that a clean-looking point beyond does not show", () => {
  // The router loses 4 of 20, the provider's points none, the anchor 3: the router may drop
  // its own answers while the loss is beyond the provider. Too few echoes to tell yet.
  const v = localiseLoss([
    at("lan", 0, 4, 20),
    at("isp", 1, 0, 20),
    at("isp", 2, 0, 20),
    at("internet", 3, 3, 20),
  ]);
  assert.equal(v[0].kind, "undecided");
});

import assert from "node:assert/strict";
import { judgeSize } from "./size_loss.ts";

Deno.test("judgeSize() tells loss of large frames from loss of every frame", () => {
  assert.equal(judgeSize({ sent: 40, lost: 0 }, { sent: 40, lost: 12 }).kind, "size-dependent");
  assert.equal(judgeSize({ sent: 40, lost: 6 }, { sent: 40, lost: 7 }).kind, "none");
  assert.equal(judgeSize({ sent: 20, lost: 0 }, { sent: 20, lost: 0 }).kind, "none");
});

Deno.test("judgeSize() waits for more echoes when a difference is not yet significant", () => {
  const v = judgeSize({ sent: 20, lost: 0 }, { sent: 20, lost: 2 });
  assert.equal(v.kind, "undecided");
  assert.deepEqual([v.large.failures, v.large.n], [2, 20]);
  // Every large echo lost while small ones pass: no doubt at all.
  assert.equal(judgeSize({ sent: 20, lost: 0 }, { sent: 20, lost: 20 }).kind, "size-dependent");
});

Deno.test("judgeSize() needs intervals apart where every size is lost heavily (a router's answer limit)", () => {
  // Lab, healthy line, router answering about half its pings: no size dependence.
  assert.equal(judgeSize({ sent: 60, lost: 23 }, { sent: 20, lost: 13 }).kind, "none");
  // Heavy loss of every size and far heavier of large frames is still size-dependent.
  assert.equal(judgeSize({ sent: 60, lost: 12 }, { sent: 60, lost: 45 }).kind, "size-dependent");
});

import assert from "node:assert/strict";
import { progressState } from "./progress_state.ts";

Deno.test("progressState() folds events into lines, counts and the end", () => {
  const title = { ja: "t", en: "t" };
  const s = progressState([
    { type: "plan", probes: [{ id: "a", title }, { id: "b", title }] },
    { type: "start", id: "a" },
    { type: "start", id: "b" },
    { type: "progress", id: "b", note: "3/10" },
    { type: "result", id: "a", status: "ok", summary: { ja: "良", en: "fine" }, done: 1, total: 2 },
  ]);
  assert.deepEqual(s.lines.map((l) => [l.id, l.state, l.note]), [["a", "ok", ""], [
    "b",
    "running",
    "3/10",
  ]]);
  assert.equal(s.done, 1);
  assert.equal(s.total, 2);
  assert.equal(s.finished, null);
  const end = progressState([{ type: "finished", ref: "0:x/report.json", partial: true }]);
  assert.deepEqual(end.finished, { ref: "0:x/report.json", partial: true });
});

import assert from "node:assert/strict";
import { tbfArgs } from "./topology.ts";

Deno.test("tbfArgs() sizes the burst to 2 ms of data, at least 16 kB", () => {
  assert.deepEqual(tbfArgs(20e6, 500), [
    "tbf",
    "rate",
    "20000000bit",
    "burst",
    "16000",
    "latency",
    "500ms",
  ]);
  assert.deepEqual(tbfArgs(500e6, 20).slice(3, 5), ["burst", "125000"]);
});

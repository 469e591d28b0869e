import assert from "node:assert/strict";
import { bufferbloatGrade, worseGrade } from "./bufferbloat.ts";

Deno.test("bufferbloatGrade() uses the breakpoints 5/30/60/200/400 ms", () => {
  const table: [number, string][] = [
    [-3, "A+"],
    [0, "A+"],
    [4.9, "A+"],
    [5, "A"],
    [29.9, "A"],
    [30, "B"],
    [59, "B"],
    [60, "C"],
    [199, "C"],
    [200, "D"],
    [399, "D"],
    [400, "F"],
    [5000, "F"],
  ];
  for (const [ms, grade] of table) assert.equal(bufferbloatGrade(ms), grade, `${ms} ms`);
});

Deno.test("worseGrade() picks the worse direction and tolerates unknowns", () => {
  assert.equal(worseGrade("A", "C"), "C");
  assert.equal(worseGrade("F", "A+"), "F");
  assert.equal(worseGrade(null, "B"), "B");
  assert.equal(worseGrade(null, null), null);
});

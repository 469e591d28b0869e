import assert from "node:assert/strict";
import fc from "fast-check";
import {
  checkJsonText,
  JsonShapeError,
  MAX_JSON_DEPTH,
  nestsDeeperThan,
  parseJson,
} from "./json_text.ts";

Deno.test("parseJson() refuses nesting past the limit with a message naming it, without recursion", () => {
  assert.deepEqual(parseJson(`{"a":${"[".repeat(63)}${"]".repeat(63)}}`), {
    a: JSON.parse(`${"[".repeat(63)}${"]".repeat(63)}`),
  });
  for (const depth of [MAX_JSON_DEPTH + 1, 10_000, 1_000_000]) {
    assert.throws(
      () => parseJson("[".repeat(depth) + "]".repeat(depth)),
      (e: Error) =>
        e instanceof JsonShapeError && /deeper than 64 levels \(the limit\)/.test(e.message),
    );
  }
  assert.throws(() => parseJson("[[[1]]]", 2), /deeper than 2 levels/);
});

Deno.test("parseJson() refuses an object that names a member twice, escapes included", () => {
  assert.throws(() => parseJson('{"a":1,"a":2}'), /names the member "a" twice/);
  assert.throws(() => parseJson('{"x":[{"b":1,"\\u0062":2}]}'), /member "b" twice/);
  assert.throws(() => parseJson('{"__proto__":1,"__proto__":2}'), /"__proto__" twice/);
  assert.deepEqual(parseJson('[{"a":1},{"a":2}]'), [{ a: 1 }, { a: 2 }]);
  assert.deepEqual(parseJson('{"a":"\\"a\\"","b":{"a":1}}'), { a: '"a"', b: { a: 1 } });
  assert.throws(() => parseJson("{"), SyntaxError);
});

Deno.test("checkJsonText() agrees with JSON.parse on depth and keys for any JSON value", () => {
  const depthOf = (v: unknown): number =>
    v === null || typeof v !== "object"
      ? 0
      : 1 + Math.max(0, ...Object.values(v as Record<string, unknown>).map(depthOf));
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 8 }), (v) => {
      const text = JSON.stringify(v);
      const d = depthOf(v);
      checkJsonText(text, d); // exactly deep enough: accepted
      if (d > 0) assert.throws(() => checkJsonText(text, d - 1), JsonShapeError);
      assert.equal(nestsDeeperThan(v, d), false);
      if (d > 0) assert.equal(nestsDeeperThan(v, d - 1), true);
    }),
    { seed: 19, numRuns: 500 },
  );
});

Deno.test("nestsDeeperThan() stops on a cycle and on a graph too large to walk", () => {
  const a: unknown[] = [];
  a.push(a);
  assert.equal(nestsDeeperThan(a, 100), true);
  let shared: unknown = [1];
  for (let i = 0; i < 40; i++) shared = [shared, shared];
  assert.equal(nestsDeeperThan(shared, 64, 100_000), true);
});

import assert from "node:assert/strict";
import fc from "fast-check";
import { canonicalJson, FAST_DEPTH } from "./canonical_json.ts";

/** What canonical JSON must equal: JSON.stringify of a copy whose keys went in sorted. */
function sortedStringify(v: unknown): string {
  const sort = (x: unknown): unknown => {
    if (x === null || typeof x !== "object") return x;
    if (Array.isArray(x)) return x.map(sort);
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(x).sort()) {
      Object.defineProperty(o, k, {
        value: sort((x as Record<string, unknown>)[k]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return o;
  };
  return JSON.stringify(sort(v));
}

/** `v` wrapped `levels` deep in alternating arrays and objects. */
function nest(v: unknown, levels: number): unknown {
  let x = v;
  for (let i = 0; i < levels; i++) x = i % 2 ? [x, i] : { z: x, a: i };
  return x;
}

Deno.test("canonicalJson() is JSON.stringify with every object's keys sorted, on any JSON value", () => {
  fc.assert(
    fc.property(fc.jsonValue(), (v) => {
      assert.equal(canonicalJson(v), sortedStringify(v));
    }),
    { numRuns: 500, seed: 20261203 },
  );
});

Deno.test("canonicalJson() gives the same bytes past the recursive path's depth as within it", () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 3 }), fc.integer({ min: 1, max: 40 }), (v, extra) => {
      const deep = nest(v, FAST_DEPTH + extra);
      assert.equal(canonicalJson(deep), sortedStringify(deep));
    }),
    { numRuns: 50, seed: 20261203 },
  );
});

Deno.test("canonicalJson() serialises a value nested 30,000 levels deep without overflowing", () => {
  let expected = "1";
  for (let i = 0; i < 30_000; i++) {
    expected = i % 2 ? `[${expected},${i}]` : `{"a":${i},"z":${expected}}`;
  }
  assert.equal(canonicalJson(nest(1, 30_000)), expected);
});

Deno.test("canonicalJson() orders integer-like keys first, as the engine does", () => {
  assert.equal(canonicalJson({ b: 1, 10: 2, a: 3, 2: 4 }), '{"2":4,"10":2,"a":3,"b":1}');
  assert.equal(canonicalJson({ "1a": 1, "01": 2, 1: 3 }), '{"1":3,"01":2,"1a":1}');
});

Deno.test("canonicalJson() drops undefined members, writes null for them in arrays, honours toJSON", () => {
  const at = new Date(Date.UTC(2026, 11, 3));
  assert.equal(
    canonicalJson({ u: undefined, f: () => 1, a: [undefined, () => 1, 1], at }),
    '{"a":[null,null,1],"at":"2026-12-03T00:00:00.000Z"}',
  );
  assert.equal(canonicalJson({ x: NaN, y: -0 }), '{"x":null,"y":0}');
});

Deno.test("canonicalJson() counts an own __proto__ member like any other", () => {
  const v = JSON.parse('{"b":1,"__proto__":{"x":1}}');
  assert.equal(canonicalJson(v), '{"__proto__":{"x":1},"b":1}');
});

Deno.test("canonicalJson() refuses cycles, bigints and a top level that is not JSON", () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = { back: cyclic };
  assert.throws(() => canonicalJson(cyclic), /cycles/);
  assert.throws(() => canonicalJson({ n: 1n }), TypeError);
  assert.throws(() => canonicalJson(undefined), /not JSON/);
});

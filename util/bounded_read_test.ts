import assert from "node:assert/strict";
import { readCapped, readFrames } from "./bounded_read.ts";

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return ReadableStream.from(chunks.map((c) => enc.encode(c)));
}

Deno.test("readCapped() keeps the head, counts everything and calls back once past the cap", async () => {
  let calls = 0;
  const r = await readCapped(streamOf("abcdef", "ghij", "klm"), 4, 8, () => calls++);
  assert.equal(new TextDecoder().decode(r.head), "abcd");
  assert.equal(r.bytes, 13);
  assert.equal(r.overflow, true);
  assert.equal(calls, 1);
});

Deno.test("readFrames() passes nonce frames across chunk borders and keeps stray lines apart", async () => {
  const frames: unknown[] = [];
  const r = await readFrames(streamOf('noise\nN {"a"', ':1}\nN not-json\nN {"b":2}'), {
    nonce: "N",
    max: 1000,
    maxLine: 100,
    strayKeep: 100,
    onFrame: (f) => frames.push(f),
    onOverflow: () => assert.fail("no overflow"),
  });
  assert.deepEqual(frames, [{ a: 1 }, { b: 2 }]);
  assert.equal(r.stray, "noise\n");
});

Deno.test("readFrames() stops at a line longer than maxLine and at the total cap", async () => {
  const seen: string[] = [];
  await readFrames(streamOf("x".repeat(50), "y".repeat(60)), {
    nonce: "N",
    max: 1000,
    maxLine: 100,
    strayKeep: 10,
    onFrame() {},
    onOverflow: (w) => seen.push(w),
  });
  await readFrames(streamOf("a\n".repeat(400), "b\n".repeat(400)), {
    nonce: "N",
    max: 1000,
    maxLine: 100,
    strayKeep: 10,
    onFrame() {},
    onOverflow: (w) => seen.push(w),
  });
  assert.deepEqual(seen, ["line", "total"]);
});

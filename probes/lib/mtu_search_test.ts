import assert from "node:assert/strict";
import { CHECK_ECHOES, type MtuOutcome, REPEATS, searchMtu } from "./mtu_search.ts";

/** A path of MTU `mtu`: routers either quote it, say nothing, or only the local stack knows. */
function path(mtu: number, mode: "quote" | "silent" | "no-quote") {
  const tried: [number, number][] = [];
  const probe = (m: number, count: number): Promise<MtuOutcome> => {
    tried.push([m, count]);
    if (m <= mtu) return Promise.resolve({ kind: "fits", sent: count, received: count });
    if (mode === "silent") return Promise.resolve({ kind: "silent", sent: count });
    return Promise.resolve({ kind: "too-big", mtu: mode === "quote" ? mtu : null });
  };
  return { probe, tried };
}

Deno.test("searchMtu() jumps to a quoted MTU and confirms it with one more byte", async () => {
  const p = path(1454, "quote");
  const r = await searchMtu(p.probe, 576, 1500);
  assert.deepEqual([r.pathMtu, r.atLeast, r.blackHole, r.quotedMtu], [1454, false, false, 1454]);
  assert.deepEqual(p.tried.map(([m]) => m), [576, 1500, 1454, 1455]);
  assert.equal(r.sizeCheck, undefined);
});

Deno.test("searchMtu() binary-searches when nobody quotes the MTU (Windows)", async () => {
  const p = path(1460, "no-quote");
  const r = await searchMtu(p.probe, 1280, 1500);
  assert.equal(r.pathMtu, 1460);
  assert.ok(p.tried.length <= 2 + Math.ceil(Math.log2(220)) + 1, `${p.tried.length} probes`);
  assert.equal(r.blackHole, false);
});

Deno.test("searchMtu() finds the MTU of a black hole after checking it is not random loss", async () => {
  const p = path(1400, "silent");
  const r = await searchMtu(p.probe, 576, 1500);
  assert.deepEqual([r.pathMtu, r.blackHole, r.quotedMtu], [1400, true, null]);
  // Every silent size got one echo, then several more, before counting as too big.
  const silent = r.steps.filter((s) => s.outcome === "silent").map((s) => s.mtu);
  for (const m of silent) {
    const counts = p.tried.filter(([t]) => t === m).map(([, c]) => c);
    assert.deepEqual(counts.slice(0, 2), [1, REPEATS]);
  }
  // The first silent size (the largest) was repeated beside one that fits: every echo lost.
  assert.deepEqual(
    [r.sizeCheck?.silentMtu, r.sizeCheck?.fitMtu, r.sizeCheck?.verdict],
    [1500, 576, "consistent"],
  );
  assert.deepEqual([r.sizeCheck?.silent.failures, r.sizeCheck?.silent.n], [10, CHECK_ECHOES]);
});

Deno.test("searchMtu() tells random loss from a black hole and searches on", async () => {
  // The full size loses its first four echoes by chance; repeated, it gets through as often
  // as a small size does.
  let misses = 4;
  const probe = (m: number, count: number): Promise<MtuOutcome> => {
    if (m === 1500 && misses > 0) {
      misses -= count;
      return Promise.resolve({ kind: "silent", sent: count });
    }
    const received = count === CHECK_ECHOES ? 7 : count;
    return Promise.resolve({ kind: "fits", sent: count, received });
  };
  const r = await searchMtu(probe, 576, 1500);
  assert.deepEqual([r.pathMtu, r.atLeast, r.blackHole], [1500, true, false]);
  assert.equal(r.sizeCheck?.verdict, "random");
});

Deno.test("searchMtu() reports at-least when the largest size gets through", async () => {
  const r = await searchMtu(path(9000, "quote").probe, 1280, 1500);
  assert.deepEqual([r.pathMtu, r.atLeast, r.steps.length], [1500, true, 2]);
});

Deno.test("searchMtu() gives up with a reason when even the smallest size gets no answer", async () => {
  const silent = await searchMtu(() => Promise.resolve({ kind: "silent" }), 576, 1500);
  assert.equal(silent.pathMtu, null);
  assert.match(silent.reason!.en, /smallest size \(576 bytes\)/);
  const reason = { ja: "到達できません", en: "unreachable" };
  const unreachable = await searchMtu(
    () => Promise.resolve({ kind: "unreachable", reason }),
    576,
    1500,
  );
  assert.deepEqual([unreachable.pathMtu, unreachable.reason], [null, reason]);
});

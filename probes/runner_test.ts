import assert from "node:assert/strict";
import { z } from "zod";
import { runConfigSchema } from "./config.ts";
import { type RunnerEvent, runProbes } from "./runner.ts";
import { type Probe, type ProbeOutcome, SkipProbe } from "./types.ts";

const schema = z.object({ n: z.number() });

function probe(id: string, over: Partial<Probe<{ n: number }>> = {}): Probe<{ n: number }> {
  return {
    id,
    title: { ja: id, en: id },
    description: { ja: id, en: id },
    segment: "internet",
    dataCategories: ["measurements"],
    dependsOn: [],
    timeoutMs: 1000,
    platforms: ["linux", "darwin", "windows"],
    schema,
    run: () => Promise.resolve(ok(1)),
    ...over,
  };
}
const ok = (n: number): ProbeOutcome<{ n: number }> => ({
  status: "ok",
  summary: { ja: "", en: "" },
  data: { n },
});
const config = (over = {}) => runConfigSchema.parse(over);
const base = {
  lang: "en" as const,
  granted: ["device", "network", "identifiers", "measurements"] as const,
};

Deno.test("runProbes() runs dependencies first and hands their results over", async () => {
  const order: string[] = [];
  const a = probe("a", { run: () => (order.push("a"), Promise.resolve(ok(7))) });
  const b = probe("b", {
    dependsOn: ["a"],
    run: (ctx) => (order.push("b"), Promise.resolve(ok((ctx.deps.a.data.n as number) * 2))),
  });
  const out = await runProbes({ ...base, probes: [a, b], config: config() });
  assert.deepEqual(order, ["a", "b"]);
  assert.deepEqual(out.results.map((r) => [r.id, r.status, r.data.n]), [["a", "ok", 7], [
    "b",
    "ok",
    14,
  ]]);
});

Deno.test("runProbes() never runs more than `concurrency` probes at once", async () => {
  let now = 0;
  let peak = 0;
  const slow = (id: string) =>
    probe(id, {
      run: async () => {
        peak = Math.max(peak, ++now);
        await new Promise((r) => setTimeout(r, 20));
        now--;
        return ok(0);
      },
    });
  await runProbes({
    ...base,
    probes: ["a", "b", "c", "d", "e"].map(slow),
    config: config({ concurrency: 2 }),
  });
  assert.equal(peak, 2);
});

Deno.test("runProbes() turns a hang into a timeout that keeps the checkpoint", async () => {
  const hang = probe("hang", {
    timeoutMs: 50,
    run: (ctx) => {
      ctx.checkpoint({ n: 3, partial: true });
      return new Promise(() => {}); // never settles, ignores the signal
    },
  });
  const after = probe("after");
  const out = await runProbes({ ...base, probes: [hang, after], config: config() });
  assert.equal(out.results[0].status, "timeout");
  assert.deepEqual(out.results[0].data, { n: 3, partial: true });
  assert.match(out.results[0].reason!.en, /0\.05 s/);
  assert.equal(out.results[1].status, "ok");
});

Deno.test("runProbes() honours per-probe timeout overrides from the config", async () => {
  const p = probe("p", { timeoutMs: 10_000, run: () => new Promise(() => {}) });
  const out = await runProbes({ ...base, probes: [p], config: config({ timeouts: { p: 30 } }) });
  assert.equal(out.results[0].status, "timeout");
});

Deno.test("runProbes() records throws, skips and invalid data as results", async () => {
  const out = await runProbes({
    ...base,
    probes: [
      probe("throws", { run: () => Promise.reject(new RangeError("boom")) }),
      probe("skips", {
        run: () => Promise.reject(new SkipProbe({ ja: "なし", en: "no adapter" })),
      }),
      probe("bad", {
        run: () => Promise.resolve({ ...ok(1), data: { n: "x" } as unknown as { n: number } }),
      }),
    ],
    config: config(),
  });
  const [t, s, b] = out.results;
  assert.deepEqual([t.status, t.error], ["error", { name: "RangeError", message: "boom" }]);
  assert.deepEqual([s.status, s.reason?.en], ["skipped", "no adapter"]);
  assert.equal(b.status, "error");
  assert.match(b.reason!.en, /n: Invalid input: expected number/);
});

Deno.test("runProbes() skips probes whose categories were refused or whose OS differs", async () => {
  const out = await runProbes({
    ...base,
    granted: ["measurements"],
    host: { os: "linux" },
    probes: [
      probe("needs-ids", { dataCategories: ["identifiers"] }),
      probe("mac-only", { platforms: ["darwin"] }),
      probe("fine"),
    ],
    config: config(),
  });
  assert.deepEqual(out.results.map((r) => r.status), ["skipped", "skipped", "ok"]);
  assert.match(out.results[0].reason!.en, /identifiers/);
  assert.match(out.results[1].reason!.en, /linux/);
});

Deno.test("runProbes() stops on abort: running probes error, waiting ones are skipped", async () => {
  const controller = new AbortController();
  const events: RunnerEvent[] = [];
  const first = probe("first", {
    run: () => {
      setTimeout(() => controller.abort("SIGINT"), 10);
      return new Promise(() => {});
    },
  });
  const second = probe("second", { dependsOn: ["first"] });
  const out = await runProbes({
    ...base,
    probes: [first, second],
    config: config(),
    signal: controller.signal,
    onEvent: (e) => events.push(e),
  });
  assert.equal(out.interrupted, true);
  assert.deepEqual(out.results.map((r) => r.status), ["error", "skipped"]);
  assert.equal(out.results[0].error?.name, "Interrupted");
  assert.deepEqual(events.map((e) => e.type), ["plan", "start", "result", "result", "done"]);
});

Deno.test("runProbes() forwards progress and identifiers", async () => {
  const events: RunnerEvent[] = [];
  const seen: string[] = [];
  const p = probe("p", {
    run: (ctx) => {
      ctx.progress({ fraction: 0.5, note: "half" });
      ctx.identifier({ kind: "ssid", value: "home" });
      return Promise.resolve(ok(1));
    },
  });
  const out = await runProbes({
    ...base,
    probes: [p],
    config: config(),
    onEvent: (e) => events.push(e),
    onIdentifier: (i) => seen.push(i.value),
  });
  assert.deepEqual(events.find((e) => e.type === "progress"), {
    type: "progress",
    id: "p",
    fraction: 0.5,
    note: "half",
  });
  assert.deepEqual(out.identifiers, [{ kind: "ssid", value: "home" }]);
  assert.deepEqual(seen, ["home"]);
});

import assert from "node:assert/strict";
import { z } from "zod";
import { InvalidInputError } from "../util/errors.ts";
import { runConfigSchema } from "./config.ts";
import { planProbes } from "./plan.ts";
import type { Probe } from "./types.ts";

const p = (id: string, dependsOn: string[] = []): Probe => ({
  id,
  title: { ja: id, en: id },
  description: { ja: id, en: id },
  segment: "lan",
  dataCategories: [],
  dependsOn,
  timeoutMs: 100,
  platforms: ["linux"],
  schema: z.object({}),
  run: () => Promise.resolve({ status: "ok", summary: { ja: "", en: "" }, data: {} }),
});
const cfg = (o = {}) => runConfigSchema.parse(o);
const ids = (ps: Probe[]) => ps.map((x) => x.id);

Deno.test("planProbes() orders dependencies first", () => {
  assert.deepEqual(ids(planProbes([p("c", ["b"]), p("b", ["a"]), p("a")], cfg())), ["a", "b", "c"]);
});

Deno.test("planProbes() keeps what `only` needs and drops what `skip` names", () => {
  const all = [p("a"), p("b", ["a"]), p("c")];
  assert.deepEqual(ids(planProbes(all, cfg({ only: ["b"] }))), ["a", "b"]);
  assert.deepEqual(ids(planProbes(all, cfg({ skip: ["c"] }))), ["a", "b"]);
});

Deno.test("planProbes() names an unknown probe id in the config", () => {
  assert.throws(
    () => planProbes([p("a")], cfg({ skip: ["a", "nope"] }), "my.json"),
    (e) =>
      e instanceof InvalidInputError &&
      /my\.json: skip\[1\]: unknown probe id "nope"/.test(e.message),
  );
});

Deno.test("planProbes() refuses cycles, unknown dependencies and duplicates", () => {
  assert.throws(() => planProbes([p("a", ["b"]), p("b", ["a"])], cfg()), /cycle: a → b → a/);
  assert.throws(() => planProbes([p("a", ["zz"])], cfg()), /unknown probe "zz"/);
  assert.throws(() => planProbes([p("a"), p("a")], cfg()), /Duplicate probe id "a"/);
});

Deno.test("planProbes() walks a dependency chain of 30,000 probes without recursion", () => {
  const chain = Array.from({ length: 30_000 }, (_, i) => p(`p${i}`, i > 0 ? [`p${i - 1}`] : []));
  const planned = planProbes([...chain].reverse(), cfg({ only: ["p29999"] }));
  assert.equal(planned.length, 30_000);
  assert.equal(planned[0].id, "p0");
  const cyclic = [...chain.slice(1), p("p0", ["p29999"])];
  assert.throws(() => planProbes(cyclic, cfg()), /Probe dependency cycle: p\d+ → /);
});

Deno.test("planProbes() names an unknown probe id in timeouts (so --dry-run refuses it too)", () => {
  assert.throws(
    () => planProbes([p("a")], cfg({ timeouts: { "no.such": 1000 } }), "c.json"),
    (e: Error) =>
      e instanceof InvalidInputError &&
      /c\.json: timeouts\["no\.such"\]: unknown probe id/.test(e.message),
  );
  assert.equal(planProbes([p("a")], cfg({ timeouts: { a: 1000 } })).length, 1);
});

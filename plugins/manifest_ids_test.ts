import assert from "node:assert/strict";
import { checkIds } from "./manifest_ids.ts";
import { type Manifest, manifestSchema, MAX_PLUGINS } from "./manifest_schema.ts";

const entry = (id: string, dependsOn: string[]) => ({
  id,
  title: { ja: id, en: id },
  segment: "service" as const,
  dataCategories: [],
  timeoutMs: 1000,
  dependsOn,
  platforms: ["linux" as const],
  config: {},
  module: {
    path: "x.ts",
    sha256: "0".repeat(64),
    permissions: { net: [], read: [], write: [], env: [], run: [] },
  },
});

Deno.test("checkIds() finds a cycle at the end of a 30,000-long chain without recursion", () => {
  const n = 30_000;
  const probes = Array.from({ length: n }, (_, i) => entry(`t.p${i}`, [`t.p${(i + 1) % n}`]));
  const m = {
    schema: "kiriwake.manifest/v1",
    publisher: { id: "t", name: "T" },
    probes,
  } as Manifest;
  const issues = checkIds(m, new Set());
  assert.equal(issues.length, 1);
  assert.match(issues[0], /^probes: dependency cycle t\.p0 → t\.p1 → .* … 29990 more … → .*t\.p0$/);
  const chain = probes.map((p, i) => ({ ...p, dependsOn: i > 0 ? [`t.p${i - 1}`] : [] }));
  assert.deepEqual(checkIds({ ...m, probes: chain }, new Set()), []);
});

Deno.test("manifestSchema refuses more plugins than the limit, and paths through ..", () => {
  const m = (probes: unknown[]) => ({
    schema: "kiriwake.manifest/v1",
    publisher: { id: "t", name: "T" },
    probes,
  });
  const ok = manifestSchema.safeParse(m([entry("t.a", [])]));
  assert.ok(ok.success);
  const many = Array.from({ length: MAX_PLUGINS + 1 }, (_, i) => entry(`t.p${i}`, []));
  assert.ok(!manifestSchema.safeParse(m(many)).success);
  for (const path of ["../x.ts", "a/../../x.ts", "/etc/x.ts", "C:\\x.ts", "a\\..\\..\\x.ts"]) {
    const e = entry("t.a", []);
    const r = manifestSchema.safeParse(m([{ ...e, module: { ...e.module, path } }]));
    assert.ok(!r.success, path);
  }
});

import assert from "node:assert/strict";
import { cycloneDx, integrityHash, npmPurl } from "./sbom.ts";
import type { Lockfile } from "./runtime_config.ts";

const LOCK: Lockfile = {
  version: "5",
  specifiers: { "npm:sucrase@3.35.1": "3.35.1", "npm:hono@4.13.19": "4.13.19" },
  npm: {
    "hono@4.13.19": { integrity: "sha512-" + btoa("\x01\x02") },
    "sucrase@3.35.1": {
      integrity: "sha512-AAAA",
      dependencies: ["@jridgewell/gen-mapping", "fdir"],
    },
    "@jridgewell/gen-mapping@0.3.13": { integrity: "sha512-AAAA" },
    "fdir@6.5.0_picomatch@4.0.7": { integrity: "sha1-AAAA" },
  },
};

Deno.test("npmPurl() and integrityHash() write package URLs and hex hashes", () => {
  assert.equal(
    npmPurl("@jridgewell/gen-mapping", "0.3.13"),
    "pkg:npm/%40jridgewell/gen-mapping@0.3.13",
  );
  assert.equal(npmPurl("zod", "4.6.7"), "pkg:npm/zod@4.6.7");
  assert.deepEqual(integrityHash("sha512-" + btoa("\x01\xff")), {
    alg: "SHA-512",
    content: "01ff",
  });
  assert.equal(integrityHash("sha1-AAAA"), null);
  assert.equal(integrityHash(undefined), null);
});

Deno.test("cycloneDx() lists the runtime and every embedded package with its dependencies", () => {
  const bom = cycloneDx({
    name: "kiriwake",
    version: "0.1.0",
    supplier: "kiriwake project",
    denoVersion: "2.9.6",
    builtAt: "2026-12-01T00:00:00.000Z",
    commit: "abc123",
    lock: LOCK,
    serialNumber: "urn:uuid:00000000-0000-4000-8000-000000000000",
    // deno-lint-ignore no-explicit-any
  }) as any;
  assert.equal(bom.bomFormat, "CycloneDX");
  assert.equal(bom.specVersion, "1.5");
  assert.equal(bom.metadata.component.name, "kiriwake");
  assert.deepEqual(bom.metadata.component.properties, [{
    name: "kiriwake:commit",
    value: "abc123",
  }]);
  assert.deepEqual(bom.components.map((c: { purl: string }) => c.purl), [
    "pkg:github/denoland/deno@v2.9.6",
    "pkg:npm/%40jridgewell/gen-mapping@0.3.13",
    "pkg:npm/fdir@6.5.0",
    "pkg:npm/hono@4.13.19",
    "pkg:npm/sucrase@3.35.1",
  ]);
  const gen = bom.components[1];
  assert.equal(gen.group, "@jridgewell");
  assert.equal(gen.name, "gen-mapping");
  assert.equal(bom.components[3].hashes[0].content, "0102");
  assert.equal(bom.components[2].hashes, undefined, "sha1 is not carried over");
  const deps = Object.fromEntries(
    bom.dependencies.map((d: { ref: string; dependsOn: string[] }) => [d.ref, d.dependsOn]),
  );
  assert.deepEqual(deps["kiriwake@0.1.0"], [
    "pkg:github/denoland/deno@v2.9.6",
    "pkg:npm/hono@4.13.19",
    "pkg:npm/sucrase@3.35.1",
  ]);
  assert.deepEqual(deps["pkg:npm/sucrase@3.35.1"], [
    "pkg:npm/%40jridgewell/gen-mapping@0.3.13",
    "pkg:npm/fdir@6.5.0",
  ]);
  // Every reference names a component (or the root).
  const refs = new Set([
    bom.metadata.component["bom-ref"],
    ...bom.components.map((c: { "bom-ref": string }) => c["bom-ref"]),
  ]);
  for (const d of bom.dependencies) {
    for (const r of [d.ref, ...d.dependsOn]) assert.ok(refs.has(r), r);
  }
});

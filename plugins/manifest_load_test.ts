import assert from "node:assert/strict";
import { join } from "node:path";
import { InvalidInputError } from "../util/errors.ts";
import { loadManifest } from "./manifest_load.ts";
import { ALLOW_UNSIGNED, entryOf, type TestPlugin } from "./testing.ts";

const GOOD = `export default () => ({ status: "ok", summary: { ja: "a", en: "a" } });\n`;
const plugin = (id = "acme.portal", file = "p.ts"): TestPlugin => ({
  id,
  file,
  code: GOOD,
  kind: "module",
});

/** Writes `manifest` (object or text) and p.ts into a new directory; returns the path. */
async function write(manifest: unknown, files: Record<string, string> = { "p.ts": GOOD }) {
  const dir = await Deno.makeTempDir({ prefix: "kw-manifest-" });
  for (const [f, text] of Object.entries(files)) await Deno.writeTextFile(join(dir, f), text);
  const path = join(dir, "manifest.json");
  await Deno.writeTextFile(
    path,
    typeof manifest === "string" ? manifest : JSON.stringify(manifest),
  );
  return path;
}

async function base(entries?: Record<string, unknown>[]) {
  return {
    schema: "kiriwake.manifest/v1",
    publisher: { id: "acme", name: "Acme" },
    probes: entries ?? [await entryOf(plugin())],
  };
}

async function rejects(manifest: unknown, message: RegExp, files?: Record<string, string>) {
  const path = await write(manifest, files);
  try {
    await assert.rejects(loadManifest(path, ALLOW_UNSIGNED), (e: unknown) => {
      assert.ok(e instanceof InvalidInputError, String(e));
      assert.match(e.message, /^Cannot load plugin manifest ".*manifest\.json": /);
      assert.match(e.message, message);
      assert.ok(e.text.ja.length > 0);
      return true;
    });
  } finally {
    await Deno.remove(join(path, ".."), { recursive: true });
  }
}

Deno.test("loadManifest() loads a valid manifest and keeps the verified bytes", async () => {
  const path = await write(await base());
  const m = await loadManifest(path, ALLOW_UNSIGNED);
  assert.equal(m.plugins.length, 1);
  assert.equal(new TextDecoder().decode(m.plugins[0].bytes), GOOD);
  assert.match(m.plugins[0].workerSource!, /exports\.default/);
  assert.deepEqual(m.plugins[0].permissions, { net: [], read: [], write: [], env: [], run: [] });
  assert.equal(m.signedBy, null);
});

Deno.test("loadManifest() resolves declared paths relative to the manifest", async () => {
  const e = await entryOf({
    ...plugin(),
    spec: { permissions: { read: ["data.txt", "/etc/hosts"] } },
  });
  const path = await write(await base([e]));
  const m = await loadManifest(path, ALLOW_UNSIGNED);
  assert.deepEqual(m.plugins[0].permissions!.read, [join(path, "..", "data.txt"), "/etc/hosts"]);
});

Deno.test("loadManifest() refuses bad manifests, naming the field and the plugin", async (t) => {
  const e = await entryOf(plugin());
  const mod = e.module as Record<string, unknown>;
  const cases: [string, () => Promise<unknown>, RegExp, Record<string, string>?][] = [
    ["not JSON", () => Promise.resolve("{ nope"), /not JSON/],
    [
      "unknown top-level field",
      async () => ({ ...await base(), extra: 1 }),
      /\(top level\): .*\(extra\)/,
    ],
    [
      "unknown entry field",
      () => base([{ ...e, colour: "red" }]),
      /probes\[0\] \(acme\.portal\): .*\(colour\)/,
    ],
    [
      "unknown permission",
      () => base([{ ...e, module: { ...mod, permissions: { sys: true } } }]),
      /probes\[0\] \(acme\.portal\)\.module\.permissions: .*\(sys\)/,
    ],
    [
      "missing hash",
      () => base([{ ...e, module: { path: "p.ts" } }]),
      /probes\[0\] \(acme\.portal\)\.module\.sha256: /,
    ],
    [
      "wrong hash",
      () => base([{ ...e, module: { ...mod, sha256: "0".repeat(64) } }]),
      /probes\[0\] \(acme\.portal\)\.module\.sha256: "p\.ts" has SHA-256 [0-9a-f]{64}, the manifest says 0{64}/,
    ],
    [
      "missing file",
      async () => base([await entryOf(plugin("acme.portal", "gone.ts"))]),
      /probes\[0\] \(acme\.portal\)\.module\.path: file "gone\.ts" not found/,
    ],
    [
      "duplicate id",
      () => base([e, e]),
      /probes\[1\] \(acme\.portal\)\.id: duplicate of probes\[0\]/,
    ],
    [
      "built-in id",
      async () => base([await entryOf(plugin("dns.resolve"))]),
      /probes\[0\] \(dns\.resolve\)\.id: "dns\.resolve" is a built-in probe/,
    ],
    [
      "outside the namespace",
      async () => base([await entryOf(plugin("other.portal"))]),
      /probes\[0\] \(other\.portal\)\.id: must start with the publisher's namespace "acme\."/,
    ],
    [
      "built-in namespace as publisher",
      async () => ({
        ...await base([await entryOf(plugin("dns.mine"))]),
        publisher: { id: "dns", name: "x" },
      }),
      /publisher\.id: "dns" is reserved/,
    ],
    [
      "unknown dependency",
      () => base([{ ...e, dependsOn: ["acme.nothing"] }]),
      /probes\[0\] \(acme\.portal\)\.dependsOn\[0\]: unknown probe "acme\.nothing"/,
    ],
    [
      "dependency cycle",
      async () =>
        base([
          { ...e, dependsOn: ["acme.b"] },
          { ...await entryOf(plugin("acme.b")), dependsOn: ["acme.portal"] },
        ]),
      /dependency cycle acme\.portal → acme\.b → acme\.portal/,
    ],
    [
      "module and command",
      () => base([{ ...e, command: { path: "p.ts", sha256: mod.sha256 } }]),
      /probes\[0\] \(acme\.portal\): Needs exactly one of "module" or "command"/,
    ],
    [
      "absolute path",
      () => base([{ ...e, module: { ...mod, path: "/etc/p.ts" } }]),
      /module\.path: Must be a path inside the manifest's directory/,
    ],
    [
      "net with a scheme",
      () => base([{ ...e, module: { ...mod, permissions: { net: ["https://x.example/"] } } }]),
      /module\.permissions\.net\[0\]: Must be "host" or "host:port"/,
    ],
    [
      "TypeScript syntax error",
      async () => base([await entryOf({ ...plugin(), code: "export default (: ) =>" })]),
      /probes\[0\] \(acme\.portal\)\.module\.path: Cannot parse p\.ts: Unexpected token/,
      { "p.ts": "export default (: ) =>" },
    ],
  ];
  for (const [name, make, message, files] of cases) {
    await t.step(name, async () => rejects(await make(), message, files));
  }
});

Deno.test("loadManifest() reports every problem at once", async () => {
  const e = await entryOf(plugin());
  const bad = await base([
    { ...e, module: { ...(e.module as object), sha256: "f".repeat(64) } },
    await entryOf(plugin("dns.resolve")),
  ]);
  await rejects(bad, /dns\.resolve\)\.id: .*; .*acme\.portal\)\.module\.sha256: /);
});

Deno.test("loadManifest() says when the file is missing", async () => {
  await assert.rejects(
    loadManifest("/nonexistent/manifest.json", ALLOW_UNSIGNED),
    /Cannot load plugin manifest "\/nonexistent\/manifest\.json": file not found/,
  );
});

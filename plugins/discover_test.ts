import assert from "node:assert/strict";
import { join } from "node:path";
import { findManifest } from "./discover.ts";

Deno.test("findManifest(): --manifest, else beside the binary (compiled only), else the config dir", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kw-discover-" });
  try {
    const bin = join(dir, "bin");
    const cfg = join(dir, "cfg");
    await Deno.mkdir(bin);
    await Deno.mkdir(cfg);
    const base = { standalone: true, execPath: join(bin, "kiriwake"), configDir: cfg };
    assert.equal(await findManifest(base), null);
    await Deno.writeTextFile(join(cfg, "manifest.json"), "{}");
    assert.equal(await findManifest(base), join(cfg, "manifest.json"));
    await Deno.writeTextFile(join(bin, "manifest.json"), "{}");
    assert.equal(await findManifest(base), join(bin, "manifest.json"));
    assert.equal(await findManifest({ ...base, standalone: false }), join(cfg, "manifest.json"));
    assert.equal(await findManifest({ ...base, flag: "x.json" }), "x.json");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

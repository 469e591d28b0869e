import assert from "node:assert/strict";
import { join } from "node:path";
import { testBrand, withTempDir } from "../consent/testing.ts";
import { main } from "../main.ts";
import { BUILTIN_PROBES } from "../probes/mod.ts";
import { startCountingTargets } from "../tests/support/counting_targets.ts";
import { memoryIo } from "../session/command.ts";

const NOW = new Date("2027-02-01T00:00:00Z");
const brand = await testBrand();

async function kit(dir: string, args: string[], lang = "en") {
  const io = memoryIo("");
  const code = await main([...args, "--lang", lang], io, { brand, configDir: dir, now: () => NOW });
  return { code, out: io.stdout, err: io.stderr };
}

Deno.test("run --dry-run previews per category, measures nothing and writes nothing", async () => {
  const targets = await startCountingTargets();
  try {
    await withTempDir(async (dir) => {
      const base = join(dir, "..");
      const config = join(base, "config.json");
      await Deno.writeTextFile(config, JSON.stringify(targets.config));
      const out = join(base, "out");
      const args = ["run", "--dry-run", "--config", config, "--out", out];
      const r = await kit(dir, [...args, "--json", "--consent", "device,measurements"]);
      assert.equal(r.code, 0, r.err);
      const p = JSON.parse(r.out);
      assert.equal(p.dryRun, true);
      assert.equal(p.basis, "consent-flag");
      assert.equal(p.terms.accepted, false);
      assert.deepEqual(p.granted, ["device", "measurements"]);
      const skipped = p.probes.filter((x: { runs: boolean }) => !x.runs).map((x: { id: string }) =>
        x.id
      );
      const expected = BUILTIN_PROBES.filter((x) =>
        x.dataCategories.some((c) => c !== "device" && c !== "measurements") ||
        !(x.platforms as readonly string[]).includes(Deno.build.os)
      ).map((x) => x.id);
      // The preview lists probes in run order (dependencies first); compare as sets.
      assert.deepEqual([...skipped].sort(), [...expected].sort());
      assert.ok(skipped.includes("net.interfaces"));
      assert.ok(
        p.identifiers.every((i: { inReport: string }) => i.inReport.startsWith("[redacted:")),
      );
      const text = await kit(dir, args);
      assert.match(text.out, /Dry run: nothing is measured and nothing is written/);
      assert.match(text.out, /\[mask {2}\] identifiers/);
      assert.match(text.out, /shown with the prompt's defaults \(identifiers masked\)/);
      const ja = await kit(dir, args, "ja");
      assert.match(ja.out, /何も測定せず、何も保存しません/);

      assert.deepEqual(targets.counts(), { tcp: 0, http: 0, dns: 0 });
      await assert.rejects(Deno.stat(out), Deno.errors.NotFound);
      await assert.rejects(Deno.stat(dir), Deno.errors.NotFound, "not even the config dir");

      // After acceptance the preview follows the stored consent and names blockers.
      await kit(dir, ["terms", "accept", brand.terms.version, "--consent", "all"]);
      const after = JSON.parse((await kit(dir, [...args, "--json"])).out);
      assert.equal(after.basis, "record");
      assert.equal(after.granted.length, 4);
      assert.ok(
        after.identifiers.every((i: { value: string; inReport: string }) => i.value === i.inReport),
      );
      assert.deepEqual(after.wouldRefuse, []);
    });
  } finally {
    await targets.close();
  }
});

Deno.test("run --dry-run says when a run would be refused (licence), still without measuring", async () => {
  await withTempDir(async (dir) => {
    const io = memoryIo("");
    const strict = await testBrand({ licenceRequired: true });
    const code = await main(["run", "--dry-run", "--lang", "en"], io, {
      brand: strict,
      configDir: dir,
      now: () => NOW,
    });
    assert.equal(code, 0);
    assert.match(io.stdout, /A run would be refused:\n {2}kiriwake needs a licence/);
  });
});

import assert from "node:assert/strict";
import { join } from "node:path";
import { rememberReport } from "../consent/report_list.ts";
import { readRecordState, recordPath } from "../consent/record.ts";
import { testBrand, withTempDir } from "../consent/testing.ts";
import { main } from "../main.ts";
import { memoryIo } from "../session/command.ts";

const NOW = new Date("2027-02-01T00:00:00Z");
// The gate's mechanics, on a brand whose terms are version 1.0 whatever the default brand ships.
const brand = await testBrand({ version: "1.0" });

async function kit(dir: string, args: string[], input = "", tty = false) {
  const io = memoryIo(input, { tty });
  const code = await main([...args, "--lang", "en"], io, { brand, configDir: dir, now: () => NOW });
  return { code, out: io.stdout, err: io.stderr };
}

Deno.test("terms show prints the text with version, date and hash; --json gives both hashes", async () => {
  await withTempDir(async (dir) => {
    const text = await kit(dir, ["terms", "show"]);
    assert.equal(text.code, 0);
    assert.ok(text.out.startsWith(brand.terms.text.en));
    assert.match(
      text.out,
      new RegExp(
        `Version: 1\\.0  Effective: ${brand.terms.effectiveDate}  SHA-256: ${brand.terms.sha256.en}`,
      ),
    );
    const json = JSON.parse((await kit(dir, ["terms", "show", "--json"])).out);
    assert.deepEqual(json.sha256ByLang, brand.terms.sha256);
    assert.deepEqual(json.declaredSha256ByLang, brand.terms.sha256);
    assert.equal(json.sha256, brand.terms.sha256.en);
  });
});

Deno.test("terms accept: a version on the command line, or the prompt on a terminal", async () => {
  await withTempDir(async (dir) => {
    assert.equal((await kit(dir, ["terms", "accept"])).code, 2, "no version, no terminal");
    assert.equal((await kit(dir, ["terms", "accept", "0.9"])).code, 3);
    assert.equal((await kit(dir, ["terms", "accept", "1.0", "--consent", "bogus"])).code, 2);
    const ok = await kit(dir, ["terms", "accept", "1.0", "--consent", "device,measurements"]);
    assert.equal(ok.code, 0);
    assert.match(
      ok.err,
      /Accepted terms version 1\.0\. Categories that may be recorded: device, measurements/,
    );
    assert.equal((await kit(dir, ["terms", "revoke"])).code, 0);
    const asked = await kit(dir, ["terms", "accept"], "yes\ny\ny\ny\n", true);
    assert.equal(asked.code, 0);
    const s = await readRecordState(dir);
    assert.equal(s.state === "ok" && s.record.method, "prompt");
    assert.equal(s.state === "ok" && s.record.granted.length, 4);
    const declined = await kit(dir, ["terms", "accept"], "no\n", true);
    assert.equal(declined.code, 3);
  });
});

Deno.test("terms status --json says whether and what was accepted, and flags a damaged record with exit 4", async () => {
  await withTempDir(async (dir) => {
    const before = JSON.parse((await kit(dir, ["terms", "status", "--json"])).out);
    assert.equal(before.accepted, false);
    assert.equal(before.problem, "not-accepted");
    assert.equal(before.sha256, brand.terms.sha256.en);
    await kit(dir, ["terms", "accept", "1.0", "--consent", "measurements"]);
    const after = JSON.parse((await kit(dir, ["terms", "status", "--json"])).out);
    assert.equal(after.accepted, true);
    assert.equal(after.acceptedAt, NOW.toISOString());
    assert.deepEqual(after.granted, ["measurements"]);
    assert.equal(after.method, "command");
    const text = await kit(dir, ["terms", "status"]);
    assert.match(text.out, /Accepted: yes \(2027-02-01T00:00:00\.000Z; categories: measurements\)/);

    await Deno.writeTextFile(recordPath(dir), "{ half a rec");
    const damaged = await kit(dir, ["terms", "status", "--json"]);
    assert.equal(damaged.code, 4);
    const j = JSON.parse(damaged.out);
    assert.equal(j.accepted, false);
    assert.equal(j.recordState, "damaged");
    assert.match(j.detail, /not JSON/);
    // And a run refuses it with exit 4, never measuring.
    assert.equal((await kit(dir, ["run", "--out", join(dir, "r")])).code, 4);
  });
});

Deno.test("terms revoke removes the record and names the reports that remain on disk", async () => {
  await withTempDir(async (dir) => {
    await kit(dir, ["terms", "accept", "1.0"]);
    const kept = join(dir, "r1", "report.json");
    const deleted = join(dir, "r2", "report.json");
    for (const p of [kept, deleted]) {
      await Deno.mkdir(join(p, ".."), { recursive: true });
      await Deno.writeTextFile(p, "{}");
      await rememberReport(dir, p, NOW);
    }
    await Deno.remove(deleted);
    const r = await kit(dir, ["terms", "revoke"]);
    assert.equal(r.code, 0);
    assert.match(r.out, /Consent withdrawn/);
    assert.match(r.out, /These reports remain on disk/);
    assert.ok(r.out.includes(kept));
    assert.ok(!r.out.includes(deleted));
    assert.deepEqual(await readRecordState(dir), { state: "none" });
    const again = JSON.parse((await kit(dir, ["terms", "revoke", "--json"])).out);
    assert.equal(again.removed, false);
    assert.deepEqual(again.remainingReports.map((x: { path: string }) => x.path), [kept]);
    await Deno.remove(kept);
    assert.match((await kit(dir, ["terms", "revoke"])).out, /No report saved by this kit remains/);
  });
});

Deno.test("terms revoke removes a damaged record too", async () => {
  await withTempDir(async (dir) => {
    await kit(dir, ["terms", "accept", "1.0"]);
    await Deno.writeTextFile(recordPath(dir), "garbage");
    const r = await kit(dir, ["terms", "revoke"]);
    assert.equal(r.code, 0);
    assert.match(r.out, /Consent withdrawn/);
    assert.deepEqual(await readRecordState(dir), { state: "none" });
  });
});

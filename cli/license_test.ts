import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import type { Brand } from "../brand/schema.ts";
import { fromBase64, toBase64 } from "../util/crypto.ts";
import { licencePath } from "../consent/licence_store.ts";
import { readReportList } from "../consent/report_list.ts";
import { testBrand, testProvider, withTempDir } from "../consent/testing.ts";
import { main } from "../main.ts";
import { reportSchema } from "../report/schema.ts";
import { startCountingTargets } from "../tests/support/counting_targets.ts";
import { memoryIo } from "../session/command.ts";

const NOW = new Date("2027-02-01T00:00:00Z");
const provider = await testProvider();
const strict = await testBrand({ licenceRequired: true, publicKeys: [provider.key.publicKey] });

async function kit(dir: string, args: string[], brand: Brand = strict, now = NOW) {
  const io = memoryIo("");
  const code = await main([...args, "--lang", "en"], io, { brand, configDir: dir, now: () => now });
  return { code, out: io.stdout, err: io.stderr };
}

async function file(dir: string, name: string, text: string): Promise<string> {
  await Deno.mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await Deno.writeTextFile(path, text);
  return path;
}

Deno.test("license keygen → issue → install → status: the provider's and the customer's path", async () => {
  await withTempDir(async (dir) => {
    const work = join(dir, "..", "provider");
    const keyFile = join(work, "key.json");
    await Deno.mkdir(work);
    const gen = await kit(dir, ["license", "keygen", "--out", keyFile]);
    assert.equal(gen.code, 0);
    const { keyId, publicKey } = JSON.parse(gen.out);
    assert.equal((await Deno.stat(keyFile)).mode! & 0o777, 0o600);
    assert.equal(
      (await kit(dir, ["license", "keygen", "--out", keyFile])).code,
      4,
      "never overwrites",
    );
    const brand = await testBrand({ licenceRequired: true, publicKeys: [publicKey] });

    const lic = join(work, "customer.json");
    const issued = await kit(dir, [
      "license",
      "issue",
      "--key",
      keyFile,
      "--licensee",
      "C-7",
      "--licensee-name",
      "Sato",
      "--services",
      "fiber, ipv6",
      "--not-after",
      "2027-12-31",
      "--out",
      lic,
    ], brand);
    assert.equal(issued.code, 0, issued.err);
    assert.equal(issued.err, "", "the key is in this brand: no warning");
    assert.equal(JSON.parse(await Deno.readTextFile(lic)).keyId, keyId);

    assert.equal((await kit(dir, ["license", "status"], brand)).code, 3, "required, none yet");
    const inst = await kit(dir, ["license", "install", lic], brand);
    assert.equal(inst.code, 0, inst.err);
    assert.match(inst.err, /Licence installed \(C-7, valid until 2027-12-31 23:59 UTC\)/);
    const st = await kit(dir, ["license", "status", "--json"], brand);
    assert.equal(st.code, 0);
    const j = JSON.parse(st.out);
    assert.equal(j.status, "valid");
    assert.deepEqual(j.services, ["fiber", "ipv6"]);
    assert.equal(j.notBefore, NOW.toISOString(), "not-before defaults to the issue time");
    assert.equal(j.keyId, keyId);
    const text = await kit(dir, ["license", "status"], brand);
    assert.match(text.out, /State: valid\nLicensee: C-7\n/);
    assert.equal((await kit(dir, ["license", "remove"], brand)).code, 0);
    assert.equal((await kit(dir, ["license", "status"], brand)).code, 3);
  });
});

Deno.test("license install refuses tampered, truncated and foreign files (exit 4) and expired ones (exit 3)", async () => {
  const stranger = await testProvider();
  await withTempDir(async (dir) => {
    const good = await provider.issue();
    const t = JSON.parse(good);
    const sig = fromBase64(t.signature)!;
    sig[0] ^= 0x80;
    const cases: [string, string, number, RegExp][] = [
      ["tampered", JSON.stringify({ ...t, signature: toBase64(sig) }), 4, /signature is wrong/],
      ["truncated", good.slice(0, 100), 4, /not a valid licence \(not JSON/],
      ["foreign", await stranger.issue(), 4, /signed by a key kiriwake does not know/],
      [
        "other product",
        await provider.issue({ product: "other" }),
        3,
        /for "other", not for kiriwake/,
      ],
      [
        "expired",
        await provider.issue({ notAfter: "2027-01-31T00:00:00.000Z" }),
        3,
        /expired on 2027-01-31 00:00 UTC/,
      ],
      [
        "early",
        await provider.issue({
          notBefore: "2027-06-01T00:00:00.000Z",
          notAfter: "2027-12-01T00:00:00.000Z",
        }),
        3,
        /starts on 2027-06-01/,
      ],
    ];
    for (const [name, text, code, why] of cases) {
      const r = await kit(dir, [
        "license",
        "install",
        await file(join(dir, "..", "in"), `${name}.json`, text),
      ]);
      assert.equal(r.code, code, name);
      assert.match(r.err, why, name);
      await assert.rejects(
        Deno.stat(licencePath(dir)),
        Deno.errors.NotFound,
        `${name}: not installed`,
      );
    }
    assert.equal((await kit(dir, ["license", "install", join(dir, "missing.json")])).code, 4);
    assert.equal((await kit(dir, ["license", "install"])).code, 2);
  });
});

Deno.test("license status explains an installed licence that expired or was edited in place", async () => {
  await withTempDir(async (dir) => {
    await kit(dir, [
      "license",
      "install",
      await file(join(dir, "..", "in"), "l.json", await provider.issue()),
    ]);
    const later = await kit(dir, ["license", "status"], strict, new Date("2027-04-10T00:00:00Z"));
    assert.equal(later.code, 3);
    assert.match(later.out, /State: The licence expired on 2027-03-31 23:59 UTC/);
    // Within the clock-skew tolerance it is still valid.
    const skew = await kit(dir, ["license", "status"], strict, new Date("2027-04-01T00:04:00Z"));
    assert.equal(skew.code, 0);
    const text = await Deno.readTextFile(licencePath(dir));
    await Deno.writeTextFile(licencePath(dir), text.replace('"payload": "', '"payload": "AAAA'));
    const edited = await kit(dir, ["license", "status", "--json"]);
    assert.equal(edited.code, 3);
    assert.equal(JSON.parse(edited.out).problem, "bad-signature");
    // Not required by the default brand: shown, but not blocking.
    const relaxed = await kit(
      dir,
      ["license", "status"],
      await testBrand({ publicKeys: [provider.key.publicKey] }),
    );
    assert.equal(relaxed.code, 0);
    assert.match(relaxed.out, /Licence: not required\nState: The licence signature is wrong/);
  });
});

Deno.test("license issue checks its flags and its key file", async () => {
  await withTempDir(async (dir) => {
    const keyFile = await file(join(dir, "..", "p"), "key.json", JSON.stringify(provider.key));
    const base = ["license", "issue", "--key", keyFile, "--licensee", "C", "--services", "s"];
    assert.equal((await kit(dir, base)).code, 2, "--not-after missing");
    const bad = await kit(dir, [...base, "--not-after", "next year"]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--not-after: not a date \(2027-03-31\) or an ISO time: "next year"/);
    assert.equal(
      (await kit(dir, [...base, "--not-after", "2026-01-01"])).code,
      2,
      "ends before it starts",
    );
    const other = await testBrand();
    const warned = await kit(dir, [...base, "--not-after", "2027-05-01"], other);
    assert.equal(warned.code, 0);
    assert.match(warned.err, /is not in this build's brand configuration/);
    const mixed = await file(
      join(dir, "..", "p"),
      "mixed.json",
      JSON.stringify({ ...provider.key, publicKey: (await testProvider()).key.publicKey }),
    );
    const m = await kit(dir, [
      "license",
      "issue",
      "--key",
      mixed,
      "--licensee",
      "C",
      "--services",
      "s",
      "--not-after",
      "2027-05-01",
    ]);
    assert.equal(m.code, 4);
    assert.match(m.err, /private key does not match its public key/);
    const junk = await file(join(dir, "..", "p"), "junk.json", "{");
    assert.equal(
      (await kit(dir, [
        "license",
        "issue",
        "--key",
        junk,
        "--licensee",
        "C",
        "--services",
        "s",
        "--not-after",
        "2027-05-01",
      ])).code,
      4,
    );
  });
});

Deno.test("run: a required licence that is missing or expired stops the run with exit 3 before any traffic", async () => {
  const targets = await startCountingTargets();
  try {
    await withTempDir(async (dir) => {
      const config = await file(
        join(dir, "..", "c"),
        "config.json",
        JSON.stringify(targets.config),
      );
      const out = join(dir, "..", "out");
      const run = (now = NOW) =>
        kit(
          dir,
          [
            "run",
            "--accept-terms",
            strict.terms.version,
            "--consent",
            "all",
            "--config",
            config,
            "--out",
            out,
            "--quiet",
          ],
          strict,
          now,
        );
      const missing = await run();
      assert.equal(missing.code, 3);
      assert.match(missing.err, /needs a licence, and none is installed/);
      await kit(dir, [
        "license",
        "install",
        await file(join(dir, "..", "in"), "l.json", await provider.issue()),
      ]);
      const expired = await run(new Date("2027-06-01T00:00:00Z"));
      assert.equal(expired.code, 3);
      assert.match(expired.err, /The licence expired on 2027-03-31 23:59 UTC/);
      assert.deepEqual(targets.counts(), { tcp: 0, http: 0, dns: 0 }, "nothing was probed");
      await assert.rejects(Deno.stat(out), Deno.errors.NotFound, "no report directory was made");

      // Control: with a valid licence the same run measures, and the report carries the licence.
      const ok = await run();
      assert.ok(ok.code === 0 || ok.code === 1, ok.err);
      assert.ok(targets.counts().tcp > 0 && targets.counts().http > 0);
      const report = reportSchema.parse(
        JSON.parse(await Deno.readTextFile(join(out, "report.json"))),
      );
      assert.equal(report.licence.status, "valid");
      assert.equal(report.licence.licensee, "C-42");
      assert.equal(report.licence.id, "lic-test-1");
      assert.equal(report.licence.notAfter, "2027-03-31T23:59:59.999Z");
      // The run remembered its report, so that terms revoke can name it.
      const listed = (await readReportList(dir)).map((r) => r.path);
      assert.deepEqual(listed, [join(resolve(out), "report.json")]);
    });
  } finally {
    await targets.close();
  }
});

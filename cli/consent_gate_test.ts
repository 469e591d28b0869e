import assert from "node:assert/strict";
import { memoryIo } from "../session/command.ts";
import { InvalidInputError, RefusedError } from "../util/errors.ts";
import type { GateInput } from "../consent/gate.ts";
import { installLicence } from "../consent/licence_store.ts";
import { readRecordState, recordPath } from "../consent/record.ts";
import { testBrand, testProvider, withTempDir } from "../consent/testing.ts";
import type { Io } from "../session/command.ts";
import { ensureConsent } from "./consent_gate.ts";

const NOW = new Date("2027-02-01T00:00:00Z");
// The gate's mechanics, on a brand whose terms are version 1.0 whatever the default brand ships.
const brand = await testBrand({ version: "1.0" });

function input(dir: string, over: Partial<GateInput & { io: Io }> = {}): GateInput & { io: Io } {
  return { brand, lang: "en", io: memoryIo(""), dir, now: NOW, os: "linux", ...over };
}

async function recordOf(dir: string) {
  const s = await readRecordState(dir);
  assert.equal(s.state, "ok");
  return s.state === "ok" ? s.record : null!;
}

Deno.test("ensureConsent() without a terminal or --accept-terms refuses and records nothing", async () => {
  await withTempDir(async (dir) => {
    await assert.rejects(
      ensureConsent(input(dir)),
      (e) => e instanceof RefusedError && /--accept-terms 1\.0 --consent all/.test(e.message),
    );
    assert.deepEqual(await readRecordState(dir), { state: "none" });
  });
});

Deno.test("ensureConsent() asks on a terminal; identifiers stay masked unless the customer says yes", async () => {
  await withTempDir(async (dir) => {
    // yes to the terms, then Enter for identifiers, network and device (the defaults).
    const io = memoryIo("yes\n\n\n\n", { tty: true });
    const grant = await ensureConsent(input(dir, { io }));
    assert.ok(io.stderr.includes(brand.terms.text.en), "the terms were shown");
    assert.match(io.stderr, new RegExp(`version 1\\.0, effective ${brand.terms.effectiveDate}`));
    assert.deepEqual(grant.granted, ["device", "network", "measurements"]);
    assert.deepEqual(grant.refused, ["identifiers"]);
    const rec = await recordOf(dir);
    assert.equal(rec.method, "prompt");
    assert.equal(rec.terms.lang, "en");
    assert.equal(rec.terms.sha256, brand.terms.sha256.en);
    assert.equal(rec.acceptedAt, NOW.toISOString());

    // The next run uses the record without asking again.
    const again = memoryIo("", { tty: true });
    const second = await ensureConsent(input(dir, { io: again }));
    assert.equal(again.stderr, "");
    assert.deepEqual(second.granted, grant.granted);
  });
});

Deno.test("ensureConsent() takes each answer: n for device, y for identifiers, again on an unclear one", async () => {
  await withTempDir(async (dir) => {
    // Asked in order: device, network, identifiers.
    const io = memoryIo("はい\nn\nmaybe\nyes\ny\n", { tty: true, env: {} });
    const grant = await ensureConsent(input(dir, { io, lang: "ja" }));
    assert.deepEqual(grant.granted, ["network", "identifiers", "measurements"]);
    assert.equal((await recordOf(dir)).terms.lang, "ja");
    assert.match(io.stderr, /yes \/ no: /, "an unclear answer is asked again");
  });
});

Deno.test("ensureConsent() refuses when the customer declines or input ends", async () => {
  for (const typed of ["no\n", "", "\n", "what\nwhat\nwhat\nwhat\nwhat\nyes\n"]) {
    await withTempDir(async (dir) => {
      await assert.rejects(
        ensureConsent(input(dir, { io: memoryIo(typed, { tty: true }) })),
        (e) => e instanceof RefusedError && /not accepted, so nothing was measured/.test(e.message),
        JSON.stringify(typed),
      );
      assert.deepEqual(await readRecordState(dir), { state: "none" });
    });
  }
});

Deno.test("ensureConsent() with --accept-terms needs the exact version and the categories", async () => {
  await withTempDir(async (dir) => {
    await assert.rejects(
      ensureConsent(input(dir, { acceptTerms: "0.9", consent: "all" })),
      /0\.9 is not the current terms version; the current version is 1\.0/,
    );
    await assert.rejects(
      ensureConsent(input(dir, { acceptTerms: "1.0" })),
      /Name the data categories that may be recorded with --consent/,
    );
    assert.deepEqual(await readRecordState(dir), { state: "none" });
    const grant = await ensureConsent(
      input(dir, { acceptTerms: "1.0", consent: "device,measurements" }),
    );
    assert.deepEqual(grant.refused, ["network", "identifiers"]);
    assert.equal((await recordOf(dir)).method, "command");
    // With a record of the current terms, --accept-terms alone keeps its categories.
    const again = await ensureConsent(input(dir, { acceptTerms: "1.0" }));
    assert.deepEqual(again.granted, ["device", "measurements"]);
  });
});

Deno.test("ensureConsent() asks again after a new terms version, and refuses without a terminal", async () => {
  await withTempDir(async (dir) => {
    await ensureConsent(input(dir, { acceptTerms: "1.0", consent: "all" }));
    const v2 = await testBrand({ version: "2.0", text: "Terms v2" });
    await assert.rejects(
      ensureConsent(input(dir, { brand: v2 })),
      (e) =>
        e instanceof RefusedError && /changed from version 1\.0 to version 2\.0/.test(e.message),
    );
    assert.equal((await recordOf(dir)).terms.version, "1.0", "the old record is not touched");
    const io = memoryIo("yes\ny\ny\ny\n", { tty: true });
    const grant = await ensureConsent(input(dir, { brand: v2, io }));
    assert.match(io.stderr, /changed from version 1\.0 to version 2\.0/);
    assert.ok(io.stderr.includes("Terms v2 (en)"));
    assert.equal(grant.record.terms.version, "2.0");
    assert.equal((await recordOf(dir)).terms.version, "2.0");
  });
});

Deno.test("ensureConsent() asks again when the words of the same version changed", async () => {
  await withTempDir(async (dir) => {
    await ensureConsent(input(dir, { acceptTerms: "1.0", consent: "all" }));
    const reworded = await testBrand({ version: "1.0", text: "Same version, other words" });
    await assert.rejects(
      ensureConsent(input(dir, { brand: reworded })),
      /text of terms version 1\.0 is not the text that was accepted/,
    );
  });
});

Deno.test("ensureConsent() refuses terms whose hash does not match what the brand declares", async () => {
  await withTempDir(async (dir) => {
    const broken = await testBrand({ version: "1.0", declaredEn: "f".repeat(64) });
    for (const over of [{}, { acceptTerms: "1.0", consent: "all" }]) {
      await assert.rejects(
        ensureConsent(input(dir, { brand: broken, io: memoryIo("yes\n", { tty: true }), ...over })),
        (e) => e instanceof RefusedError && /not to the SHA-256 the brand declares/.test(e.message),
      );
    }
    assert.deepEqual(await readRecordState(dir), { state: "none" });
  });
});

Deno.test("ensureConsent() treats a hand-edited or unreadable record as invalid input, never as consent", async () => {
  await withTempDir(async (dir) => {
    await ensureConsent(input(dir, { acceptTerms: "1.0", consent: "measurements" }));
    const text = await Deno.readTextFile(recordPath(dir));
    await Deno.writeTextFile(
      recordPath(dir),
      text.replace('"measurements"', '"identifiers", "measurements"'),
    );
    const io = memoryIo("yes\n", { tty: true });
    await assert.rejects(
      ensureConsent(input(dir, { io })),
      (e) => e instanceof InvalidInputError && /damaged or was edited by hand/.test(e.message),
    );
    assert.equal(io.stderr, "", "no prompt over a damaged record");
    // Accepting explicitly again replaces it.
    const grant = await ensureConsent(input(dir, { acceptTerms: "1.0", consent: "all" }));
    assert.equal(grant.granted.length, 4);
    await Deno.remove(recordPath(dir));
    await Deno.mkdir(recordPath(dir));
    await assert.rejects(
      ensureConsent(input(dir)),
      (e) => e instanceof InvalidInputError && /Cannot read the consent record/.test(e.message),
    );
  });
});

Deno.test("ensureConsent() cannot write into a config dir that is a file: invalid input", async () => {
  await withTempDir(async (dir) => {
    await Deno.mkdir(dir.replace(/\/cfg$/, ""), { recursive: true });
    await Deno.writeTextFile(dir, "not a directory");
    await assert.rejects(
      ensureConsent(input(dir, { acceptTerms: "1.0", consent: "all" })),
      (e) => e instanceof InvalidInputError && /Cannot write the consent record/.test(e.message),
    );
  });
});

Deno.test("ensureConsent() narrows per run, refuses below the required, and notes what was never consented", async () => {
  await withTempDir(async (dir) => {
    await ensureConsent(input(dir, { acceptTerms: "1.0", consent: "device,measurements" }));
    const narrowed = await ensureConsent(input(dir, { consent: "measurements" }));
    assert.deepEqual(narrowed.granted, ["measurements"]);
    assert.deepEqual((await recordOf(dir)).granted, ["device", "measurements"], "record unchanged");
    await assert.rejects(
      ensureConsent(input(dir, { consent: "device" })),
      (e) => e instanceof RefusedError && /needs consent to record measurements/.test(e.message),
    );
    const wider = await ensureConsent(input(dir, { consent: "all" }));
    assert.deepEqual(wider.granted, ["device", "measurements"]);
    assert.equal(wider.warnings.length, 2);
    assert.match(wider.warnings[0].en, /network .* is not recorded: it was not consented/);
  });
});

Deno.test("ensureConsent() refuses for the licence before asking anything", async () => {
  const provider = await testProvider();
  const strict = await testBrand({
    version: "1.0",
    licenceRequired: true,
    publicKeys: [provider.key.publicKey],
  });
  await withTempDir(async (dir) => {
    const io = memoryIo("yes\n\n\n\n", { tty: true });
    await assert.rejects(
      ensureConsent(input(dir, { brand: strict, io })),
      (e) => e instanceof RefusedError && /needs a licence, and none is installed/.test(e.message),
    );
    assert.equal(io.stderr, "", "the terms were not even shown");
    await assert.rejects(
      ensureConsent(input(dir, { brand: strict, acceptTerms: "1.0", consent: "all" })),
      /needs a licence/,
    );
    assert.deepEqual(await readRecordState(dir), { state: "none" }, "nothing recorded");

    await installLicence(dir, await provider.issue());
    const grant = await ensureConsent(
      input(dir, { brand: strict, acceptTerms: "1.0", consent: "all" }),
    );
    assert.equal(grant.licence.status, "valid");
    assert.equal(grant.licence.licensee, "C-42");
    await assert.rejects(
      ensureConsent(input(dir, { brand: strict, now: new Date("2027-04-02T00:00:00Z") })),
      /The licence expired on 2027-03-31 23:59 UTC/,
    );
  });
});

Deno.test("ensureConsent() follows the brand's OS policy: warn or refuse", async () => {
  await withTempDir(async (dir) => {
    const warn = await testBrand({ version: "1.0", supported: ["windows"], elsewhere: "warn" });
    const grant = await ensureConsent(
      input(dir, { brand: warn, acceptTerms: "1.0", consent: "all" }),
    );
    assert.match(
      grant.warnings[0].en,
      /This OS \(linux\) is not one kiriwake supports \(windows\)/,
    );
    const refuse = await testBrand({
      version: "1.0",
      supported: ["windows", "darwin"],
      elsewhere: "refuse",
    });
    await assert.rejects(
      ensureConsent(input(dir, { brand: refuse })),
      (e) =>
        e instanceof RefusedError && /\(windows, darwin\), so nothing is measured/.test(e.message),
    );
  });
});

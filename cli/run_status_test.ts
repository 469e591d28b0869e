import assert from "node:assert/strict";
import { join } from "node:path";
import { loadBrand } from "../brand/schema.ts";
import { installLicence } from "../consent/licence_store.ts";
import { signStatus, type StatusPayload } from "../consent/status_document.ts";
import { testBrand, testProvider } from "../consent/testing.ts";
import { main } from "../main.ts";
import { sampleReport } from "../report/html/testing.ts";
import { reportPaths, writeReport } from "../report/store.ts";
import { memoryIo } from "../session/command.ts";
import { commitSend } from "../session/send/deliver.ts";
import { planSend } from "../session/send/plan.ts";
import { fakeCollector } from "../session/send/testing.ts";
import { startCountingTargets } from "../tests/support/counting_targets.ts";
import { generateEd25519 } from "../util/crypto.ts";
import { VERSION } from "../util/version.ts";

const NOW = new Date("2027-02-01T00:00:00Z");
const provider = await testProvider();
const statusKey = await generateEd25519();

/** A brand with a licence key, a collector at `url` and a status key; a home for the kit. */
async function setup(url: string) {
  const base = await testBrand({ publicKeys: [provider.key.publicKey] });
  const brand = loadBrand({
    ...structuredClone(base),
    collector: { urls: [url] },
    status: { publicKeys: [statusKey.publicKey] },
  });
  const dir = await Deno.makeTempDir({ prefix: "kw-run-status-" });
  const targets = await startCountingTargets();
  await Deno.writeTextFile(join(dir, "config.json"), JSON.stringify(targets.config));
  await installLicence(join(dir, "cfg"), await provider.issue());
  const env = { KIRIWAKE_DATA_DIR: join(dir, "data"), HOME: dir };
  const run = async () => {
    const io = memoryIo("", { env });
    const code = await main(
      [
        "run",
        "--accept-terms",
        brand.terms.version,
        "--consent",
        "all",
        "--config",
        join(dir, "config.json"),
        "--out",
        join(dir, "out"),
        "--lang",
        "en",
      ],
      io,
      { brand, configDir: join(dir, "cfg"), now: () => NOW },
    );
    return { code, err: io.stderr };
  };
  const status = (over: Partial<StatusPayload>) =>
    signStatus({
      schema: "kiriwake.status/v1",
      issuedAt: "2027-01-31T00:00:00Z",
      expiresAt: "2027-02-07T00:00:00Z",
      product: brand.id,
      latestVersion: VERSION,
      terms: { version: brand.terms.version },
      revokedLicences: [],
      notices: [],
      ...over,
    }, statusKey);
  const cleanup = async () => {
    await targets.close();
    await Deno.remove(dir, { recursive: true });
  };
  return { brand, dir, env, targets, run, status, cleanup };
}

Deno.test("run: a licence the provider suspended stops the run with exit 3 before any traffic", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    fake.statusText = await s.status({ revokedLicences: ["lic-test-1"] });
    const r = await s.run();
    assert.equal(r.code, 3, r.err);
    assert.match(r.err, /suspended this licence \(id lic-test-1\)/);
    assert.deepEqual(s.targets.counts(), { tcp: 0, http: 0, dns: 0 }, "nothing was probed");
    // Offline, the suspension learnt online still holds until the document expires.
    await fake.close();
    assert.equal((await s.run()).code, 3);
  } finally {
    await fake.close().catch(() => {});
    await s.cleanup();
  }
});

Deno.test("run: a newer version and notices are announced, and the run goes on", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    fake.statusText = await s.status({
      latestVersion: "9.0.0",
      revokedLicences: ["someone-else"],
      notices: [{
        id: "m1",
        severity: "info",
        text: { ja: "工事のお知らせ", en: "Maintenance tonight" },
      }],
    });
    const r = await s.run();
    assert.ok(r.code === 0 || r.code === 1, r.err);
    assert.match(r.err, /A newer version, 9\.0\.0, is available/);
    assert.match(r.err, /Maintenance tonight/);
    assert.ok(s.targets.counts().tcp > 0);
  } finally {
    await fake.close();
    await s.cleanup();
  }
});

Deno.test("run: a report queued while the line was down is sent after the next run", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const paths = reportPaths(join(s.dir, "earlier"));
    await Deno.mkdir(paths.dir);
    await writeReport(paths, await sampleReport(), "en");
    const plan = await planSend({
      brand: s.brand,
      configDir: join(s.dir, "cfg"),
      reportPath: paths.json,
    });
    await commitSend({ brand: s.brand, dataDir: s.env.KIRIWAKE_DATA_DIR, now: () => NOW }, plan, {
      method: "flag",
    });
    assert.equal(fake.uploads, 0);
    const r = await s.run();
    assert.ok(r.code === 0 || r.code === 1, r.err);
    const [receipt] = fake.stored.keys();
    assert.ok(receipt, "the queued report arrived");
    assert.match(r.err, new RegExp(`has been sent\\. Receipt code: ${receipt}`));
    const licence = fake.stored.get(receipt)!.licence;
    assert.match(licence ?? "", /kiriwake\.licence-token\/v1/, "the licence went with it");
  } finally {
    await fake.close();
    await s.cleanup();
  }
});

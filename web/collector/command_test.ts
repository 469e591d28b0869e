import assert from "node:assert/strict";
import { join } from "node:path";
import { BRAND } from "../../brand/brand.ts";
import { COLLECTOR_COMMANDS } from "../../collector_main.ts";
import { main } from "../../main.ts";
import { memoryIo } from "../../session/command.ts";
import { settingsFromFlags } from "./command_flags.ts";
import { parseListen } from "./command.ts";

const NOW = new Date("2026-12-01T00:00:00Z");
const run = async (args: string[]) => {
  const io = memoryIo("", { env: { HOME: "/nonexistent" } });
  const code = await main([...args, "--lang", "en"], io, { now: () => NOW }, COLLECTOR_COMMANDS);
  return { code, out: io.stdout, err: io.stderr };
};

Deno.test("the collector is a command of the provider's entry only, not of the customer's kit", async () => {
  const io = memoryIo("", { env: { HOME: "/nonexistent" } });
  assert.equal(await main(["collector", "--lang", "en"], io), 2);
  assert.match(io.stderr, /Unknown command "collector"/);
});

Deno.test("parseListen() reads HOST:PORT and [v6]:PORT and refuses the rest", () => {
  assert.deepEqual(parseListen("127.0.0.1:8470"), { hostname: "127.0.0.1", port: 8470 });
  assert.deepEqual(parseListen("[::1]:0"), { hostname: "::1", port: 0 });
  assert.deepEqual(parseListen("0.0.0.0:80"), { hostname: "0.0.0.0", port: 80 });
  for (const bad of ["8470", "localhost", "::1:80", "host:99999", ":80"]) {
    assert.throws(() => parseListen(bad), /--listen must be HOST:PORT/, bad);
  }
});

Deno.test("settingsFromFlags() checks every flag and names the bad one", () => {
  assert.deepEqual(
    settingsFromFlags({ "retention-days": "30", receipts: "digits", "rate-source": "0" }),
    { retentionDays: 30, receiptStyle: "digits", rateSource: { perMinute: 0, burst: 1 } },
  );
  assert.deepEqual(settingsFromFlags({ "rate-licence": "120", "trust-proxy": true }), {
    rateLicence: { perMinute: 120, burst: 60 },
    trustProxy: true,
  });
  assert.throws(() => settingsFromFlags({ "retention-days": "0" }), /--retention-days must be/);
  assert.throws(() => settingsFromFlags({ "max-upload": "1e6" }), /--max-upload must be/);
  assert.throws(
    () => settingsFromFlags({ receipts: "emoji" }),
    /--receipts must be alnum or digits/,
  );
  assert.throws(() => settingsFromFlags({ "time-zone": "Mars/Olympus" }), /timeZone/);
});

Deno.test("collector status keygen, sign and show make and check a document the collector serves", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const key = join(dir, "status.key");
    const gen = await run(["collector", "status", "keygen", "--out", key]);
    assert.equal(gen.code, 0, gen.err);
    const { publicKey } = JSON.parse(gen.out);
    assert.equal((await Deno.stat(key)).mode! & 0o077, 0, "the key is private to its owner");
    assert.equal(
      (await run(["collector", "status", "keygen", "--out", key])).code,
      4,
      "never overwritten",
    );

    const payload = join(dir, "payload.json");
    await Deno.writeTextFile(
      payload,
      JSON.stringify({ latestVersion: "0.3.0", revokedLicences: ["lic-9"] }),
    );
    const signed = await run([
      "collector",
      "status",
      "sign",
      "--key",
      key,
      "--payload",
      payload,
      "--data",
      dir,
    ]);
    assert.equal(signed.code, 0, signed.err);
    const shown = await run(["collector", "status", "show", "--data", dir, "--key", key]);
    assert.equal(shown.code, 0, shown.err);
    const doc = JSON.parse(shown.out);
    assert.equal(doc.verified, true);
    assert.deepEqual(doc.payload, {
      schema: "kiriwake.status/v1",
      issuedAt: NOW.toISOString(),
      expiresAt: "2026-12-08T00:00:00.000Z",
      product: "kiriwake",
      latestVersion: "0.3.0",
      terms: { version: BRAND.terms.version },
      revokedLicences: ["lic-9"],
      notices: [],
    });
    assert.match(publicKey, /^[A-Za-z0-9+/]{43}=$/);

    await Deno.writeTextFile(payload, JSON.stringify({ latestVersion: "soon", extra: 1 }));
    const bad = await run([
      "collector",
      "status",
      "sign",
      "--key",
      key,
      "--payload",
      payload,
      "--out",
      "-",
    ]);
    assert.equal(bad.code, 4);
    assert.match(bad.err, /latestVersion: not a version/);
    assert.match(bad.err, /extra/);
    assert.equal((await run(["collector", "status", "sign"])).code, 2);
    assert.equal((await run(["collector", "status", "frobnicate"])).code, 2);
    assert.equal((await run(["collector", "nonsense"])).code, 2);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

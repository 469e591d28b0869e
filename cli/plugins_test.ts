import assert from "node:assert/strict";
import { join } from "node:path";
import { BRAND } from "../brand/brand.ts";
import type { Brand } from "../brand/schema.ts";
import { main } from "../main.ts";
import { memoryIo } from "../session/command.ts";

async function kit(args: string[], opts: { brand?: Brand; configDir: string }) {
  const io = memoryIo();
  const code = await main([...args, "--lang", "en"], io, {
    brand: opts.brand ?? BRAND,
    configDir: opts.configDir,
  });
  return { code, out: io.stdout, err: io.stderr };
}

Deno.test("plugins new scaffolds a plugin that verifies and whose own test passes", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kw-cli-plugins-" });
  try {
    const target = join(dir, "portal-check");
    const made = await kit(["plugins", "new", "portal-check", "--dir", target], { configDir: dir });
    assert.equal(made.code, 0, made.err);
    assert.match(made.out, /api\.ts, portal_check\.ts, portal_check_test\.ts, manifest\.json/);
    const verified = await kit(["plugins", "verify", join(target, "manifest.json")], {
      configDir: dir,
    });
    assert.equal(verified.code, 0, verified.err);
    assert.match(verified.out, /^OK: .*1 plugins from My ISP \(my-isp\), hashes match, unsigned/);
    const again = await kit(["plugins", "new", "portal-check", "--dir", target], {
      configDir: dir,
    });
    assert.equal(again.code, 2);
    assert.match(again.err, /already exists/);
    const test = await new Deno.Command(Deno.execPath(), {
      args: ["test", "--no-config", "portal_check_test.ts"],
      cwd: target,
    }).output();
    assert.equal(test.code, 0, new TextDecoder().decode(test.stderr));
    assert.match(new TextDecoder().decode(test.stdout), /3 passed/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("plugins keygen, sign and verify: a signed manifest passes a brand that refuses unsigned ones", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kw-cli-plugins-" });
  try {
    const target = join(dir, "p");
    await kit(["plugins", "new", "svc", "--dir", target, "--publisher", "acme"], {
      configDir: dir,
    });
    const manifest = join(target, "manifest.json");
    const keyFile = join(dir, "key.json");
    const gen = await kit(["plugins", "keygen", "--out", keyFile], { configDir: dir });
    assert.equal(gen.code, 0, gen.err);
    if (Deno.build.os !== "windows") assert.equal((await Deno.stat(keyFile)).mode! & 0o777, 0o600);
    const publicKey = gen.out.trim().split("\n").at(-1)!;
    const brand = { ...BRAND, plugins: { unsigned: "refuse" as const, publicKeys: [publicKey] } };

    const unsigned = await kit(["plugins", "verify", manifest], { brand, configDir: dir });
    assert.equal(unsigned.code, 3);
    assert.match(unsigned.err, /refuses unsigned plugin manifests/);

    const signed = await kit(["plugins", "sign", manifest, "--key", keyFile], { configDir: dir });
    assert.equal(signed.code, 0, signed.err);
    const ok = await kit(["plugins", "verify", manifest], { brand, configDir: dir });
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /signed by key [0-9a-f]{16}/);

    await Deno.writeTextFile(join(target, "svc.ts"), "\n// changed after signing\n", {
      append: true,
    });
    const changed = await kit(["plugins", "verify", manifest], { brand, configDir: dir });
    assert.equal(changed.code, 4);
    assert.match(changed.err, /probes\[0\] \(acme\.svc\)\.module\.sha256: "svc\.ts" has SHA-256/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("plugins list finds the manifest in the config directory, or says there is none", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kw-cli-plugins-" });
  try {
    const none = await kit(["plugins", "list"], { configDir: dir });
    assert.equal(none.code, 0);
    assert.equal(none.out, "No plugins\n");
    assert.equal((await kit(["plugins", "verify"], { configDir: dir })).code, 4);
    await kit(["plugins", "new", "svc", "--dir", dir], { configDir: dir });
    const listed = await kit(["plugins", "list", "--json"], { configDir: dir });
    assert.equal(listed.code, 0, listed.err);
    const json = JSON.parse(listed.out);
    assert.equal(json.manifest, join(dir, "manifest.json"));
    assert.deepEqual(json.plugins[0].permissions.net, ["www.example.net:443"]);
    assert.equal((await kit(["plugins"], { configDir: dir })).code, 2);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("run refuses an unsigned manifest before consent when the brand says so", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kw-cli-plugins-" });
  try {
    await kit(["plugins", "new", "svc", "--dir", dir], { configDir: dir });
    const brand = { ...BRAND, plugins: { unsigned: "refuse" as const, publicKeys: [] } };
    const r = await kit(
      ["run", "--manifest", join(dir, "manifest.json"), "--out", join(dir, "out")],
      { brand, configDir: join(dir, "cfg") },
    );
    assert.equal(r.code, 3);
    assert.match(r.err, /refuses unsigned plugin manifests/);
    await assert.rejects(Deno.stat(join(dir, "out")), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("__plugin-host is hidden from the list of commands", async () => {
  const r = await kit(["nosuch"], { configDir: "." });
  assert.equal(r.code, 2);
  assert.match(r.err, /plugins/);
  assert.doesNotMatch(r.err, /__plugin-host/);
});

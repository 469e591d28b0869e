import assert from "node:assert/strict";
import { join } from "node:path";
import { BRAND } from "../brand/brand.ts";
import { type Brand, loadBrand } from "../brand/schema.ts";
import { main } from "../main.ts";
import { sampleReport } from "../report/html/testing.ts";
import { seal } from "../report/digest.ts";
import { sendsOf } from "../report/send_record.ts";
import { reportPaths, writeReport } from "../report/store.ts";
import { readVerifiedReport } from "../report/verify.ts";
import { memoryIo } from "../session/command.ts";
import { fakeCollector } from "../session/send/testing.ts";
import { parseReceipt } from "../util/receipt.ts";

/** A saved report folder and a kit whose brand sends to `url`. */
async function setup(url: string) {
  const dir = await Deno.makeTempDir({ prefix: "kw-send-cli-" });
  const paths = reportPaths(join(dir, "report"));
  await Deno.mkdir(paths.dir);
  await writeReport(paths, await sampleReport(), "en");
  const brand: Brand = loadBrand({ ...structuredClone(BRAND), collector: { urls: [url] } });
  const kit = async (args: string[], opts: { input?: string; tty?: boolean } = {}) => {
    const io = memoryIo(opts.input ?? "", {
      tty: opts.tty,
      env: { KIRIWAKE_DATA_DIR: join(dir, "data"), HOME: dir },
    });
    const code = await main(["send", ...args, "--lang", "en"], io, {
      brand,
      configDir: join(dir, "cfg"),
    });
    return { code, out: io.stdout, err: io.stderr };
  };
  return { dir, paths, kit, cleanup: () => Deno.remove(dir, { recursive: true }) };
}

Deno.test("send --yes --json: the receipt on stdout, in report.json and report.txt", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const r = await s.kit([s.paths.dir, "--yes", "--json", "--ticket", "T-100"]);
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out);
    assert.equal(out.status, "sent");
    assert.equal(parseReceipt(out.receipt), out.receipt);
    assert.ok(fake.stored.has(out.receipt));
    assert.equal(fake.stored.get(out.receipt)!.ticket, "T-100");
    const report = await readVerifiedReport(s.paths.json);
    assert.equal(sendsOf(report)[0].receipt, out.receipt);
    assert.equal(sendsOf(report)[0].method, "flag");
    assert.ok((await Deno.readTextFile(s.paths.text)).includes(out.receipt));
  } finally {
    await fake.close();
    await s.cleanup();
  }
});

Deno.test("send without --yes and without a terminal sends nothing (exit 3)", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const before = await Deno.readTextFile(s.paths.json);
    const r = await s.kit([s.paths.json]);
    assert.equal(r.code, 3);
    assert.match(r.err, /consent at the moment of sending/);
    assert.equal(fake.uploads, 0);
    assert.equal(await Deno.readTextFile(s.paths.json), before);
    await assert.rejects(() => Deno.stat(join(s.dir, "data", "send")));
  } finally {
    await fake.close();
    await s.cleanup();
  }
});

Deno.test("send asks on a terminal, shows what leaves on request, and takes only yes", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const no = await s.kit([s.paths.json], { input: "no\n", tty: true });
    assert.equal(no.code, 3);
    assert.equal(fake.uploads, 0);
    const yes = await s.kit([s.paths.json], { input: "show\nyes\n", tty: true });
    assert.equal(yes.code, 0, yes.err);
    assert.match(yes.err, /Destination +http:\/\/127\.0\.0\.1/);
    assert.match(yes.err, /Information included +device \(OS, hardware\); network .*measurements/);
    assert.match(yes.err, /"schema": "kiriwake\.upload\/v1"/, "show prints the upload");
    assert.match(yes.out, /Receipt code:\n\n {6}K W - /);
    assert.equal(sendsOf(await readVerifiedReport(s.paths.json))[0].method, "prompt");
  } finally {
    await fake.close();
    await s.cleanup();
  }
});

Deno.test("send --dry-run shows the destination and the whole upload, sends and writes nothing", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const before = await Deno.readTextFile(s.paths.json);
    const r = await s.kit([s.paths.json, "--dry-run", "--json"]);
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out);
    assert.equal(out.sent, false);
    assert.equal(out.destination, fake.url);
    assert.equal(out.upload.report.digest.value, JSON.parse(before).digest.value);
    assert.deepEqual(out.preview.granted, JSON.parse(before).consent.granted);
    assert.equal(fake.uploads, 0);
    assert.equal(await Deno.readTextFile(s.paths.json), before);
    await assert.rejects(() => Deno.stat(join(s.dir, "data")));
  } finally {
    await fake.close();
    await s.cleanup();
  }
});

Deno.test("send with the line down queues (exit 1); --list shows it; --pending sends it", async () => {
  const probe = fakeCollector();
  const port = Number(new URL(probe.url).port);
  await probe.close();
  const s = await setup(`http://127.0.0.1:${port}`);
  try {
    const r = await s.kit([s.paths.json, "--yes", "--json"]);
    assert.equal(r.code, 1, r.err);
    const out = JSON.parse(r.out);
    assert.deepEqual([out.status, out.receipt], ["queued", null]);
    const list = JSON.parse((await s.kit(["--list", "--json"])).out);
    assert.equal(list.waiting[0].sendId, out.sendId);
    assert.equal((await s.kit(["--pending"])).code, 1, "still down");
    const fake = fakeCollector(port);
    try {
      const p = await s.kit(["--pending", "--json"]);
      assert.equal(p.code, 0, p.err);
      const receipt = JSON.parse(p.out).results[0].receipt;
      assert.ok(fake.stored.has(receipt));
      const after = JSON.parse((await s.kit(["--list", "--json"])).out);
      assert.deepEqual([after.waiting.length, after.finished[0].receipt], [0, receipt]);
      const w = await s.kit(["--withdraw", receipt]);
      assert.equal(w.code, 0, w.err);
      assert.ok(!fake.stored.has(receipt));
    } finally {
      await fake.close();
    }
  } finally {
    await s.cleanup();
  }
});

Deno.test("send refuses plain http off this computer, and says why the collector refused", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const off = await s.kit([s.paths.json, "--yes", "--to", "http://192.0.2.1:8470"]);
    assert.equal(off.code, 2);
    assert.match(off.err, /only to this computer/);
    fake.mode = "schema";
    const refused = await s.kit([s.paths.json, "--yes"]);
    assert.equal(refused.code, 4);
    assert.match(refused.err, /refused this report: .*schema/);
    assert.equal(sendsOf(await readVerifiedReport(s.paths.json))[0].status, "rejected");
  } finally {
    await fake.close();
    await s.cleanup();
  }
});

Deno.test("send --dry-run puts no terminal escape from a report on the terminal", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const { digest: _d, ...body } = await sampleReport();
    const hostile = await seal({ ...body, id: "r\u001b]0;pwned\u0007\u001b[2J" });
    await Deno.writeTextFile(s.paths.json, JSON.stringify(hostile));
    const r = await s.kit([s.paths.json, "--dry-run"]);
    assert.equal(r.code, 0, r.err);
    assert.ok(r.err.includes("r ]0;pwned"), r.err);
    assert.ok(!/[\u0000-\u001f]/.test(r.err.replaceAll("\n", "")), "no control characters");
  } finally {
    await fake.close();
    await s.cleanup();
  }
});

Deno.test("send without a data folder for its queue says how to name one (exit 4)", async () => {
  const io = memoryIo("", { env: {} });
  const code = await main(["send", "--list", "--lang", "en"], io, {
    brand: BRAND,
    configDir: "/nonexistent",
  });
  assert.equal(code, 4);
  assert.match(io.stderr, /KIRIWAKE_DATA_DIR/);
});

/**
 * Sending from the browser, in memory: the button on the verdict page, the consent page
 * showing what leaves, the guards on every POST, the receipt, the queue when the line is
 * down and its retry (by the button and in the background), cancel and withdraw.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { BRAND } from "../brand/brand.ts";
import { type Brand, loadBrand } from "../brand/schema.ts";
import { HOSTILE, sampleReport } from "../report/html/testing.ts";
import { sendsOf } from "../report/send_record.ts";
import { reportPaths, writeReport } from "../report/store.ts";
import { readVerifiedReport } from "../report/verify.ts";
import { sendOverview } from "../session/send/manage.ts";
import { fakeCollector } from "../session/send/testing.ts";
import { ReportLibrary } from "./library.ts";
import { SendRetrier } from "./send_retrier.ts";
import { testApp } from "./testing.ts";

async function setup(url: string | null) {
  const dir = await Deno.makeTempDir({ prefix: "kw-web-send-" });
  const root = join(dir, "reports");
  const paths = reportPaths(join(root, "r1"));
  await Deno.mkdir(paths.dir, { recursive: true });
  await writeReport(paths, await sampleReport(), "en");
  const brand: Brand = url
    ? loadBrand({ ...structuredClone(BRAND), collector: { urls: [url] } })
    : BRAND;
  const library = new ReportLibrary([root]);
  const dataDir = join(dir, "data");
  const t = testApp({ brand, library, send: { dataDir, configDir: join(dir, "cfg") } });
  const ref = library.refOf(paths.json)!;
  const f = encodeURIComponent(ref);
  const form = async () => {
    const html = await (await t.get(`/send?f=${f}`)).text();
    const field = (n: string) => new RegExp(`name="${n}" value="([^"]*)"`).exec(html)![1];
    return { f: ref, digest: field("digest"), destination: field("destination"), decision: "send" };
  };
  const sendIdOf = (res: Response) =>
    /^\/sends\/([0-9a-f]{16})/.exec(res.headers.get("location") ?? "")![1];
  return {
    dir,
    paths,
    t,
    f,
    ref,
    form,
    sendIdOf,
    dataDir,
    brand,
    cleanup: () => Deno.remove(dir, { recursive: true }),
  };
}

Deno.test("the verdict page offers sending when the brand names a collector", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  const none = await setup(null);
  try {
    const page = await (await s.t.get(`/report?f=${s.f}`)).text();
    assert.ok(page.includes(`id="send-to-support" href="/send?f=${s.f}"`));
    assert.ok(page.includes(`href="/sends"`), "the sends page is in the navigation");
    const details = await (await s.t.get(`/report/details?f=${s.f}`)).text();
    assert.ok(!details.includes("send-to-support"));
    const without = await (await none.t.get(`/report?f=${none.f}`)).text();
    assert.ok(!without.includes("send-to-support"), "no collector, no button");
  } finally {
    await fake.close();
    await s.cleanup();
    await none.cleanup();
  }
});

Deno.test("the send page shows what leaves and where, and sends nothing by itself", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const html = await (await s.t.get(`/send?f=${s.f}`)).text();
    assert.ok(html.includes(fake.url));
    assert.ok(html.includes("device (OS, hardware)"));
    assert.ok(html.includes("identifiers (host name"), "what is not included is named too");
    assert.ok(html.includes(`/download/json?f=${s.f}`), "the whole report can be read first");
    assert.equal(fake.uploads, 0);
    await assert.rejects(() => Deno.stat(s.dataDir));
  } finally {
    await fake.close();
    await s.cleanup();
  }
});

Deno.test("POST /send is refused without the form token, from another origin, or for changed content", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const form = await s.form();
    assert.equal((await s.t.post("/send", { ...form, csrf: "" })).status, 403);
    assert.equal((await s.t.post("/send", form, { origin: "http://evil.example" })).status, 403);
    assert.equal((await s.t.post("/send", form, { "sec-fetch-site": "cross-site" })).status, 403);
    assert.equal((await s.t.post("/send", form, { host: "evil.example:4321" })).status, 421);
    assert.equal((await s.t.post("/send", { ...form, digest: "0".repeat(64) })).status, 403);
    assert.equal(
      (await s.t.post("/send", { ...form, destination: "https://elsewhere.example" })).status,
      403,
    );
    assert.equal(fake.uploads, 0);
    await assert.rejects(() => Deno.stat(s.dataDir), "nothing was queued");
  } finally {
    await fake.close();
    await s.cleanup();
  }
});

Deno.test("agreeing sends the report: the receipt large on the result page and on the verdict page", async () => {
  const fake = fakeCollector();
  const s = await setup(fake.url);
  try {
    const res = await s.t.post("/send", { ...(await s.form()), ticket: HOSTILE.slice(0, 60) });
    assert.equal(res.status, 303);
    const page = await (await s.t.get(res.headers.get("location")!)).text();
    const receipt = /<p class="receipt" lang="en" id="receipt">([^<]+)<\/p>/.exec(page)![1];
    assert.ok(fake.stored.has(receipt));
    assert.ok(!page.includes("<img src=x"), "the ticket is escaped");
    const report = await readVerifiedReport(s.paths.json);
    assert.deepEqual(sendsOf(report).map((r) => [r.status, r.receipt, r.method]), [[
      "sent",
      receipt,
      "browser",
    ]]);
    const verdict = await (await s.t.get(`/report?f=${s.f}`)).text();
    assert.ok(verdict.includes(`<p class="receipt" lang="en">${receipt}</p>`));
    const again = await s.t.post("/send", await s.form());
    assert.match(again.headers.get("location")!, /\?dup=1$/, "a second send is a duplicate");
  } finally {
    await fake.close();
    await s.cleanup();
  }
});

Deno.test("with the line down the report queues; retry now, or the open app, delivers it", async () => {
  const probe = fakeCollector();
  const port = Number(new URL(probe.url).port);
  await probe.close();
  const s = await setup(`http://127.0.0.1:${port}`);
  try {
    const first = await s.t.post("/send", await s.form());
    const id = s.sendIdOf(first);
    const queued = await (await s.t.get(`/sends/${id}`)).text();
    assert.ok(queued.includes(`id="retry-now"`));
    assert.ok(queued.includes(`http-equiv="refresh"`), "the page looks again by itself");
    const list = await (await s.t.get("/sends")).text();
    assert.ok(list.includes("Waiting to be sent") && list.includes(`/sends/${id}/cancel`));
    // A second report waits too, for the background retrier.
    const other = await s.t.post("/send", await s.form());
    const otherId = s.sendIdOf(other);
    const fake = fakeCollector(port);
    try {
      const retried = await s.t.post(`/sends/${id}/retry`);
      const page = await (await s.t.get(retried.headers.get("location")!)).text();
      assert.match(page, /<p class="receipt" lang="en" id="receipt">KW-/);
      let measuring = true;
      const retrier = new SendRetrier(
        { brand: s.brand, dataDir: s.dataDir, now: () => new Date(Date.now() + 3600_000) },
        60_000,
        () => measuring,
      );
      await retrier.tick();
      assert.equal(
        (await sendOverview(s.dataDir)).pending.entries.length,
        1,
        "paused while measuring",
      );
      measuring = false;
      await retrier.tick();
      await retrier.stop();
      const o = await sendOverview(s.dataDir);
      assert.equal(o.pending.entries.length, 0);
      assert.equal(o.history.entries.find((e) => e.id === otherId)?.record.status, "sent");
    } finally {
      await fake.close();
    }
  } finally {
    await s.cleanup();
  }
});

Deno.test("the open app's first pass sends every waiting report, due or not", async () => {
  const probe = fakeCollector();
  const port = Number(new URL(probe.url).port);
  await probe.close();
  const s = await setup(`http://127.0.0.1:${port}`);
  const fake = fakeCollector(port);
  try {
    fake.mode = "unavailable"; // Retry-After: 120 s
    const id = s.sendIdOf(await s.t.post("/send", await s.form()));
    fake.mode = "up";
    const retrier = new SendRetrier(
      { brand: s.brand, dataDir: s.dataDir, now: () => new Date() },
      60_000,
      () => false,
    );
    retrier.start(1);
    let status = "queued";
    for (let i = 0; i < 100 && status === "queued"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await sendOverview(s.dataDir)).history.entries.find((e) =>
        e.id === id
      )?.record.status ?? "queued";
    }
    await retrier.stop();
    assert.equal(status, "sent");
  } finally {
    await fake.close();
    await s.cleanup();
  }
});

Deno.test("a waiting send can be cancelled and a sent one withdrawn from the sends page", async () => {
  const probe = fakeCollector();
  const port = Number(new URL(probe.url).port);
  await probe.close();
  const s = await setup(`http://127.0.0.1:${port}`);
  try {
    const id = s.sendIdOf(await s.t.post("/send", await s.form()));
    const cancelled = await s.t.post(`/sends/${id}/cancel`);
    assert.equal(cancelled.headers.get("location"), "/sends?done=cancelled");
    const fake = fakeCollector(port);
    try {
      const sent = await s.t.get(
        (await s.t.post("/send", await s.form())).headers.get("location")!,
      );
      const receipt = /id="receipt">([^<]+)</.exec(await sent.text())![1];
      const w = await s.t.post("/sends/withdraw", { receipt });
      assert.equal(w.headers.get("location"), "/sends?done=withdrawn");
      assert.ok(!fake.stored.has(receipt));
      assert.deepEqual(sendsOf(await readVerifiedReport(s.paths.json)).map((r) => r.status), [
        "cancelled",
        "withdrawn",
      ]);
      assert.equal((await s.t.get("/sends/not-an-id")).status, 404);
    } finally {
      await fake.close();
    }
  } finally {
    await s.cleanup();
  }
});

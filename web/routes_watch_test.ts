/**
 * The app's watch offer in memory: a healthy verdict offers "watch this evening", the button
 * (with its CSRF token) starts a watch, the watch page shows it and stops it; a fault, a
 * partial check or a watch report itself is never offered one.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { defaultConfig } from "../probes/config_load.ts";
import { reportPaths, writeReport } from "../report/store.ts";
import { sampleReport } from "../report/html/testing.ts";
import { openHistory } from "../session/watch.ts";
import { sampleWatchReport } from "../watch/testing.ts";
import { ReportLibrary } from "./library.ts";
import { testApp } from "./testing.ts";
import { offersWatch } from "./pages/watch_offer.tsx";

async function setup() {
  const tmp = await Deno.makeTempDir({ prefix: "kw-watch-web-" });
  const outDir = join(tmp, "reports");
  const healthy = reportPaths(join(outDir, "healthy"));
  await Deno.mkdir(healthy.dir, { recursive: true });
  await writeReport(healthy, await sampleReport({ fault: "none" }), "en");
  const started: string[] = [];
  const dataDir = join(tmp, "data");
  const t = testApp({
    lang: "en",
    library: new ReportLibrary([outDir]),
    app: {
      configDir: join(tmp, "conf"),
      outDir,
      config: await defaultConfig({}),
      probes: [],
      dataDir,
      startWatch: (lang) => {
        started.push(lang);
        // What the background watch does first: a session that keeps its promise.
        const store = openHistory(dataDir);
        const now = Date.now();
        store.createSession({
          id: "w1",
          startedAt: now,
          untilAt: now + 3_600_000,
          everyMs: 600_000,
          settings: {
            reportId: "w1",
            outDir: join(outDir, "w1"),
            lang,
            configFile: null,
            jitter: 0.2,
            burst: null,
            busyHours: { from: 20, to: 24 },
            timeZone: "UTC",
            utcOffsetMinutes: 0,
            analysis: { lossLimit: 0.01, slowAddedMs: 30, slowFactor: 2 },
            granted: ["measurements"],
            refused: [],
            installed: false,
          },
        });
        store.updateSession("w1", { nextAt: now + 600_000, heartbeatAt: now });
        store.close();
        return Promise.resolve();
      },
    },
  });
  return { t, tmp, started, dataDir, healthy };
}

Deno.test("watch offer: a healthy verdict offers it; the button starts one; its page stops it", async () => {
  const { t, tmp, started, dataDir } = await setup();
  try {
    const home = await (await t.get("/")).text();
    const ref = home.match(/\/report\?f=([^"&]+)/)![1];
    const page = await (await t.get(`/report?f=${ref}`)).text();
    assert.match(page, /Slow in the evening\?/);
    assert.match(page, /<form method="post" action="\/watch\/start"/);
    const noCsrf = await t.post("/watch/start", { csrf: "" });
    assert.equal(noCsrf.status, 403);
    assert.deepEqual(started, []);
    const res = await t.post("/watch/start");
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/watch?started=1");
    assert.deepEqual(started, ["en"]);
    const watch = await (await t.get("/watch?started=1")).text();
    assert.match(watch, /<h1>Watching<\/h1>/);
    assert.match(watch, /Leave this computer on/);
    // While it runs, the offer links to it instead of starting another.
    const again = await (await t.get(`/report?f=${ref}`)).text();
    assert.doesNotMatch(again, /action="\/watch\/start"/);
    assert.match(again, /href="\/watch"/);
    await t.post("/watch/start");
    assert.equal(started.length, 1, "no second watch");
    const stop = await t.post("/watch/stop");
    assert.equal(stop.status, 303);
    const store = openHistory(dataDir);
    assert.equal(store.session("w1")!.stopRequested, true);
    store.close();
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("offersWatch(): only a finished, healthy check that is not itself a watch", async () => {
  assert.equal(offersWatch(await sampleReport({ fault: "none" })), true);
  assert.equal(offersWatch(await sampleReport({ fault: "dns" })), false);
  assert.equal(offersWatch(await sampleReport({ fault: "none", partial: true })), false);
  assert.equal(offersWatch(await sampleWatchReport({ healthy: true })), false);
});

Deno.test("watch offer: the view of received reports (no app) never offers it", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "kw-watch-view-" });
  try {
    const p = reportPaths(join(tmp, "r"));
    await Deno.mkdir(p.dir, { recursive: true });
    await writeReport(p, await sampleReport({ fault: "none" }), "en");
    const t = testApp({ library: new ReportLibrary([tmp]) });
    const home = await t.get("/");
    assert.equal(home.status, 303, "one report: straight to its verdict");
    const page = await (await t.get(home.headers.get("location")!)).text();
    assert.match(page, /No problem was found|Nothing wrong/);
    assert.doesNotMatch(page, /watch\/start/);
    assert.equal((await t.post("/watch/start")).status, 404);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

/**
 * App mode in memory: home → terms → consent → start → events → verdict, and cancel with a
 * partial report saved and shown; the progress page's script carries the response's nonce.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { z } from "zod";
import { BRAND } from "../brand/brand.ts";
import { type ConsentRecord, readRecordState } from "../consent/record.ts";
import { currentTerms } from "../consent/terms.ts";
import { defaultConfig } from "../probes/config_load.ts";
import type { Probe } from "../probes/types.ts";
import { ReportLibrary } from "./library.ts";
import { testApp } from "./testing.ts";

const ALL = ["linux", "darwin", "windows"] as const;

function probe(id: string, run: Probe["run"]): Probe {
  return {
    id,
    title: { ja: `テスト ${id}`, en: `Test ${id}` },
    description: { ja: "テスト", en: "test" },
    segment: "device",
    dataCategories: ["measurements"],
    dependsOn: [],
    timeoutMs: 30_000,
    platforms: ALL,
    schema: z.object({}).passthrough(),
    run,
  };
}

const quick = probe(
  "test.quick",
  () => Promise.resolve({ status: "ok", summary: { ja: "速い", en: "quick" }, data: { ms: 1 } }),
);

/** A probe that finishes only when the run is cancelled. */
let hangStarted: () => void = () => {};
const hanging = probe("test.hang", (ctx) =>
  new Promise((_, reject) => {
    hangStarted();
    ctx.signal.addEventListener("abort", () => reject(ctx.signal.reason));
  }));

async function readRecord(dir: string): Promise<ConsentRecord | null> {
  const s = await readRecordState(dir);
  return s.state === "ok" ? s.record : null;
}

async function setup(probes: Probe[], onQuit?: () => void) {
  const tmp = await Deno.makeTempDir({ prefix: "kw-appmode-" });
  const outDir = join(tmp, "reports");
  await Deno.mkdir(outDir);
  const t = testApp({
    onQuit,
    lang: "en",
    library: new ReportLibrary([outDir]),
    app: {
      configDir: join(tmp, "conf"),
      outDir,
      config: await defaultConfig(BRAND.defaultConfig),
      probes,
    },
  });
  return { t, tmp, outDir };
}

async function consent(t: ReturnType<typeof testApp>) {
  const terms = await currentTerms(BRAND, "en");
  return await t.post("/consent", {
    decision: "agree",
    lang: "en",
    version: terms.version,
    sha256: terms.sha256,
    category: ["device", "measurements"],
  });
}

/** Reads a run's server-sent events until it finishes. */
async function events(t: ReturnType<typeof testApp>, runPath: string) {
  const r = await t.get(`${runPath}/events`);
  assert.equal(r.headers.get("content-type"), "text/event-stream");
  const text = await r.text();
  return text.split("\n").filter((l) => l.startsWith("data: ")).map((l) => JSON.parse(l.slice(6)));
}

Deno.test("app mode: terms, consent, start, events, verdict", async () => {
  const { t, tmp } = await setup([quick]);
  try {
    const home = await (await t.get("/")).text();
    assert.match(home, /href="\/terms"/, "no start button before consent");
    assert.equal((await t.post("/run")).headers.get("location"), "/terms");

    const terms = await (await t.get("/terms")).text();
    const current = await currentTerms(BRAND, "en");
    assert.ok(terms.includes(current.sha256), "the form names the exact text shown");

    const stale = await t.post("/consent", {
      decision: "agree",
      lang: "en",
      version: "1.0",
      sha256: "0".repeat(64),
    });
    assert.equal(stale.status, 403, "terms that changed since the page was shown are not accepted");
    assert.equal(await readRecord(join(tmp, "conf")), null);

    const ok = await consent(t);
    assert.equal(ok.status, 303);
    const rec = await readRecord(join(tmp, "conf"));
    assert.equal(rec?.method, "browser");
    assert.deepEqual(rec?.granted, ["device", "measurements"]);
    assert.deepEqual(rec?.refused, ["network", "identifiers"]);
    assert.equal(rec?.terms.sha256, current.sha256);

    assert.match(await (await t.get("/")).text(), /id="start"/);
    const started = await t.post("/run");
    assert.equal(started.status, 303);
    const runPath = started.headers.get("location")!;
    assert.match(runPath, /^\/run\/[0-9a-f]{8}$/);
    const evs = await events(t, runPath);
    assert.deepEqual(evs.map((e) => e.type), ["plan", "start", "result", "finished"]);
    const fin = evs.at(-1);
    assert.equal(fin.partial, false);
    const verdict = await t.get(`/report?f=${encodeURIComponent(fin.ref)}`);
    assert.equal(verdict.status, 200);
    assert.match(await verdict.text(), /class="headline tone-/);
    const done = await (await t.get(runPath)).text();
    assert.match(done, /id="see-verdict"/);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("app mode: cancel stops the run and the partial report is saved and shown", async () => {
  const { t, tmp, outDir } = await setup([quick, hanging]);
  try {
    await consent(t);
    const hung = new Promise<void>((r) => (hangStarted = r));
    const runPath = (await t.post("/run")).headers.get("location")!;
    await hung;
    const progress = await t.get(runPath);
    const page = await progress.text();
    const nonce =
      /script-src 'nonce-([^']+)'/.exec(progress.headers.get("content-security-policy")!)![1];
    assert.ok(
      page.includes(`<script nonce="${nonce}">`),
      "the script runs by this response's nonce",
    );
    assert.match(page, /<noscript><meta http-equiv="refresh" content="2"><\/noscript>/);

    const again = await t.post("/run");
    assert.equal(again.headers.get("location"), runPath, "one run at a time");

    const cancelled = await t.post(`${runPath}/cancel`);
    assert.equal(cancelled.status, 303);
    const evs = await events(t, runPath);
    const fin = evs.at(-1);
    assert.equal(fin.type, "finished");
    assert.equal(fin.partial, true);
    const dir = [...Deno.readDirSync(outDir)][0].name;
    const saved = JSON.parse(await Deno.readTextFile(join(outDir, dir, "report.json")));
    assert.equal(saved.partial, true);
    assert.equal(saved.interrupted.reason, "cancelled in the browser");
    assert.equal(saved.probes.find((p: { id: string }) => p.id === "test.quick").status, "ok");
    const shown = await (await t.get(`/report?f=${encodeURIComponent(fin.ref)}`)).text();
    assert.match(shown, /Partial results: the run was interrupted/);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("app mode: declining records nothing and measures nothing", async () => {
  const { t, tmp } = await setup([quick]);
  try {
    const r = await t.post("/consent", { decision: "decline" });
    assert.equal(r.status, 200);
    assert.match(await r.text(), /Nothing was measured/);
    assert.equal(await readRecord(join(tmp, "conf")), null);
    assert.equal((await t.post("/run")).headers.get("location"), "/terms");
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("app mode: Quit during a run cancels it and writes the partial report first", async () => {
  let quit: () => void = () => {};
  const quitted = new Promise<void>((r) => (quit = r));
  const { t, tmp, outDir } = await setup([quick, hanging], () => quit());
  try {
    await consent(t);
    const hung = new Promise<void>((r) => (hangStarted = r));
    await t.post("/run");
    await hung;
    assert.equal((await t.post("/quit")).status, 200);
    await quitted;
    const dir = [...Deno.readDirSync(outDir)][0].name;
    const saved = JSON.parse(await Deno.readTextFile(join(outDir, dir, "report.json")));
    assert.equal(saved.partial, true);
    assert.equal(saved.interrupted.reason, "quit");
    assert.equal(saved.finishedAt !== null, true, "the final report, not a progress snapshot");
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

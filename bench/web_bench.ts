/**
 * Figures of the web view: how fast the server starts (in process, and as the customer
 * sees it: `kiriwake app` from process start to the printed URL), and how long a full
 * report takes to render (single-file HTML, and the verdict and details pages in memory).
 *
 * Run: `deno run -A bench/web_bench.ts [iterations]`. Prints JSON. CPU figures are noisy on a
 * shared machine: read medians, not minimums.
 *
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BRAND } from "../brand/brand.ts";
import { renderReportHtml } from "../report/html/render.tsx";
import { sampleReport } from "../report/html/testing.ts";
import { ReportLibrary } from "../web/library.ts";
import { serveApp } from "../web/serve.ts";
import { testApp } from "../web/testing.ts";

const N = Number(Deno.args[0] ?? 30);

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return {
    n: s.length,
    medianMs: round(q(0.5)),
    p95Ms: round(q(0.95)),
    maxMs: round(s[s.length - 1]),
  };
}
const round = (v: number) => Math.round(v * 100) / 100;

async function time(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

const report = await sampleReport({ fault: "dns" });
const dir = await Deno.makeTempDir({ prefix: "kw-bench-" });
await Deno.writeTextFile(join(dir, "report.json"), JSON.stringify(report, null, 2));

// Warm up the JIT once; the first render also pays for module-level work.
const firstRenderMs = await time(() => renderReportHtml(report, "ja"));

const render: number[] = [];
for (let i = 0; i < N; i++) {
  render.push(await time(() => renderReportHtml(report, i % 2 ? "ja" : "en")));
}

const t = testApp({ library: new ReportLibrary([dir]) });
const verdict: number[] = [];
const details: number[] = [];
for (let i = 0; i < N; i++) {
  verdict.push(await time(async () => await (await t.get("/report?f=0:report.json")).text()));
  details.push(
    await time(async () => await (await t.get("/report/details?f=0:report.json")).text()),
  );
}

const listen: number[] = [];
const firstResponse: number[] = [];
for (let i = 0; i < Math.min(N, 10); i++) {
  const t0 = performance.now();
  const s = serveApp({ brand: BRAND, lang: "ja", library: new ReportLibrary([dir]) });
  listen.push(s.startMs);
  const r = await fetch(s.url, { redirect: "manual" });
  await r.body?.cancel();
  firstResponse.push(performance.now() - t0);
  await s.shutdown();
}

// As the customer sees it: a new process, from spawn to the printed URL.
const main = fileURLToPath(new URL("../main.ts", import.meta.url));
const cli: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", main, "view", "--no-open", join(dir, "report.json")],
    stdout: "piped",
    stderr: "null",
    env: { HOME: dir },
  }).spawn();
  const reader = child.stdout.getReader();
  await reader.read();
  cli.push(performance.now() - t0);
  reader.releaseLock();
  child.kill("SIGINT");
  await child.status;
  await child.stdout.cancel().catch(() => {});
}

const html = await renderReportHtml(report, "ja");
console.log(JSON.stringify(
  {
    report: {
      probes: report.probes.length,
      findings: report.diagnosis.findings.length,
      htmlBytes: html.length,
    },
    renderSingleFileHtml: { firstMs: round(firstRenderMs), ...stats(render) },
    pageVerdictInMemory: stats(verdict),
    pageDetailsInMemory: stats(details),
    serverListen: stats(listen),
    serverListenToFirstResponse: stats(firstResponse),
    cliSpawnToUrl: stats(cli),
  },
  null,
  2,
));
await Deno.remove(dir, { recursive: true });

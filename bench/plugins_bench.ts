/**
 * What one module plugin costs to start: a plugin host process (spawn + runtime + main.ts)
 * and its Worker, measured on a plugin that returns at once. For comparison, the same
 * plugin in a Worker of this process (what the kit would pay without the host process).
 *
 * Run: `deno run -A --unstable-worker-options bench/plugins_bench.ts [runs]`.
 * Figures are wall-clock and noisy on a shared machine: read the median.
 *
 * @module
 */
import { runInHost } from "../plugins/host_spawn.ts";
import { toSandboxJs } from "../plugins/transpile.ts";
import { workerSource } from "../plugins/worker_main.ts";

const PLUGIN = `export default () => ({ status: "ok", summary: { ja: "a", en: "a" }, data: {} });`;
const source = workerSource(toSandboxJs(PLUGIN, "bench.ts"));
const start = {
  t: "start" as const,
  id: "bench.noop",
  lang: "en" as const,
  config: {},
  deps: {},
  softTimeoutMs: 10_000,
  maxResultBytes: 1024 * 1024,
};

/** One run in a plugin host: total wall time and the Worker's share. */
async function hosted(): Promise<{ total: number; worker: number }> {
  const t0 = performance.now();
  let worker = NaN;
  const out = await runInHost({
    schema: "kiriwake.plugin-host-job/v1",
    nonce: crypto.randomUUID().replaceAll("-", ""),
    id: "bench.noop",
    source,
    permissions: { net: [], read: [], write: [], env: [], run: [] },
    start,
  }, { signal: AbortSignal.timeout(30_000), onFrame() {} });
  if (out.kind !== "result") throw new Error(`bench plugin failed: ${JSON.stringify(out)}`);
  worker = out.workerMs;
  return { total: performance.now() - t0, worker };
}

/** One run in a Worker of this process, for comparison. */
function inProcess(): Promise<number> {
  const t0 = performance.now();
  const url = `data:text/javascript;base64,${btoa(unescape(encodeURIComponent(source)))}`;
  const w = new Worker(url, { type: "module", deno: { permissions: "none" } } as WorkerOptions);
  return new Promise((resolve) => {
    w.onmessage = () => {
      w.terminate();
      resolve(performance.now() - t0);
    };
    w.postMessage(start);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${
    Math.max(...xs).toFixed(0)
  })`;

if (import.meta.main) {
  const runs = Number(Deno.args[0] ?? 10);
  await hosted(); // warm the module cache
  const totals: number[] = [];
  const workers: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await hosted();
    totals.push(r.total);
    workers.push(r.worker);
  }
  const local: number[] = [];
  for (let i = 0; i < runs; i++) local.push(await inProcess());
  const hostOnly = totals.map((t, i) => t - workers[i]);
  console.log(`plugin host, ${runs} runs (${Deno.build.standalone ? "compiled" : "deno run"}):`);
  console.log(`  per plugin, total:            ${fmt(totals)}`);
  console.log(`  host process spawn + boot:    ${fmt(hostOnly)}`);
  console.log(`  Worker start + run in host:   ${fmt(workers)}`);
  console.log(`  Worker in this process:       ${fmt(local)}`);
}

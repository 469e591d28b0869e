/**
 * The smoke test of a built kit, run the same on every OS: by the release workflow with each
 * compiled binary on its own runner, and by the test suite with `deno run main.ts`.
 *
 * ```text
 * deno run -A build/smoke.ts [--expect compiled|source] [--only STEP,…] [--plugin-key FILE]
 *   -- KIT…
 * ```
 *
 * KIT is how to start the kit: a binary (`dist/kiriwake-x86_64-pc-windows-msvc.exe`) or
 * `deno run --allow-… main.ts`. Steps: `version` (`--version --json`), `probes`
 * (`probes --json`), `parse` (every recorded fixture of this OS through `kiriwake parse`),
 * `dry-run`, `run` (a run against loopback targets served by the same kit's
 * `speedtest-server`, with the example plugins — module and command — through the plugin
 * host), `view` (`view --no-open` and requests with and without the token), and on Windows
 * `codepage` (a Japanese run and a CP932 parse; the workflow runs it under `chcp 932`).
 * Everything stays on loopback. Exit 0 when every step passed.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { expectsError, type Fixture, loadFixtures } from "../tests/support/fixture_files.ts";
import { Kit, pool } from "./smoke_kit.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Everything a step may use. */
interface Ctx {
  kit: Kit;
  dir: string;
  expect: "compiled" | "source" | null;
  pluginKey: string | null;
  /** Filled by `version`. */
  termsVersion: string;
  product: string;
  /** Filled by `run`, read by `view`. */
  report: string | null;
}

type Step = (ctx: Ctx) => Promise<string>;

/** `--version --json`: every field, this OS's target, compiled or not as expected. */
const version: Step = async (ctx) => {
  const r = await ctx.kit.run(["--version", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const v = JSON.parse(r.stdout);
  for (const k of ["product", "version", "brand", "termsVersion", "deno", "target"]) {
    assert.equal(typeof v[k], "string", `--version --json: ${k}`);
  }
  assert.ok(v.target.includes(osWord()), `target ${v.target} on ${Deno.build.os}`);
  if (ctx.expect) assert.equal(v.build, ctx.expect);
  if (v.build === "compiled") {
    assert.match(v.builtAt ?? "", /^\d{4}-\d\d-\d\dT/, "a compiled build records its time");
  } else assert.equal(v.builtAt, null);
  ctx.termsVersion = v.termsVersion;
  ctx.product = v.product;
  return `${v.product} ${v.version} brand ${v.brand}, ${v.build}, ${v.target}, commit ${v.commit}`;
};

/** `probes --json`: the registry answers. */
const probes: Step = async (ctx) => {
  const r = await ctx.kit.run(["probes", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const list = JSON.parse(r.stdout) as { id: string }[];
  for (const id of ["system.info", "net.gateway", "internet.ping", "isp.throughput"]) {
    assert.ok(list.some((p) => p.id === id), id);
  }
  return `${list.length} probes`;
};

/** Every recorded fixture of this OS through `kiriwake parse`, against its expected parse. */
const parse: Step = async (ctx) => {
  const fixtures = loadFixtures().filter((f) => f.os === Deno.build.os);
  assert.ok(fixtures.length > 0, `no fixtures for ${Deno.build.os}`);
  await pool(fixtures, 4, (f) => parseOne(ctx.kit, f));
  const cp932 = fixtures.filter((f) => f.cp932).length;
  return `${fixtures.length} fixtures of ${Deno.build.os} (${cp932} CP932)`;
};

async function parseOne(kit: Kit, f: Fixture, encoding?: string): Promise<void> {
  const args = [
    "parse",
    f.kind,
    "--os",
    f.os,
    "--encoding",
    encoding ?? (f.cp932 ? "cp932" : "utf-8"),
  ];
  const r = await kit.run(args, f.bytes);
  if (expectsError(f.expected)) {
    assert.equal(r.code, 4, `${f.path}: expected a refusal, got ${r.code}`);
    return;
  }
  assert.equal(r.code, 0, `${f.path}: ${r.stderr}`);
  assert.deepEqual(JSON.parse(r.stdout), f.expected, f.path);
}

/** `run --dry-run`: measures nothing, writes nothing, says what would be recorded. */
const dryRun: Step = async (ctx) => {
  const config = join(ctx.dir, "dry.json");
  await Deno.writeTextFile(config, JSON.stringify({ only: ["system.info", "tcp.connect"] }));
  const out = join(ctx.dir, "dry-out");
  const r = await ctx.kit.run([
    "run",
    "--dry-run",
    "--json",
    "--config",
    config,
    "--out",
    out,
    "--accept-terms",
    ctx.termsVersion,
    "--consent",
    "all",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.dryRun, true);
  await assert.rejects(Deno.stat(out), Deno.errors.NotFound, "a dry run writes no report");
  return "nothing measured or written";
};

/**
 * A run against the kit's own `speedtest-server` on loopback, with the example plugins: the
 * module plugin asks a health endpoint this script serves, the command plugin the speed server.
 */
const run: Step = async (ctx) => {
  const server = await ctx.kit.serve(["speedtest-server", "--port", "0", "--threads", "1"]);
  const health = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => Response.json({ status: "up", components: { login: "up" } }),
  );
  try {
    const base = new URL(server.url);
    const port = Number(base.port);
    const manifest = await exampleManifest(ctx, health.addr.port, `${base.origin}/speed/v1/info`);
    const config = join(ctx.dir, "run.json");
    await Deno.writeTextFile(config, JSON.stringify(loopbackConfig(server.url, port)));
    const out = join(ctx.dir, "report");
    const r = await ctx.kit.run([
      "run",
      "--config",
      config,
      "--manifest",
      manifest,
      "--out",
      out,
      "--json",
      "--accept-terms",
      ctx.termsVersion,
      "--consent",
      "all",
    ]);
    assert.ok(r.code === 0 || r.code === 1, `run exit ${r.code}: ${r.stderr}`);
    ctx.report = join(out, "report.json");
    const verified = await ctx.kit.run(["report", "verify", ctx.report]);
    assert.equal(verified.code, 0, verified.stderr);
    const report = JSON.parse(await Deno.readTextFile(ctx.report));
    const byId = Object.fromEntries(
      (report.probes as { id: string; status: string; data: Record<string, unknown> }[])
        .map((p) => [p.id, p]),
    );
    for (const id of ["tcp.connect", "http.timing", "internet.ping"]) {
      assert.equal(byId[id]?.status, "ok", `${id}: ${JSON.stringify(byId[id])}`);
    }
    // Loopback under full load may grade bufferbloat poorly: a warning, still a measurement.
    const speedTest = byId["isp.throughput"];
    assert.ok(["ok", "warn"].includes(speedTest?.status), `isp.throughput: ${speedTest?.status}`);
    const measured =
      (speedTest.data.servers as { outcome: string; download?: { mbps: number } }[])[0];
    assert.equal(measured.outcome, "ok");
    assert.ok((measured.download?.mbps ?? 0) > 0, "a download rate");
    const portal = byId["example-isp.portal"];
    assert.equal(portal?.status, "ok", `module plugin: ${JSON.stringify(portal)}`);
    const speed = byId["example-isp.speed-server"];
    if (Deno.build.os === "windows") {
      assert.equal(speed?.status, "skipped", "the shell example is for Linux and macOS");
    } else {
      assert.equal(speed?.status, "ok", `command plugin: ${JSON.stringify(speed)}`);
      assert.equal(speed.data.httpStatus, 200);
    }
    return `report ${report.id}: ${Object.keys(byId).length} probes, plugins ` +
      `${portal.status}/${speed?.status}, ${Math.round(measured.download!.mbps)} Mbit/s down`;
  } finally {
    await health.shutdown();
    await server.stop();
  }
};

/** `view --no-open`: the token opens the report once; without it the server refuses. */
const view: Step = async (ctx) => {
  assert.ok(ctx.report, "needs the report of the run step");
  const server = await ctx.kit.serve(["view", ctx.report!, "--no-open"]);
  try {
    const url = new URL(server.url);
    assert.equal(url.hostname, "127.0.0.1", "loopback only");
    assert.ok(url.searchParams.get("token"), "the URL carries a token");
    const bare = await fetch(`${url.origin}/`, { redirect: "manual" });
    await bare.body?.cancel();
    assert.ok(bare.status >= 400, `without the token: ${bare.status}`);
    const withToken = await fetch(url, { redirect: "manual" });
    await withToken.body?.cancel();
    assert.equal(withToken.status, 303);
    const cookie = withToken.headers.get("set-cookie")!.split(";")[0];
    const page = await fetch(new URL(withToken.headers.get("location")!, url), {
      headers: { cookie },
    });
    const html = await page.text();
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-security-policy") ?? "", /default-src/);
    const escaped = ctx.product.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
    assert.ok(html.includes(ctx.product) || html.includes(escaped), "the page names the product");
    const again = await fetch(url, { redirect: "manual" });
    await again.body?.cancel();
    assert.ok(again.status >= 400, `the token is usable once: ${again.status}`);
    return `served on ${url.host}, token once, ${html.length} bytes of HTML`;
  } finally {
    await server.stop();
  }
};

/**
 * Windows under `chcp 932` (the workflow sets it): the console's code page is 932, a run in
 * Japanese parses the OS's own command output, and CP932 bytes decode by themselves.
 */
const codepage: Step = async (ctx) => {
  const chcp = await new Deno.Command("chcp.com", { stdout: "piped", stderr: "piped" }).output();
  const page = new TextDecoder().decode(chcp.stdout).match(/(\d+)\s*$/)?.[1];
  assert.equal(page, "932", "run this step under chcp 932");
  const fixture = loadFixtures().find((f) =>
    f.cp932 && f.kind === "ping" && !expectsError(f.expected)
  );
  assert.ok(fixture, "a CP932 ping fixture");
  await parseOne(ctx.kit, fixture, "auto");
  const config = join(ctx.dir, "cp932.json");
  await Deno.writeTextFile(
    config,
    JSON.stringify({
      only: ["net.gateway", "internet.ping"],
      ping: { anchors: [{ address: "127.0.0.1" }], count: 3 },
    }),
  );
  const out = join(ctx.dir, "report-ja");
  const r = await ctx.kit.run([
    "run",
    "--lang",
    "ja",
    "--config",
    config,
    "--out",
    out,
    "--accept-terms",
    ctx.termsVersion,
    "--consent",
    "all",
  ]);
  assert.ok(r.code === 0 || r.code === 1, `run exit ${r.code}: ${r.stderr}`);
  const report = JSON.parse(await Deno.readTextFile(join(out, "report.json")));
  const ping = report.probes.find((p: { id: string }) => p.id === "internet.ping");
  assert.equal(ping?.status, "ok", JSON.stringify(ping));
  return `code page ${page}: ${fixture.path} decoded by itself, ping output parsed in a Japanese run`;
};

const STEPS: Record<string, Step> = {
  version,
  probes,
  parse,
  "dry-run": dryRun,
  run,
  view,
  codepage,
};

/** The steps that run by default on this OS. */
export function defaultSteps(os: string = Deno.build.os): string[] {
  return Object.keys(STEPS).filter((s) => s !== "codepage" || os === "windows");
}

/** The run configuration aimed at the speed server on `port`: loopback only. */
export function loopbackConfig(speedUrl: string, port: number): Record<string, unknown> {
  return {
    schema: "kiriwake.config/v1",
    only: [
      "system.info",
      "net.interfaces",
      "net.gateway",
      "tcp.connect",
      "http.timing",
      "internet.ping",
      "isp.throughput",
      "example-isp.portal",
      "example-isp.speed-server",
    ],
    tcp: { targets: [{ name: "speed-server", host: "127.0.0.1", port, segment: "service" }] },
    http: {
      targets: [{
        name: "speed-info",
        url: `http://127.0.0.1:${port}/speed/v1/info`,
        expectStatus: 200,
        segment: "service",
      }],
    },
    ping: { anchors: [{ address: "127.0.0.1" }], count: 3 },
    throughput: {
      servers: [{ name: "loopback", url: speedUrl, kind: "on-net" }],
      durations: { directionMs: 1000, idleMs: 300, intervalMs: 200 },
      // A smoke test, not a measurement: loopback would move gigabytes a second.
      budget: { maxBytes: 400_000_000 },
    },
  };
}

/** The example manifest and plugin files, copied and aimed at loopback (signed when a key is given). */
async function exampleManifest(ctx: Ctx, healthPort: number, speedUrl: string): Promise<string> {
  const src = join(ROOT, "plugins", "examples");
  const dir = join(ctx.dir, "plugins");
  await Deno.mkdir(dir, { recursive: true });
  for (const f of ["portal_health.ts", "speed_server.sh"]) {
    await Deno.copyFile(join(src, f), join(dir, f));
  }
  const m = JSON.parse(await Deno.readTextFile(join(src, "manifest.json")));
  m.probes[0].config.url = `http://127.0.0.1:${healthPort}/health`;
  m.probes[0].module.permissions.net = [`127.0.0.1:${healthPort}`];
  m.probes[1].config.url = speedUrl;
  const path = join(dir, "manifest.json");
  await Deno.writeTextFile(path, JSON.stringify(m, null, 2));
  if (ctx.pluginKey) {
    const r = await ctx.kit.run(["plugins", "sign", path, "--key", ctx.pluginKey]);
    assert.equal(r.code, 0, `plugins sign: ${r.stderr}`);
  }
  return path;
}

function osWord(): string {
  return { windows: "windows", darwin: "apple", linux: "linux" }[Deno.build.os as string] ?? "";
}

/** Runs the smoke and returns the exit code. */
export async function smoke(args: string[]): Promise<number> {
  const dash = args.indexOf("--");
  const { values } = parseArgs({
    args: dash < 0 ? args : args.slice(0, dash),
    options: {
      expect: { type: "string" },
      only: { type: "string" },
      "plugin-key": { type: "string" },
    },
  });
  const argv = dash < 0 ? [] : args.slice(dash + 1);
  if (argv.length === 0) {
    console.error("usage: smoke.ts [--expect compiled|source] [--only STEP,…] -- KIT…");
    return 2;
  }
  const names = values.only ? values.only.split(",") : defaultSteps();
  const unknown = names.filter((n) => !(n in STEPS));
  if (unknown.length) {
    console.error(`unknown step ${unknown.join(", ")} (known: ${Object.keys(STEPS).join(", ")})`);
    return 2;
  }
  const dir = await Deno.makeTempDir({ prefix: "kiriwake-smoke-" });
  const ctx: Ctx = {
    kit: new Kit(argv, { KIRIWAKE_CONFIG_DIR: join(dir, "config") }),
    dir,
    expect: (values.expect as Ctx["expect"]) ?? null,
    pluginKey: values["plugin-key"] ?? null,
    termsVersion: "",
    product: "",
    report: null,
  };
  // Later steps need what `version` and `run` learn.
  const plan = [...new Set([...(names.some((n) => n !== "version") ? ["version"] : []), ...names])];
  if (plan.includes("view") && !plan.includes("run")) plan.splice(plan.indexOf("view"), 0, "run");
  let failed = 0;
  try {
    for (const name of plan) {
      const t0 = performance.now();
      try {
        const note = await STEPS[name](ctx);
        console.log(`ok   ${name} (${Math.round(performance.now() - t0)} ms): ${note}`);
      } catch (e) {
        failed++;
        console.log(
          `FAIL ${name} (${Math.round(performance.now() - t0)} ms): ${(e as Error).message}`,
        );
      }
    }
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
  console.log(`${plan.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

if (import.meta.main) Deno.exit(await smoke(Deno.args));

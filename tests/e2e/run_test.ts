/**
 * The kit end to end, as a customer and a script would run it: against loopback targets,
 * with the documented exit codes, and nothing lost on bad input or Ctrl-C.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { readVerifiedReport } from "../../report/verify.ts";
import { kitCommand, runKit } from "../support/kit.ts";
import { startLoopbackTargets } from "../support/loopback_targets.ts";
import { BRAND } from "../../brand/brand.ts";

const VERSION = BRAND.terms.version;

async function setup() {
  const dir = await Deno.makeTempDir({ prefix: "kiriwake-e2e-" });
  const targets = await startLoopbackTargets();
  const configFile = join(dir, "config.json");
  await Deno.writeTextFile(configFile, JSON.stringify(targets.config));
  const env = { KIRIWAKE_CONFIG_DIR: join(dir, "config-dir") };
  return {
    dir,
    targets,
    configFile,
    env,
    async [Symbol.asyncDispose]() {
      await targets.close();
      await Deno.remove(dir, { recursive: true });
    },
  };
}

Deno.test("run: healthy loopback targets give a verified report with ok verdicts (exit 0)", async () => {
  await using s = await setup();
  const out = join(s.dir, "out");
  const r = await runKit(
    [
      "run",
      "--accept-terms",
      VERSION,
      "--consent",
      "all",
      "--config",
      s.configFile,
      "--out",
      out,
      "--json",
    ],
    { env: s.env },
  );
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  const report = await readVerifiedReport(join(out, "report.json"));
  assert.equal(summary.digest, report.digest.value);
  assert.equal(report.partial, false);
  assert.equal(report.diagnosis.headline.segment, null);
  for (const seg of ["device", "lan", "dns", "internet"] as const) {
    assert.equal(report.diagnosis.segments[seg].verdict, "ok", seg);
  }
  assert.equal(report.terms.version, VERSION);
  assert.deepEqual(report.consent.refused, []);
  const http = report.probes.find((p) => p.id === "http.timing")!;
  assert.equal(http.status, "ok");
  assert.equal(
    (http.data.targets as Array<{ tlsVersion: string | null }>)[0].tlsVersion,
    "TLSv1.3",
  );
  assert.match(await Deno.readTextFile(join(out, "report.txt")), /No problem was found/);
});

Deno.test("run: with the DNS responder stopped the headline names dns (exit 1)", async () => {
  await using s = await setup();
  await s.targets.stopDns();
  const out = join(s.dir, "out");
  const r = await runKit(
    [
      "run",
      "--accept-terms",
      VERSION,
      "--consent",
      "all",
      "--config",
      s.configFile,
      "--out",
      out,
      "--json",
    ],
    { env: s.env },
  );
  assert.equal(r.code, 1, r.stderr);
  const report = await readVerifiedReport(join(out, "report.json"));
  assert.equal(report.diagnosis.headline.segment, "dns");
  assert.equal(report.diagnosis.segments.dns.verdict, "fail");
  // The by-name HTTPS target failed because of DNS: a consequence, not a second fault.
  const byName = report.diagnosis.findings.find((f) => f.id === "dns.targets-unresolved");
  assert.equal(byName?.consequenceOf, report.diagnosis.headline.finding);
  assert.equal(report.diagnosis.segments.internet.verdict, "ok");
});

Deno.test("run: without a terminal and without --accept-terms nothing is measured (exit 3)", async () => {
  await using s = await setup();
  const out = join(s.dir, "out");
  const r = await runKit(["run", "--config", s.configFile, "--out", out], { env: s.env });
  assert.equal(r.code, 3);
  assert.match(r.stderr, new RegExp(`--accept-terms ${VERSION.replace(".", "\\.")}`));
  await assert.rejects(Deno.stat(out), Deno.errors.NotFound);
});

Deno.test("run: a wrong terms version is refused and names the current one (exit 3)", async () => {
  await using s = await setup();
  const r = await runKit(
    ["run", "--accept-terms", "0.9", "--consent", "all", "--config", s.configFile, "--lang", "ja"],
    { env: s.env },
  );
  assert.equal(r.code, 3);
  assert.match(r.stderr, new RegExp(`現在の版は ${VERSION.replace(".", "\\.")}`));
});

Deno.test("run: a malformed config names the file and every wrong field (exit 4)", async () => {
  await using s = await setup();
  const bad = join(s.dir, "bad.json");
  await Deno.writeTextFile(
    bad,
    JSON.stringify({
      dns: { names: ["x"], timeoutMs: -1, extra: 1 },
      tcp: { targets: [{ host: "h", port: 70000 }] },
    }),
  );
  const r = await runKit(["run", "--accept-terms", VERSION, "--consent", "all", "--config", bad], {
    env: s.env,
  });
  assert.equal(r.code, 4);
  assert.match(r.stderr, /bad\.json/);
  assert.match(r.stderr, /dns\.timeoutMs/);
  assert.match(r.stderr, /dns: Unrecognized key.*\(extra\)/);
  assert.match(r.stderr, /tcp\.targets\[0\]\.port/);
});

Deno.test("run: an unknown probe id in the config is named (exit 4)", async () => {
  await using s = await setup();
  const cfg = join(s.dir, "only.json");
  await Deno.writeTextFile(cfg, JSON.stringify({ only: ["dns.resolve", "dns.reslove"] }));
  const r = await runKit(["run", "--accept-terms", VERSION, "--consent", "all", "--config", cfg], {
    env: s.env,
  });
  assert.equal(r.code, 4);
  assert.match(r.stderr, /only\[1\]: unknown probe id "dns\.reslove"/);
});

Deno.test("run: an unwritable output directory is refused before measuring (exit 4)", async () => {
  await using s = await setup();
  const file = join(s.dir, "a-file");
  await Deno.writeTextFile(file, "");
  const r = await runKit(
    [
      "run",
      "--accept-terms",
      VERSION,
      "--consent",
      "all",
      "--config",
      s.configFile,
      "--out",
      join(file, "out"),
    ],
    { env: s.env },
  );
  assert.equal(r.code, 4);
  assert.match(r.stderr, /Cannot write to --out/);
  assert.doesNotMatch(r.stderr, /Measuring/);
});

Deno.test("run: usage errors exit 2", async () => {
  await using s = await setup();
  for (
    const args of [["run", "--bogus"], ["frobnicate"], ["run", "--lang", "fr"], [
      "run",
      "--consent",
      "everything",
      "--accept-terms",
      VERSION,
    ]]
  ) {
    const r = await runKit(args, { env: s.env });
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
  }
});

Deno.test("run: Ctrl-C leaves a valid report marked partial (exit 130)", async () => {
  await using s = await setup();
  // A server that accepts and never answers keeps http.timing busy until interrupted.
  const silent = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const held: Deno.Conn[] = [];
  (async () => {
    for await (const c of silent) held.push(c);
  })().catch(() => {});
  const config = structuredClone(s.targets.config) as {
    http: { targets: unknown[]; timeoutMs: number };
  };
  config.http.targets.push({
    name: "silent",
    url: `http://127.0.0.1:${(silent.addr as Deno.NetAddr).port}/`,
  });
  config.http.timeoutMs = 60_000;
  await Deno.writeTextFile(s.configFile, JSON.stringify(config));
  const out = join(s.dir, "out");
  const child = kitCommand(
    ["run", "--accept-terms", VERSION, "--consent", "all", "--config", s.configFile, "--out", out],
    { env: s.env },
  ).spawn();
  // Wait until the other probes are done and a partial report is on disk.
  const reader = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  while (!/tcp\.connect/.test(seen) || !/dns\.resolve/.test(seen)) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += value;
  }
  child.kill("SIGINT");
  const status = await child.status;
  reader.releaseLock();
  await child.stderr.cancel().catch(() => {});
  await child.stdout.cancel();
  silent.close();
  held.forEach((c) => c.close());
  assert.equal(status.code, 130);
  const report = await readVerifiedReport(join(out, "report.json"));
  assert.equal(report.partial, true);
  assert.equal(report.interrupted?.reason, "SIGINT");
  assert.equal(report.probes.find((p) => p.id === "dns.resolve")?.status, "ok");
  const http = report.probes.find((p) => p.id === "http.timing")!;
  assert.equal(http.status, "error");
  assert.equal(http.error?.name, "Interrupted");
  assert.match(await Deno.readTextFile(join(out, "report.txt")), /partial/);
});

Deno.test("report verify: a tampered report is refused naming the digest (exit 4)", async () => {
  await using s = await setup();
  const out = join(s.dir, "out");
  const r = await runKit(
    [
      "run",
      "--accept-terms",
      VERSION,
      "--consent",
      "all",
      "--config",
      s.configFile,
      "--out",
      out,
      "--quiet",
    ],
    { env: s.env },
  );
  assert.equal(r.code, 0, r.stderr);
  const file = join(out, "report.json");
  const ok = await runKit(["report", "verify", file], { env: s.env });
  assert.equal(ok.code, 0);
  assert.match(ok.stdout, /Valid report/);
  const json = JSON.parse(await Deno.readTextFile(file));
  json.diagnosis.headline.text.en = "All is well, really";
  await Deno.writeTextFile(file, JSON.stringify(json));
  const bad = await runKit(["report", "verify", file], { env: s.env });
  assert.equal(bad.code, 4);
  assert.match(bad.stderr, /digest: the content does not match/);
  json.schema = "something/v0";
  await Deno.writeTextFile(file, JSON.stringify(json));
  assert.match(
    (await runKit(["report", "verify", file], { env: s.env })).stderr,
    /schema: expected "kiriwake\.report\/v1"/,
  );
});

Deno.test("terms status --json tells version, hash and acceptance", async () => {
  await using s = await setup();
  const before = JSON.parse((await runKit(["terms", "status", "--json"], { env: s.env })).stdout);
  assert.equal(before.version, VERSION);
  assert.match(before.sha256, /^[0-9a-f]{64}$/);
  assert.equal(before.accepted, false);
  const acc = await runKit(["terms", "accept", VERSION, "--consent", "measurements,device"], {
    env: s.env,
  });
  assert.equal(acc.code, 0, acc.stderr);
  const after = JSON.parse((await runKit(["terms", "status", "--json"], { env: s.env })).stdout);
  assert.equal(after.accepted, true);
  assert.deepEqual(after.granted, ["device", "measurements"]);
  assert.equal((await runKit(["terms", "revoke"], { env: s.env })).code, 0);
  assert.equal(
    JSON.parse((await runKit(["terms", "status", "--json"], { env: s.env })).stdout).accepted,
    false,
  );
});

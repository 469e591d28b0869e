/**
 * The release workflow (.github/workflows/release.yml), checked here because it only runs on
 * a forge: actionlint finds what GitHub would reject, and the assertions pin what the
 * release must do — every target on its own OS, signing driven by secrets, the smoke test
 * with the built binary, and checksums, signature and SBOM in the release.
 */
import assert from "node:assert/strict";
import { parse } from "yaml";
import { actionlint } from "../tests/support/actionlint.ts";
import { TARGETS } from "./compile_args.ts";

const PATH = ".github/workflows/release.yml";
const SOURCE = await Deno.readTextFile(new URL(`../${PATH}`, import.meta.url));

interface WorkflowStep {
  name?: string;
  uses?: string;
  if?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface WorkflowJob {
  needs?: string | string[];
  permissions?: Record<string, string>;
  strategy?: { matrix: { include: { target: string; runner: string }[] } };
  steps: WorkflowStep[];
}
const WORKFLOW = parse(SOURCE) as {
  on: Record<string, unknown>;
  jobs: Record<string, WorkflowJob>;
};
const BUILD = WORKFLOW.jobs.build;
const RELEASE = WORKFLOW.jobs.release;
const step = (job: WorkflowJob, name: string) => {
  const i = job.steps.findIndex((s) => s.name === name);
  assert.ok(i >= 0, `step "${name}"`);
  return { ...job.steps[i], index: i };
};

Deno.test("actionlint finds nothing wrong with the release workflow", async () => {
  const problems = await actionlint(SOURCE, PATH);
  // actionlint 1.7.7 predates GitHub's macos-15-intel label (the last Intel macOS image);
  // that one finding is about actionlint's age, not the workflow.
  const real = problems.filter((p) =>
    !(p.kind === "runner-label" && p.message.startsWith('label "macos-15-intel" is unknown'))
  );
  assert.deepEqual(
    real,
    [],
    real.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`).join("\n"),
  );
});

Deno.test("actionlint does flag a broken workflow (the linter really runs)", async () => {
  const broken = SOURCE.replace("runs-on: ${{ matrix.runner }}", "runs-on: ${{ matrix.runer }}");
  const problems = await actionlint(broken, PATH);
  assert.ok(problems.some((p) => p.message.includes("runer")), JSON.stringify(problems));
});

Deno.test("the build job runs every target on a runner of its own OS and architecture", () => {
  const include = BUILD.strategy!.matrix.include;
  assert.deepEqual(include.map((m) => m.target).sort(), [...TARGETS].sort());
  const runner = Object.fromEntries(include.map((m) => [m.target, m.runner]));
  assert.match(runner["x86_64-pc-windows-msvc"], /^windows-/);
  assert.match(runner["x86_64-apple-darwin"], /^macos-.*intel$/);
  assert.match(runner["aarch64-apple-darwin"], /^macos-1[4-9]$/, "Apple silicon images");
  assert.match(runner["x86_64-unknown-linux-gnu"], /^ubuntu-[\d.]+$/);
  assert.match(runner["aarch64-unknown-linux-gnu"], /^ubuntu-[\d.]+-arm$/);
  assert.deepEqual(
    step(BUILD, "Build the kit").run?.match(/--target "\$\{\{ matrix\.target \}\}"/)?.length,
    1,
  );
  assert.match(step(BUILD, "Build the kit").run!, /--max-bytes "\$KIT_MAX_BYTES"/);
  assert.match(SOURCE, /KIT_MAX_BYTES: "83886080"/, "80 MiB, as build/size_budget.ts");
  for (const job of [BUILD, RELEASE]) {
    const setup = job.steps.find((s) => s.uses?.startsWith("denoland/setup-deno@"))!;
    assert.equal(setup.with?.["deno-version"], `v${Deno.version.deno}`, "the Deno the repo pins");
  }
});

Deno.test("signing steps are driven by secrets and say so when they are absent", () => {
  const win = step(BUILD, "Authenticode (Windows)");
  const mac = step(BUILD, "Codesign and notarise (macOS)");
  assert.equal(win.if, "runner.os == 'Windows'");
  assert.equal(mac.if, "runner.os == 'macOS'");
  assert.match(win.env!.CERT_PFX_BASE64, /secrets\.WINDOWS_CERT_PFX_BASE64/);
  assert.match(mac.env!.CERT_P12_BASE64, /secrets\.APPLE_CERT_P12_BASE64/);
  assert.match(mac.env!.API_KEY_P8_BASE64, /secrets\.APPLE_API_KEY_P8_BASE64/);
  for (const s of [win, mac]) {
    assert.match(s.run!, /if \[ -z "\$CERT_\w+" \]; then\s+echo "::warning title=Unsigned/);
  }
  assert.match(mac.run!, /xcrun notarytool submit/);
  assert.match(mac.run!, /--options runtime/, "the hardened runtime notarisation needs");
  const sign = step(RELEASE, "Sign SHA256SUMS");
  assert.match(sign.env!.RELEASE_KEY, /secrets\.KIRIWAKE_RELEASE_KEY/);
  assert.match(sign.run!, /::warning title=Unsigned checksums/);
});

Deno.test("the smoke test runs the signed binary on its own OS, and under code page 932 on Windows", () => {
  const smoke = step(BUILD, "Smoke test the binary on its own OS");
  assert.match(
    smoke.run!,
    /build\/smoke\.ts --expect compiled "\$\{key\[@\]\}" -- "dist\/\$\{\{ steps\.built\.outputs\.binary \}\}"/,
  );
  assert.match(smoke.env!.PLUGIN_KEY, /secrets\.KIRIWAKE_PLUGIN_KEY/, "signs the example manifest");
  assert.ok(smoke.index > step(BUILD, "Authenticode (Windows)").index, "after signing");
  assert.ok(smoke.index > step(BUILD, "Codesign and notarise (macOS)").index, "after signing");
  const cp = step(BUILD, "Smoke test under the Japanese code page (Windows)");
  assert.equal(cp.if, "runner.os == 'Windows'");
  assert.equal(cp.shell, "cmd");
  assert.match(cp.run!, /^chcp 932 &&/);
  assert.match(cp.run!, /--only codepage/);
});

Deno.test("the release job publishes binaries, checksums, their signature and the SBOM", () => {
  assert.equal(RELEASE.needs, "build");
  assert.deepEqual(RELEASE.permissions, { contents: "write" });
  assert.deepEqual(Object.keys(WORKFLOW.on).sort(), ["push", "workflow_dispatch"]);
  assert.match(step(BUILD, "Collect release files").run!, /cp dist\/\*\.cdx\.json out\//);
  assert.match(step(RELEASE, "SHA256SUMS").run!, /build\/release_sums\.ts sums release/);
  assert.match(
    step(RELEASE, "Sign SHA256SUMS").run!,
    /release_sums\.ts \\\s+sign release --key-env RELEASE_KEY/,
  );
  const publish = step(RELEASE, "Publish");
  assert.equal(publish.if, "startsWith(github.ref, 'refs/tags/')");
  assert.match(publish.run!, /gh release create "\$GITHUB_REF_NAME" release\/\*/);
});

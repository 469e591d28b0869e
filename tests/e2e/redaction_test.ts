/**
 * The standing redaction test: the real kit, run as a customer would (a separate process,
 * loopback targets), with `identifiers` refused. Nothing that identifies the machine or the
 * account may appear in anything it wrote or renders: not the real host name, user name,
 * MAC addresses, MAC-derived or public addresses, nor identifiers planted where a report
 * copies text (a config path under the home directory, a target name, a URL path).
 *
 * The second test plants a host name, a MAC and public IPv4/IPv6 addresses for real, in
 * private UTS and network namespaces (root and `unshare` needed; skipped elsewhere, failed
 * on CI).
 */
import assert from "node:assert/strict";
import { userInfo } from "node:os";
import { join } from "node:path";
import { ipScope } from "../../util/ip_scope.ts";
import { readVerifiedReport } from "../../report/verify.ts";
import { type LoopbackOutcome, plant, runAgainstLoopback } from "../support/loopback_run.ts";
import { collectOutputs, findLeaks, type Secret } from "../support/rendered_outputs.ts";
import { MAIN } from "../support/kit.ts";
import { BRAND } from "../../brand/brand.ts";
import { denoCacheEnv } from "../support/loopback_run.ts";

const hex = () => crypto.randomUUID().slice(0, 8);
const CONSENT = [
  "--accept-terms",
  BRAND.terms.version,
  "--consent",
  "device,network,measurements",
  "--json",
];

/** The machine's identifiers as the kit's process saw them, found independently of the kit. */
function machineSecrets(seen: LoopbackOutcome["seen"], user: string): Secret[] {
  const out: Secret[] = [{ kind: "hostname", value: seen.hostname }, { kind: "user", value: user }];
  for (const i of seen.interfaces) {
    if (i.mac && i.mac !== "00:00:00:00:00:00") out.push({ kind: "mac", value: i.mac });
    const a = i.address.replace(/%.*$/, "");
    if (ipScope(a) === "global" || /ff:fe/i.test(a)) out.push({ kind: "address", value: a });
  }
  return out;
}

/** Runs the checks every variant shares; returns the report for more. */
async function assertNothingLeaks(outcome: LoopbackOutcome, secrets: Secret[]) {
  assert.ok([0, 1].includes(outcome.kit.code), outcome.kit.stderr);
  const summary = JSON.parse(outcome.kit.stdout);
  const dir = join(summary.report, "..");
  const report = await readVerifiedReport(summary.report);
  // Not vacuous: it measured, and masked what it found.
  assert.equal(report.probes.find((p) => p.id === "tcp.connect")?.status, "ok");
  assert.equal(report.probes.find((p) => p.id === "system.info")?.status !== "skipped", true);
  assert.deepEqual(report.consent.refused, ["identifiers"]);
  for (const kind of ["hostname", "user"]) assert.ok(report.redaction.masked[kind] >= 1, kind);
  const outputs = await collectOutputs(dir);
  assert.ok(
    outputs.some((o) => o.name === "report.json") && outputs.some((o) => o.name === "report.txt"),
  );
  const leaks = findLeaks(outputs, secrets.filter((s) => s.value.trim().length > 0));
  assert.deepEqual(leaks, [], JSON.stringify(leaks, null, 2));
  return report;
}

Deno.test("a run with identifiers refused writes no identifier of this machine or account", async () => {
  const base = await Deno.makeTempDir({ prefix: "kw-redact-" });
  try {
    const planted = { user: `kwuser${hex()}`, host: `KW-HOST-${hex()}` };
    const home = join(base, "home", planted.user);
    await Deno.mkdir(join(home, "cfg"), { recursive: true });
    const realUser = userInfo().username;
    const outcome = await runAgainstLoopback({
      configPath: join(home, "cfg", "config.json"),
      args: CONSENT, // no --out: the report goes under the planted home, as by default
      env: {
        HOME: home,
        USERPROFILE: home,
        USER: realUser,
        LOGNAME: planted.user,
        HOSTNAME: planted.host.toLowerCase(),
        KIRIWAKE_CONFIG_DIR: join(base, "config"),
      },
      extra: (c) => plant(c, planted.host, `/Users/${planted.user}/probe`),
    });
    const secrets = [
      ...machineSecrets(outcome.seen, realUser),
      { kind: "planted user", value: planted.user },
      { kind: "planted host", value: planted.host },
    ];
    const report = await assertNothingLeaks(outcome, secrets);
    assert.match(
      report.config.source,
      /\[redacted:user\]/,
      "the config path was masked, not dropped",
    );
    const tcp = report.probes.find((p) => p.id === "tcp.connect")!;
    assert.match(JSON.stringify(tcp.data), /\[redacted:hostname\]/);
  } finally {
    await Deno.remove(base, { recursive: true });
  }
});

/** True when this process may make UTS and network namespaces. */
async function canUnshare(): Promise<boolean> {
  try {
    const r = await new Deno.Command("unshare", {
      args: ["--uts", "--net", "true"],
      stderr: "null",
    })
      .output();
    return r.success;
  } catch {
    return false;
  }
}

Deno.test("identifiers planted for real (host name, MAC, public IPv4/IPv6) appear nowhere", async (t) => {
  if (!(await canUnshare())) {
    if (Deno.env.get("CI") === "true") throw new Error("CI needs root and unshare for this test");
    console.log("skipped: needs root and unshare (UTS and network namespaces)");
    return;
  }
  const base = await Deno.makeTempDir({ prefix: "kw-redact-ns-" });
  try {
    const id = hex();
    const mac = `02:4b:57:${id.slice(0, 2)}:${id.slice(2, 4)}:${id.slice(4, 6)}`;
    const host = `kw-planted-${id}`;
    const v4 = "203.0.113.77";
    const v6 = `2001:db8:4b57::${id.slice(0, 4)}`;
    // The namespaces die with the process: nothing to clean up on the host.
    const setup = [
      "ip link set lo up",
      "sysctl -qw net.ipv6.conf.default.accept_dad=0",
      // A veth pair: the dummy driver is not in every kernel. kw1 is only kw0's other end.
      "ip link add kw0 type veth peer name kw1",
      `ip link set kw0 address ${mac}`,
      `ip addr add ${v4}/24 dev kw0`,
      `ip -6 addr add ${v6}/64 dev kw0 nodad`,
      "ip link set kw0 up",
      "ip link set kw1 up",
      "ip route add default via 203.0.113.1",
      `hostname ${host}`,
    ].join(" && ");
    const run = {
      configPath: join(base, "config.json"),
      args: [...CONSENT, "--out", join(base, "out")],
      env: { ...denoCacheEnv(), KIRIWAKE_CONFIG_DIR: join(base, "config"), HOME: base },
    };
    const script = join(MAIN, "..", "tests", "support", "loopback_run.ts");
    const r = await new Deno.Command("unshare", {
      args: [
        "--uts",
        "--net",
        "--",
        "sh",
        "-c",
        `${setup} && exec "$0" run -A "$1" "$2"`,
        Deno.execPath(),
        script,
        JSON.stringify(run),
      ],
      cwd: join(MAIN, ".."),
      stdout: "piped",
      stderr: "piped",
    }).output();
    const err = new TextDecoder().decode(r.stderr);
    assert.ok(r.success, err);
    const outcome = JSON.parse(new TextDecoder().decode(r.stdout)) as LoopbackOutcome;
    await t.step("the namespace holds what was planted", () => {
      assert.equal(outcome.seen.hostname, host);
      assert.ok(outcome.seen.interfaces.some((i) => i.mac === mac && i.address === v4));
      assert.ok(outcome.seen.interfaces.some((i) => i.address === v6));
    });
    const secrets = [
      ...machineSecrets(outcome.seen, userInfo().username),
      { kind: "planted mac", value: mac },
      { kind: "planted mac, dashes", value: mac.replaceAll(":", "-") },
      { kind: "planted host", value: host },
      { kind: "planted v4", value: v4 },
      { kind: "planted v6", value: v6 },
    ];
    const report = await assertNothingLeaks(outcome, secrets);
    const ifaces = report.probes.find((p) => p.id === "net.interfaces")!;
    assert.equal(ifaces.status, "ok", "network was consented: interfaces are measured");
    assert.ok(report.redaction.masked.mac >= 1 && report.redaction.masked["public-ip"] >= 2);
  } finally {
    await Deno.remove(base, { recursive: true });
  }
});

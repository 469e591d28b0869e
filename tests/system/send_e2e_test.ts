/**
 * The support loop end to end, in the netns lab: the provider's real collector runs in the
 * provider namespace behind a TLS front (as behind a load balancer), reachable from the home
 * through the lab router. With the line down a customer runs the kit and sends the report:
 * it queues. The line comes back; the next start of the kit delivers it, the customer is
 * shown a receipt code, and that code finds the report in the collector's database. On the
 * way: the kit's CA pin holds against the lab CA, and the signed status document is fetched
 * and its notice announced once online.
 *
 * Needs root, network namespaces and the collector (`collector/`): skipped with the reason
 * where they are missing; on CI a missing lab fails.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BRAND } from "../../brand/brand.ts";
import type { BrandInput } from "../../brand/schema.ts";
import { signStatus } from "../../consent/status_document.ts";
import { sendsOf } from "../../report/send_record.ts";
import { readVerifiedReport } from "../../report/verify.ts";
import { generateEd25519 } from "../../util/crypto.ts";
import { parseReceipt } from "../../util/receipt.ts";
import { VERSION } from "../../util/version.ts";
import { collectorPresent, lookupReceipt } from "../support/collector_lookup.ts";
import { denoCacheEnv } from "../support/loopback_run.ts";
import { topologyConfig } from "./kit_config.ts";
import { createLab, type Lab } from "./lab.ts";
import { labUnavailable, runPrefix } from "./netns.ts";
import { ADDR } from "./topology.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const PKI = (f: string) => fileURLToPath(new URL(`./pki/${f}`, import.meta.url));
const BRANDED = fileURLToPath(new URL("../support/branded_main.ts", import.meta.url));
const TLS_FRONT = fileURLToPath(new URL("../support/tls_front.ts", import.meta.url));
/** The collector's public address in the provider's network (the lab certificate names it). */
const COLLECTOR_URL = `https://${ADDR.providerPortal4}:8443`;

const labWhy = await labUnavailable();
const collectorWhy = (await collectorPresent()) ? null : "this build has no collector yet";
const why = labWhy ?? collectorWhy;
const ci = Deno.env.get("CI") === "true";
if (why) console.log(`Skipping the send end-to-end test: ${why}`);

/** A process in a namespace, started with the branded kit or a helper script. */
interface Proc {
  child: Deno.ChildProcess;
  firstLine: Promise<string>;
  stderr: () => string;
}

/** `ip netns exec NS env … deno run … SCRIPT ARGS`, with the test's Deno cache. */
function nsArgv(ns: string, env: Record<string, string>, script: string, args: string[]) {
  const vars = Object.entries({ ...denoCacheEnv(), LANG: "C.UTF-8", NO_COLOR: "1", ...env });
  return [
    "netns",
    "exec",
    ns,
    "env",
    ...vars.map(([k, v]) => `${k}=${v}`),
    Deno.execPath(),
    ...["run", "-A", "--quiet", "--unstable-worker-options", "--unstable-net"],
    ...["--config", join(REPO, "deno.json"), script, ...args],
  ];
}

function spawnIn(ns: string, script: string, args: string[], env: Record<string, string>): Proc {
  const child = new Deno.Command("ip", {
    args: nsArgv(ns, env, script, args),
    cwd: REPO,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let err = "";
  (async () => {
    for await (const c of child.stderr.pipeThrough(new TextDecoderStream())) err += c;
  })().catch(() => {});
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  const firstLine = (async () => {
    let text = "";
    while (!text.includes("\n")) {
      const r = await reader.read();
      if (r.done) throw new Error(`${script} ${args[0]} exited: ${err}`);
      text += r.value;
    }
    (async () => {
      while (!(await reader.read()).done) { /* drain */ }
    })().catch(() => {});
    return text.split("\n")[0].trim();
  })();
  return { child, firstLine, stderr: () => err };
}

async function stop(p: Proc | undefined): Promise<void> {
  if (!p) return;
  try {
    p.child.kill("SIGTERM");
  } catch { /* gone */ }
  await p.child.status;
}

/** Runs the branded kit in the client's namespace to the end. */
async function kit(lab: Lab, env: Record<string, string>, args: string[]) {
  const out = await new Deno.Command("ip", {
    args: nsArgv(lab.ns("client"), env, BRANDED, [...args, "--lang", "en"]),
    cwd: REPO,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

Deno.test({
  name:
    "send: with the line down the report queues; when it is back it arrives, and the receipt finds it",
  ignore: why !== null && !(ci && labWhy !== null),
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    if (labWhy) throw new Error(`CI needs the lab, but ${labWhy}`);
    const dir = await Deno.makeTempDir({ prefix: "kiriwake-send-e2e-" });
    const lab = await createLab(runPrefix());
    let collector: Proc | undefined, front: Proc | undefined;
    try {
      // The provider's build: its collector, pinned to the lab CA, and its status key.
      const statusKey = await generateEd25519();
      const brand: BrandInput = {
        ...structuredClone(BRAND),
        collector: {
          urls: [COLLECTOR_URL],
          pin: { caCerts: [await Deno.readTextFile(PKI("ca.pem"))] },
        },
        status: { publicKeys: [statusKey.publicKey] },
      };
      const brandFile = join(dir, "brand.json");
      await Deno.writeTextFile(brandFile, JSON.stringify(brand));
      const statusFile = join(dir, "status.json");
      await Deno.writeTextFile(
        statusFile,
        await signStatus({
          schema: "kiriwake.status/v1",
          issuedAt: new Date(Date.now() - 60_000).toISOString(),
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          product: BRAND.id,
          latestVersion: VERSION,
          terms: { version: BRAND.terms.version },
          revokedLicences: [],
          notices: [{
            id: "lab",
            severity: "info",
            text: { ja: "ラボのお知らせ", en: "Lab notice 15" },
          }],
        }, statusKey),
      );
      const collectorData = join(dir, "collector");
      const providerEnv = { KIRIWAKE_TEST_BRAND: brandFile, HOME: dir };
      collector = spawnIn(lab.ns("provider"), BRANDED, [
        "collector",
        "--listen",
        "127.0.0.1:8470",
        "--data",
        collectorData,
        "--status",
        statusFile,
      ], providerEnv); // deno-fmt-ignore
      assert.match(await collector.firstLine, /^http:\/\/127\.0\.0\.1:8470/, collector.stderr());
      front = spawnIn(lab.ns("provider"), TLS_FRONT, [
        `${ADDR.providerPortal4}:8443`,
        PKI("server.pem"),
        PKI("server.key"),
        "127.0.0.1:8470",
      ], {}); // deno-fmt-ignore
      assert.equal(await front.firstLine, "ready");

      const customer = {
        KIRIWAKE_TEST_BRAND: brandFile,
        KIRIWAKE_CONFIG_DIR: join(dir, "customer-config"),
        KIRIWAKE_DATA_DIR: join(dir, "customer-data"),
        HOME: join(dir, "home"),
      };
      const config = join(dir, "run-config.json");
      await Deno.writeTextFile(config, JSON.stringify(topologyConfig(PKI("ca.pem"))));
      const out = join(dir, "report");
      const runArgs = [
        "run",
        "--accept-terms",
        BRAND.terms.version,
        "--consent",
        "all",
        "--config",
        config,
      ]; // deno-fmt-ignore

      // The line is down: the router's WAN link.
      await lab.apply({ kind: "link", node: "router", dev: "wan0", up: false });
      const offline = await kit(lab, customer, [...runArgs, "--out", out, "--json", "--quiet"]);
      assert.equal(offline.code, 1, offline.stderr);
      const queued = await kit(lab, customer, [
        "send",
        out,
        "--yes",
        "--json",
        "--ticket",
        "LAB-15",
      ]);
      assert.equal(queued.code, 1, queued.stderr);
      const q = JSON.parse(queued.stdout);
      assert.deepEqual([q.status, q.receipt], ["queued", null]);
      assert.equal(sendsOf(await readVerifiedReport(join(out, "report.json")))[0].status, "queued");
      const waiting = JSON.parse((await kit(lab, customer, ["send", "--list", "--json"])).stdout);
      assert.equal(waiting.waiting.length, 1);

      // The line is back. The next start of the kit measures, then delivers what waited.
      await lab.reset();
      const online = await kit(lab, customer, [...runArgs, "--out", join(dir, "report2")]);
      assert.ok(online.code === 0 || online.code === 1, online.stderr);
      assert.match(online.stderr, /Lab notice 15/, "the signed status was fetched and announced");
      const shown = /has been sent\. Receipt code: (KW-[0-9A-Z-]+)/.exec(online.stderr)?.[1];
      assert.ok(shown && parseReceipt(shown) === shown, online.stderr);
      const report = await readVerifiedReport(join(out, "report.json"));
      assert.deepEqual(sendsOf(report).map((s) => [s.status, s.receipt]), [["sent", shown]]);
      assert.ok((await Deno.readTextFile(join(out, "report.txt"))).includes(shown));
      const list = JSON.parse((await kit(lab, customer, ["send", "--list", "--json"])).stdout);
      assert.deepEqual([list.waiting.length, list.finished[0].receipt], [0, shown]);

      // The receipt the customer reads out finds the report in the collector.
      await stop(front);
      await stop(collector);
      front = collector = undefined;
      const found = await lookupReceipt(collectorData, shown);
      assert.ok(found, `receipt ${shown} not in the collector`);
      assert.equal(found.reportId, report.id);
      assert.equal(found.digest, report.digest.value);
      assert.equal(found.ticket, "LAB-15");
    } finally {
      await stop(front);
      await stop(collector);
      await lab.close();
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    }
  },
});

import assert from "node:assert/strict";
import type { RunConfigInput } from "../config.ts";
import { dnsCompareProbe, judgeDns } from "./dns_compare.ts";
import { type ResponderMode, startResponder } from "../../tests/support/dns_responder.ts";
import { testContext } from "../testing.ts";
import type { ProbeResult } from "../types.ts";

function dnsConfigResult(servers: string[]): ProbeResult {
  return {
    id: "dns.config",
    title: { ja: "", en: "" },
    segment: "dns",
    status: "ok",
    startedAt: "2026-11-24T09:00:00.000Z",
    durationMs: 1,
    data: { source: "test", interfaces: [{ name: "lo", servers }], servers, searchDomains: [] },
    evidence: [],
    source: "builtin",
  };
}

/** Runs dns.compare with the configured resolver in `mode` and a healthy public one, all on loopback. */
async function compare(mode: ResponderMode) {
  const configured = await startResponder(mode, 250);
  const pub = await startResponder("healthy");
  try {
    const config: RunConfigInput = {
      dnsCompare: {
        publicResolvers: [{ name: "public", address: "127.0.0.1", port: pub.port }],
        names: ["a.example", "b.example"],
        configuredPort: configured.port,
        slowMs: 150,
        timeoutMs: 600,
      },
    };
    const started = performance.now();
    const r = await dnsCompareProbe.run(
      testContext({ config, deps: { "dns.config": dnsConfigResult(["127.0.0.1"]) } }),
    );
    return { r, ms: performance.now() - started, queries: configured.queries };
  } finally {
    await configured.close();
    await pub.close();
  }
}

Deno.test("dns.compare says DNS is fine when both answer quickly", async () => {
  const { r, queries } = await compare("healthy");
  assert.equal(r.data.verdict, "fine");
  assert.equal(r.status, "ok");
  assert.deepEqual(queries, ["a.example", "b.example"]);
  assert.deepEqual(r.data.resolvers[0].lookups[0].answers, ["192.0.2.10"]);
});

Deno.test("dns.compare flags a slow configured resolver", async () => {
  const { r } = await compare("slow");
  assert.equal(r.data.verdict, "configured-slow");
  assert.equal(r.status, "warn");
  assert.ok(r.data.resolvers[0].medianMs! >= 150);
});

Deno.test("dns.compare gives up on a silent resolver within its timeout", async () => {
  const { r, ms } = await compare("silent");
  assert.equal(r.data.verdict, "configured-broken");
  assert.equal(r.status, "fail");
  assert.equal(r.data.resolvers[0].lookups[0].error, "timeout");
  assert.ok(ms < 3000, `took ${ms} ms`); // two names × 600 ms, not Deno's 15 s default
});

Deno.test("dns.compare flags sinkhole and NXDOMAIN answers the public resolver does not give", async () => {
  assert.equal((await compare("lying")).r.data.verdict, "configured-differs");
  const nx = await compare("nxdomain");
  assert.equal(nx.r.data.verdict, "configured-differs");
  assert.equal(nx.r.data.resolvers[0].lookups[0].error, "nxdomain");
});

Deno.test("judgeDns() tells 'no DNS at all' from 'provider DNS broken'", () => {
  const res = (kind: "configured" | "public", ok: boolean) => ({
    name: kind,
    address: "x",
    port: 53,
    kind,
    lookups: [{
      name: "n",
      ok,
      ms: 5,
      answers: ok ? ["192.0.2.1"] : [],
      ...(ok ? {} : { error: "timeout" }),
    }],
    okCount: ok ? 1 : 0,
    medianMs: ok ? 5 : null,
  });
  assert.equal(judgeDns([res("configured", false), res("public", false)], 300), "all-broken");
  assert.equal(judgeDns([res("configured", false), res("public", true)], 300), "configured-broken");
  assert.equal(judgeDns([res("public", true)], 300), "no-configured");
});

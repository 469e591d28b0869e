import assert from "node:assert/strict";
import type { RunConfigInput } from "../config.ts";
import { dnsCompareProbe, judgeDns } from "./dns_compare.ts";
import { type ResponderMode, startResponder } from "../../tests/support/dns_responder.ts";
import { startDns } from "../../tests/system/servers/dns.ts";
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
  // A and AAAA of each name, one name after the other
  assert.deepEqual(queries, ["a.example", "a.example", "b.example", "b.example"]);
  const [a, aaaa] = r.data.resolvers[0].lookups;
  assert.deepEqual([a.type, a.rcode, a.answers], ["A", "NOERROR", ["192.0.2.10"]]);
  assert.deepEqual([aaaa.type, aaaa.rcode, aaaa.error], ["AAAA", "NOERROR", "no-data"]);
  assert.equal(a.flags?.rd, true);
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
  assert.ok(ms < 3000, `took ${ms} ms`); // two names × 600 ms, not 15 s
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
      type: "A" as const,
      ok,
      ms: 5,
      answers: ok ? ["192.0.2.1"] : [],
      ...(ok ? {} : { error: "timeout" }),
      rcode: ok ? "NOERROR" : null,
      flags: null,
      transport: "udp" as const,
    }],
    okCount: ok ? 1 : 0,
    medianMs: ok ? 5 : null,
  });
  assert.equal(judgeDns([res("configured", false), res("public", false)], 300), "all-broken");
  assert.equal(judgeDns([res("configured", false), res("public", true)], 300), "configured-broken");
  assert.equal(judgeDns([res("public", true)], 300), "no-configured");
});

Deno.test("dns.compare tells a resolver that fails AAAA only from one that is down", async () => {
  const zone = { "a.example": { a: ["192.0.2.10"], aaaa: ["2001:db8::10"] } };
  const configured = await startDns(["127.0.0.1"], zone, 0);
  const pub = await startDns(["127.0.0.1"], zone, 0);
  configured.setMode({ mode: "servfail", types: ["AAAA"] });
  try {
    const config: RunConfigInput = {
      dnsCompare: {
        publicResolvers: [{ name: "public", address: "127.0.0.1", port: pub.port }],
        names: ["a.example"],
        configuredPort: configured.port,
        timeoutMs: 600,
      },
    };
    const r = await dnsCompareProbe.run(
      testContext({ config, deps: { "dns.config": dnsConfigResult(["127.0.0.1"]) } }),
    );
    assert.equal(r.data.verdict, "configured-fails-type");
    assert.equal(r.status, "warn");
    const grid = r.data.resolvers.map((res) =>
      res.lookups.map((l) => `${res.kind} ${l.type} ${l.rcode} ${l.answers.join(",")}`)
    ).flat();
    assert.deepEqual(grid, [
      "configured A NOERROR 192.0.2.10",
      "configured AAAA SERVFAIL ",
      "public A NOERROR 192.0.2.10",
      "public AAAA NOERROR 2001:db8::10",
    ]);
    assert.match(r.evidence![0].text, /@127\.0\.0\.1 \(configured\) a\.example AAAA: SERVFAIL/);
  } finally {
    await configured.close();
    await pub.close();
  }
});

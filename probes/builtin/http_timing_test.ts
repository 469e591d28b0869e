import assert from "node:assert/strict";
import { httpTimingProbe } from "./http_timing.ts";
import { startDns } from "../../tests/system/servers/dns.ts";
import { testContext } from "../testing.ts";
import type { ProbeResult } from "../types.ts";

const netProxy = (https: string | null): ProbeResult => ({
  id: "net.proxy",
  title: { ja: "", en: "" },
  segment: "device",
  status: "ok",
  startedAt: "2026-11-24T09:00:00.000Z",
  durationMs: 1,
  data: {
    sources: [{
      source: "env",
      enabled: https !== null,
      http: null,
      https,
      socks: null,
      pacUrl: null,
      autoDetect: null,
      bypass: [],
    }],
    notes: [],
  },
  evidence: [],
  source: "builtin",
});

Deno.test("http.timing is healthy when one family fails, as for a browser, and keeps both", async () => {
  // dual.test has A 127.0.0.1 and AAAA ::1; only IPv4 listens.
  const dns = await startDns(
    ["127.0.0.1"],
    { "dual.test": { a: ["127.0.0.1"], aaaa: ["::1"] } },
    0,
  );
  const web = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => new Response(null, { status: 204 }),
  );
  try {
    const r = await httpTimingProbe.run(testContext({
      config: {
        dns: { resolvers: [{ name: "lab", address: "127.0.0.1", port: dns.port }] },
        http: {
          targets: [{
            name: "app",
            url: `http://dual.test:${web.addr.port}/health`,
            segment: "service",
            expectStatus: 204,
            resolver: "lab",
          }],
          timeoutMs: 1000,
        },
      },
      deps: { "net.proxy": netProxy("http://127.0.0.1:3128") },
    }));
    const [t] = r.data.targets;
    assert.equal(t.healthy, true);
    assert.equal(r.status, "ok");
    assert.deepEqual(t.families?.map((f) => [f.family, f.ok]), [[6, false], [4, true]]);
    assert.equal(t.fallback?.preferredError, "refused");
    assert.match(r.evidence!.at(-1)!.text, /IPv6 ::1: .*refused.*IPv4 127\.0\.0\.1: 204/is);
    assert.deepEqual(r.data.bypassedProxies, ["env http://127.0.0.1:3128"]);
    assert.match(r.evidence![0].text, /not through the proxy the device is set to use/);
  } finally {
    await web.shutdown();
    await dns.close();
  }
});

import assert from "node:assert/strict";
import { netProxyCheckProbe, type ProxyCheckData } from "./net_proxy_check.ts";
import type { ProxyData } from "./net_proxy.ts";
import { type ProxyMode, startProxy } from "../../tests/system/servers/proxy.ts";
import { testContext } from "../testing.ts";
import type { ProbeResult } from "../types.ts";

type Source = ProxyData["sources"][number];

function netProxy(...sources: Partial<Source>[]): ProbeResult {
  const data: ProxyData = {
    sources: sources.map((s) => ({
      source: "env",
      enabled: true,
      http: null,
      https: null,
      socks: null,
      pacUrl: null,
      autoDetect: null,
      bypass: [],
      ...s,
    })),
    notes: [],
  };
  return {
    id: "net.proxy",
    title: { ja: "", en: "" },
    segment: "device",
    status: "ok",
    startedAt: "2026-11-24T09:00:00.000Z",
    durationMs: 1,
    data,
    evidence: [],
    source: "builtin",
  };
}

/** A web server on loopback: the target reached through the proxy. */
function target() {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => new Response(null, { status: 204 }),
  );
  return server;
}

async function checkWith(
  mode: ProxyMode | "closed",
  sources: (proxy: string) => Partial<Source>[],
): Promise<ProxyCheckData & { status: string }> {
  const web = target();
  const proxy = await startProxy(["127.0.0.1"], 0);
  if (mode === "closed") await proxy.close();
  else proxy.setMode(mode);
  try {
    const port = web.addr.port;
    const r = await netProxyCheckProbe.run(testContext({
      config: {
        http: {
          targets: [
            { url: `https://127.0.0.1:${port}/health` },
            { url: `http://127.0.0.1:${port}/generate_204` },
          ],
          timeoutMs: 600,
        },
      },
      deps: { "net.proxy": netProxy(...sources(`http://127.0.0.1:${proxy.port}`)) },
    }));
    return { ...r.data, status: r.status };
  } finally {
    if (mode !== "closed") await proxy.close();
    await web.shutdown();
  }
}

const both = (p: string) => [{ http: p, https: p }];

Deno.test("net.proxy.check passes a proxy that tunnels and forwards", async () => {
  const r = await checkWith({ mode: "normal" }, both);
  assert.equal(r.status, "ok");
  const [p] = r.proxies;
  assert.equal(p.verdict, "ok");
  assert.deepEqual(p.tests.map((t) => [t.via, t.status]), [["CONNECT", 200], ["GET", 204]]);
  assert.deepEqual(p.serves, ["http", "https"]);
});

Deno.test("net.proxy.check says which proxies browsers use", async () => {
  const r = await checkWith({ mode: "normal" }, (p) => [
    { source: "winhttp", http: p.replace("http://", ""), https: p.replace("http://", "") },
  ]);
  assert.equal(r.proxies[0].usedByBrowser, false);
  const env = await checkWith({ mode: "normal" }, both);
  assert.equal(env.proxies[0].usedByBrowser, Deno.build.os === "linux");
});

Deno.test("net.proxy.check calls a proxy nothing answers at dead", async () => {
  const r = await checkWith("closed", both);
  assert.equal(r.status, "fail");
  assert.equal(r.proxies[0].verdict, "dead");
  assert.equal(r.proxies[0].reach.error, "refused");
  assert.deepEqual(r.proxies[0].tests, []);
});

Deno.test("net.proxy.check tells a proxy refusing CONNECT from one that cannot reach out", async () => {
  const refusing = await checkWith({ mode: "refuse-connect" }, both);
  assert.equal(refusing.proxies[0].verdict, "refuses-connect");
  assert.deepEqual(refusing.proxies[0].tests.map((t) => [t.status, t.ok]), [
    [403, false],
    [204, true],
  ]);
  const cut = await checkWith({ mode: "bad-gateway" }, both);
  assert.equal(cut.proxies[0].verdict, "cannot-reach");
  assert.equal(cut.status, "fail");
});

Deno.test("net.proxy.check gives up on a silent proxy by its deadline", async () => {
  const t0 = performance.now();
  const r = await checkWith({ mode: "silent" }, both);
  assert.equal(r.proxies[0].verdict, "no-answer");
  assert.deepEqual(r.proxies[0].tests.map((t) => t.error), ["timeout", "timeout"]);
  assert.ok(performance.now() - t0 < 3000);
});

Deno.test("net.proxy.check merges sources naming one proxy, honours bypass lists, lists PAC", async () => {
  const r = await checkWith({ mode: "normal" }, (p) => [
    { source: "env", https: p, bypass: ["127.0.0.1"] },
    { source: "registry", http: p.replace("http://", ""), pacUrl: "http://wpad/proxy.pac" },
    { source: "scutil", enabled: false, http: "never.example:1" },
  ]);
  assert.equal(r.proxies.length, 1);
  assert.deepEqual(r.proxies[0].sources, ["env", "registry"]);
  // HTTPS goes through env's proxy, which bypasses 127.0.0.1; HTTP through the registry's.
  assert.deepEqual(r.proxies[0].tests.map((t) => t.via), ["GET"]);
  assert.deepEqual(r.notChecked, [{
    source: "registry",
    what: "pac",
    value: "http://wpad/proxy.pac",
  }]);
});

Deno.test("net.proxy.check is skipped when no proxy is set", async () => {
  await assert.rejects(
    () =>
      netProxyCheckProbe.run(testContext({ deps: { "net.proxy": netProxy({ enabled: false }) } })),
    /No proxy is configured/,
  );
});

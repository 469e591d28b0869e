import assert from "node:assert/strict";
import type { ProxyCheckData } from "../../probes/builtin/net_proxy_check.ts";
import { diagnose } from "../diagnose.ts";
import { proxyFailed, proxyNeedsAuth } from "./proxy.ts";
import { httpTarget, httpTiming, inputOf, result } from "./rule_testing.ts";

type Proxy = ProxyCheckData["proxies"][number];

function check(over: Partial<Proxy>) {
  const p: Proxy = {
    endpoint: "127.0.0.1:3128",
    host: "127.0.0.1",
    port: 3128,
    sources: ["env"],
    serves: ["http", "https"],
    usedByBrowser: true,
    address: "127.0.0.1",
    reach: { ok: false, ms: 0.4, error: "refused" },
    tests: [],
    verdict: "dead",
    ...over,
  };
  return result("net.proxy.check", { proxies: [p], notChecked: [] } satisfies ProxyCheckData, {
    segment: "device",
    status: "fail",
  });
}

const direct = httpTiming([httpTarget("www", "https://www.example.test/")]);

Deno.test("proxyFailed() makes a dead proxy a device fault that says the line works", () => {
  const [f] = proxyFailed(inputOf(check({}), direct));
  assert.equal(f.id, "device.proxy-failed");
  assert.equal(f.segment, "device");
  assert.equal(f.severity, "fail");
  assert.equal(f.at, "device");
  assert.match(f.detail.en, /does not answer.*1 sites answered: the connection itself works/s);
  assert.match(f.advice.en, /HTTP_PROXY\/HTTPS_PROXY/);
  assert.match(f.technical, /connect 127\.0\.0\.1:3128 failed: refused/);
  const d = diagnose([check({}), direct]);
  assert.equal(d.headline.segment, "device");
  assert.equal(d.headline.finding, "device.proxy-failed");
});

Deno.test("proxyFailed() names a proxy that refuses CONNECT, with the status it gave", () => {
  const [f] = proxyFailed(inputOf(
    check({
      address: "192.168.10.5",
      sources: ["registry"],
      reach: { ok: true, ms: 1 },
      verdict: "refuses-connect",
      tests: [
        { target: "www.example.test:443", via: "CONNECT", ok: false, status: 403, ms: 2 },
        { target: "http://www.example.test/", via: "GET", ok: true, status: 200, ms: 3 },
      ],
    }),
    direct,
  ));
  assert.match(f.title.en, /refuses secure \(HTTPS\) connections/);
  assert.match(f.technical, /CONNECT www\.example\.test:443 → 403/);
  assert.match(f.advice.en, /Settings > Network & internet > Proxy/);
  assert.equal(f.at, "lan");
});

Deno.test("proxyFailed() warns only, for a proxy only Windows services use", () => {
  const [f] = proxyFailed(inputOf(check({ sources: ["winhttp"], usedByBrowser: false })));
  assert.equal(f.severity, "warn");
  assert.match(f.advice.en, /netsh winhttp reset proxy/);
  assert.equal(f.confidence, "medium"); // no direct request answered to compare with
});

Deno.test("proxyFailed() stays quiet on a working proxy; a password request is a note", () => {
  assert.deepEqual(proxyFailed(inputOf(check({ verdict: "ok", reach: { ok: true, ms: 1 } }))), []);
  const auth = check({ verdict: "auth-required", reach: { ok: true, ms: 1 } });
  assert.deepEqual(proxyFailed(inputOf(auth)), []);
  assert.deepEqual(proxyNeedsAuth(inputOf(auth)).map((f) => [f.id, f.severity]), [
    ["device.proxy-auth", "info"],
  ]);
});

Deno.test("a remote proxy out of reach is a consequence of the line being down", () => {
  const remote = check({
    address: "198.51.100.8",
    reach: { ok: false, ms: 1000, error: "timeout" },
  });
  const gateway = result("lan.gateway.ping", {
    gateways: [{ target: "192.168.10.1", sent: 20, received: 0, lossPercent: 100 }],
  }, { segment: "lan", status: "fail" });
  const d = diagnose([remote, gateway]);
  const f = d.findings.find((x) => x.id === "device.proxy-failed");
  assert.equal(d.headline.segment, "lan");
  assert.equal(f?.consequenceOf, d.headline.finding);
});

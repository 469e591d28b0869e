import assert from "node:assert/strict";
import { captivePortal } from "./captive.ts";
import { ipv6Broken } from "./ipv6.ts";
import { mtuBlackHole, transferStalled } from "./mtu.ts";
import { badHttpStatus, namesUnresolved, unreachable } from "./reach.ts";
import {
  dnsResolve,
  httpTarget,
  httpTiming,
  inputOf,
  lookup,
  result,
  tcpConnect,
  tcpTarget,
} from "./rule_testing.ts";
import { slowResponses } from "./slow.ts";
import { anchorPing, echoes, gatewayPing, ispPing } from "./ping_testing.ts";

Deno.test("unreachable() breaks the path only when every target of a segment is silent", () => {
  const silent = inputOf(tcpConnect([
    tcpTarget("portal", "10.64.1.80", "isp", [[4, false, 1000, "timeout"]]),
    tcpTarget("resolver", "10.64.1.53", "isp", [[4, false, 1000, "timeout"]]),
    tcpTarget("anchor", "198.18.0.10", "internet", [[4, true, 1]]),
  ]));
  const [f] = unreachable(silent);
  assert.equal(f.id, "isp.unreachable");
  assert.equal(f.breaks, "path");
  assert.deepEqual(
    [(f.evidence[0].values!.rate as { failures: number; n: number }).failures, f.severity],
    [2, "fail"],
  );
  // Refused: the host answered, so the path works.
  const refused = inputOf(tcpConnect([
    tcpTarget("app", "198.18.0.30", "service", [[4, false, 1, "refused"]]),
  ]));
  const [g] = unreachable(refused);
  assert.equal(g.id, "service.unreachable");
  assert.equal(g.breaks, undefined);
});

Deno.test("unreachable() keeps one silent target among working ones as a note, not a fault", () => {
  const input = inputOf(tcpConnect([
    tcpTarget("portal", "10.64.1.80", "isp", [[4, false, 1000, "timeout"]]),
    tcpTarget("www", "198.18.0.20", "internet", [[4, true, 1]]),
    tcpTarget("anchor", "198.18.0.10", "internet", [[4, true, 1]]),
  ]));
  const [f] = unreachable(input);
  assert.deepEqual([f.id, f.severity, f.breaks], ["isp.unreachable", "info", undefined]);
  assert.match(f.detail.en, /failed once only/);
});

Deno.test("unreachable() needs the whole path silent to let one target's failure stand for it", () => {
  const input = inputOf(tcpConnect([
    tcpTarget("portal", "10.64.1.80", "isp", [[4, true, 3]]),
    tcpTarget("anchor", "198.18.0.10", "internet", [[4, false, 1000, "timeout"]]),
    tcpTarget("app", "198.18.0.30", "service", [[4, false, 1000, "timeout"]]),
  ]));
  assert.deepEqual(unreachable(input).map((f) => [f.id, f.severity]), [
    ["internet.unreachable", "info"],
    ["service.unreachable", "info"],
  ]);
});

Deno.test("unreachable() leaves targets that failed by name to the DNS symptom", () => {
  const input = inputOf(
    tcpConnect([
      tcpTarget("www", "www.example.test", "internet", [], "dns: timeout"),
      tcpTarget("app", "app.example.test", "service", [], "dns: timeout"),
      tcpTarget("anchor", "198.18.0.10", "internet", [[4, true, 1]]),
    ]),
  );
  assert.deepEqual(unreachable(input), []);
  const [f] = namesUnresolved(input);
  assert.equal(f.id, "dns.targets-unresolved");
  assert.equal(f.symptom, "names");
  assert.equal(f.severity, "fail");
  // One lookup that timed out, with nothing else failing, is a note.
  const one = inputOf(tcpConnect([
    tcpTarget("www", "www.example.test", "internet", [], "dns: timeout"),
    tcpTarget("app", "app.example.test", "service", [[4, true, 1]]),
  ]));
  assert.deepEqual(namesUnresolved(one).map((x) => x.severity), ["info"]);
});

Deno.test("namesUnresolved() counts a connection to a sinkhole address as a name failure", () => {
  const input = inputOf(
    dnsResolve([lookup("www.example.test", "public", { answers: ["198.18.0.20"] })]),
    httpTiming([httpTarget("www", "https://www.example.test/", {
      ok: false,
      healthy: false,
      failedAt: "connect",
      error: "connect ECONNREFUSED 0.0.0.0:443",
      address: "0.0.0.0",
    })]),
  );
  assert.deepEqual(namesUnresolved(input).map((f) => f.id), ["dns.targets-unresolved"]);
  assert.deepEqual(unreachable(input), []);
});

Deno.test("badHttpStatus() fails on 5xx and leaves captive redirects to captivePortal()", () => {
  const input = inputOf(httpTiming([
    httpTarget("app", "https://app.example.test/health", {
      segment: "service",
      healthy: false,
      status: 503,
      expectStatus: 204,
    }),
    httpTarget("anchor", "http://198.18.0.10/generate_204", {
      healthy: false,
      status: 302,
      expectStatus: 204,
      location: "http://portal.provider.test/login",
    }),
  ]));
  assert.deepEqual(badHttpStatus(input).map((f) => [f.id, f.severity]), [
    ["service.http-status", "fail"],
  ]);
  const [c] = captivePortal(input);
  assert.equal(c.id, "isp.captive-portal");
  assert.match(c.detail.en, /portal\.provider\.test\/login/);
});

Deno.test("captivePortal() believes http.captive alone", () => {
  const input = inputOf(result("http.captive", {
    verdict: "login-page",
    status: 200,
    location: null,
  }));
  assert.equal(captivePortal(input)[0].confidence, "medium");
});

const stalledWww = httpTarget("www", "https://www.example.test/big", {
  ok: false,
  healthy: false,
  failedAt: "request",
  error: "timeout",
  ttfbMs: null,
  status: null,
});

Deno.test("mtuBlackHole() names a stall after a clean connect while small answers work", () => {
  const input = inputOf(
    httpTiming([stalledWww, httpTarget("anchor", "http://198.18.0.10/")]),
    result("path.mtu", { v4: { pathMtu: 1454 } }),
  );
  const [f] = mtuBlackHole(input);
  assert.equal(f.id, "isp.mtu-black-hole");
  assert.equal(f.breaks, "stall");
  assert.equal(transferStalled(input)[0].symptom, "stall");
});

Deno.test("mtuBlackHole() and transferStalled() take one stall with no size limit measured as one failure", () => {
  const input = inputOf(httpTiming([stalledWww, httpTarget("anchor", "http://198.18.0.10/")]));
  assert.deepEqual(mtuBlackHole(input), []);
  const [note] = transferStalled(input);
  assert.deepEqual([note.id, note.severity], ["internet.transfer-stalled", "info"]);
});

Deno.test("mtuBlackHole() stays quiet when packets are being lost anyway", () => {
  const input = inputOf(
    httpTiming([stalledWww, httpTarget("anchor", "http://198.18.0.10/")]),
    tcpConnect([tcpTarget("anchor", "198.18.0.10", "internet", [[4, true, 1012]])]),
  );
  assert.deepEqual(mtuBlackHole(input), []);
  // The stall is then a symptom of the loss, and alone it is a note.
  assert.equal(transferStalled(input)[0].severity, "info");
});

Deno.test("transferStalled() takes every request stalling at once beside clean pings for a busy device", () => {
  const stalled = (name: string, url: string) =>
    httpTarget(name, url, { ...stalledWww, name, url, segment: "internet" });
  const input = inputOf(
    httpTiming([
      stalled("www", "https://www.example.test/big"),
      stalled("anchor", "http://198.18.0.10/"),
    ]),
    gatewayPing(["192.168.10.1", echoes(20)]),
    anchorPing(echoes(20)),
  );
  const [f] = transferStalled(input);
  assert.deepEqual([f.id, f.severity], ["internet.transfer-stalled", "info"]);
  assert.match(f.detail.en, /too busy/);
});

Deno.test("mtuBlackHole() trusts a full-size path MTU over the stall pattern", () => {
  const input = inputOf(
    httpTiming([stalledWww, httpTarget("anchor", "http://198.18.0.10/")]),
    result("path.mtu", { v4: { pathMtu: 1500 } }),
  );
  assert.deepEqual(mtuBlackHole(input), []);
});

Deno.test("ipv6Broken() needs two dual-stack targets failing over IPv6 only", () => {
  const two = inputOf(tcpConnect([
    tcpTarget("www", "www.example.test", "internet", [[4, true, 1], [6, false, 1000, "timeout"]]),
    tcpTarget("app", "app.example.test", "service", [[4, true, 1], [6, false, 1000, "timeout"]]),
  ]));
  assert.deepEqual(ipv6Broken(two).map((f) => f.id), ["isp.ipv6-broken"]);
  const one = inputOf(tcpConnect([
    tcpTarget("www", "www.example.test", "internet", [[4, true, 1], [6, false, 1000, "timeout"]]),
    tcpTarget("app", "app.example.test", "service", [[4, true, 1], [6, true, 1]]),
  ]));
  assert.deepEqual(ipv6Broken(one), []);
});

Deno.test("slowResponses() ignores one slow connect, a resent SYN included", () => {
  const noisy = inputOf(tcpConnect([
    tcpTarget("portal", "10.64.1.80", "isp", [[4, true, 311]]),
  ]));
  assert.deepEqual(slowResponses(noisy), []);
  // One resent SYN is one lost packet: a failed attempt, not a slow network.
  const resent = inputOf(tcpConnect([
    tcpTarget("portal", "10.64.1.80", "isp", [[4, true, 1011]]),
  ]));
  assert.deepEqual(slowResponses(resent), []);
  const twice = inputOf(tcpConnect([
    tcpTarget("portal", "10.64.1.80", "isp", [[4, true, 1011]]),
    tcpTarget("resolver", "10.64.1.53", "isp", [[4, true, 640]]),
  ]));
  assert.deepEqual(slowResponses(twice).map((f) => f.id), ["isp.slow"]);
  // Pings to the provider answer in a millisecond: the device was too busy to time connects.
  const busy = inputOf(
    tcpConnect([
      tcpTarget("portal", "10.64.1.80", "isp", [[4, true, 520]]),
      tcpTarget("resolver", "10.64.1.53", "isp", [[4, true, 640]]),
    ]),
    ispPing(echoes(20), echoes(20)),
  );
  assert.deepEqual(slowResponses(busy), []);
  const server = inputOf(httpTiming([
    httpTarget("app", "https://app.example.test/", { segment: "service", ttfbMs: 2100 }),
  ]));
  assert.deepEqual(slowResponses(server).map((f) => f.id), ["service.slow"]);
  // Every answer two seconds late: the device did not read them, no server is slow.
  const stalled = inputOf(httpTiming([
    httpTarget("portal", "http://10.64.1.80/", { segment: "isp", ttfbMs: 1259 }),
    httpTarget("anchor", "http://198.18.0.10/", { ttfbMs: 1255 }),
    httpTarget("www", "https://www.example.test/", { ttfbMs: 180 }),
  ]));
  assert.deepEqual(slowResponses(stalled), []);
});

Deno.test("mtuBlackHole() takes a stall over long round trips for slowness, not a black hole", () => {
  const input = inputOf(
    httpTiming([stalledWww, httpTarget("anchor", "http://198.18.0.10/")]),
    result("path.mtu", { v4: { pathMtu: 1454 } }),
    gatewayPing(["192.168.10.1", echoes(20)]),
    anchorPing(echoes(20, 0, 170)),
  );
  assert.deepEqual(mtuBlackHole(input), []);
  assert.equal(transferStalled(input)[0].symptom, "quality");
});

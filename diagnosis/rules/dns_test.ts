import assert from "node:assert/strict";
import { dnsAllFailed, dnsSlow, otherResolverSilent, ownResolverFailed } from "./dns.ts";
import { dnsAnswersWrong } from "./dns_answers.ts";
import { dnsResolve, inputOf, lookup, result } from "./rule_testing.ts";

const ok = (ms = 5) => ({ answers: ["198.18.0.20"], ms });
const timeout = { error: "timeout", ms: 1000 };
const ids = (fs: { id: string }[]) => fs.map((f) => f.id);

Deno.test("ownResolverFailed() blames the device's resolver when another answers", () => {
  const input = inputOf(dnsResolve([
    lookup("www", "system", timeout),
    lookup("app", "system", timeout),
    lookup("www", "provider", timeout),
    lookup("www", "public", ok()),
    lookup("app", "public", ok()),
  ]));
  const [f] = ownResolverFailed(input);
  assert.equal(f.id, "dns.system-resolver-failed");
  assert.equal(f.breaks, "names");
  assert.equal(f.at, "isp");
  assert.match(f.technical, /2\/2 lookups failed \(timeout\)/);
});

Deno.test("ownResolverFailed() stays quiet when another resolver is flaky too (loss)", () => {
  const input = inputOf(dnsResolve([
    lookup("www", "system", timeout),
    lookup("app", "system", timeout),
    lookup("www", "public", ok()),
    lookup("app", "public", timeout),
  ]));
  assert.deepEqual(ownResolverFailed(input), []);
});

Deno.test("ownResolverFailed() places a public resolver the device uses on the internet", () => {
  const input = inputOf(
    dnsResolve([lookup("www", "system", timeout), lookup("www", "provider", ok())]),
    result("dns.config", {
      servers: ["198.18.0.53"],
      interfaces: [],
      source: "",
      searchDomains: [],
    }),
    result("dns.compare", {
      verdict: "configured-broken",
      resolvers: [{ name: "p", address: "198.18.0.53", kind: "public", lookups: [] }],
    }),
  );
  const [f] = ownResolverFailed(input);
  assert.equal(f.at, "internet");
  assert.equal(f.confidence, "high");
});

Deno.test("dnsAllFailed() needs every lookup to fail without an answer", () => {
  const dead = inputOf(
    dnsResolve([lookup("www", "system", timeout), lookup("www", "public", timeout)]),
  );
  assert.deepEqual(ids(dnsAllFailed(dead)), ["dns.all-failed"]);
  // "No such name" is an answer: the resolver works.
  const nx = inputOf(dnsResolve([
    lookup("www", "system", { error: "nxdomain" }),
    lookup("www", "public", timeout),
  ]));
  assert.deepEqual(dnsAllFailed(nx), []);
});

Deno.test("dnsSlow() judges the median of the device's own lookups", () => {
  const slow = inputOf(dnsResolve([
    lookup("www", "system", ok(700)),
    lookup("app", "system", ok(650)),
    lookup("www", "public", ok(5)),
  ]));
  const [f] = dnsSlow(slow);
  assert.equal(f.id, "dns.slow");
  assert.equal(f.symptom, "quality");
  assert.deepEqual(f.evidence[0].values, { medianMs: 675, thresholdMs: 300 });
  // One slow lookup among fast ones is not a slow resolver.
  const once = inputOf(dnsResolve([
    lookup("www", "system", ok(900)),
    lookup("app", "system", ok(4)),
    lookup("img", "system", ok(6)),
  ]));
  assert.deepEqual(dnsSlow(once), []);
});

Deno.test("dnsAnswersWrong() flags NXDOMAIN and sinkholes for names another resolver knows", () => {
  const nx = inputOf(dnsResolve([
    lookup("www", "system", { error: "nxdomain" }),
    lookup("www", "public", ok()),
  ]));
  assert.deepEqual(ids(dnsAnswersWrong(nx)), ["dns.answers-wrong"]);
  const sink = inputOf(dnsResolve([
    lookup("www", "system", { answers: ["0.0.0.0"] }),
    lookup("www", "public", ok()),
  ]));
  assert.match(dnsAnswersWrong(sink)[0].technical, /www: own 0\.0\.0\.0 vs 198\.18\.0\.20/);
});

Deno.test("dnsAnswersWrong() accepts answers that merely differ (CDNs answer by place)", () => {
  const input = inputOf(dnsResolve([
    lookup("www", "system", { answers: ["203.0.113.7", "2001:db8::7"] }),
    lookup("www", "public", { answers: ["198.51.100.9"] }),
  ]));
  assert.deepEqual(dnsAnswersWrong(input), []);
});

Deno.test("otherResolverSilent() notes a dead comparison resolver without a warning", () => {
  const input = inputOf(dnsResolve([
    lookup("www", "system", ok()),
    lookup("www", "public", timeout),
  ]));
  const fs = otherResolverSilent(input);
  assert.deepEqual(fs.map((f) => [f.id, f.severity]), [["dns.other-resolver-silent", "info"]]);
  assert.deepEqual(ownResolverFailed(input), []);
});

Deno.test("the DNS rules tell a failing resolver from a lying one only through the OS resolver", () => {
  // Deno.resolveDns reports SERVFAIL and NXDOMAIN alike; getaddrinfo tells them apart.
  const compare = (error: string) =>
    result("dns.compare", {
      verdict: "configured-differs",
      resolvers: [
        {
          name: "10.64.1.53",
          address: "10.64.1.53",
          kind: "configured",
          lookups: [{ name: "www", ok: false, ms: 3, answers: [], error }],
        },
        {
          name: "public",
          address: "198.18.0.53",
          kind: "public",
          lookups: [{ name: "www", ok: true, ms: 3, answers: ["198.18.0.20"] }],
        },
      ],
    });
  const servfail = inputOf(
    dnsResolve([lookup("www", "system", { error: "servfail-or-unreachable" })]),
    compare("nxdomain"),
  );
  assert.deepEqual(ids(ownResolverFailed(servfail)), ["dns.system-resolver-failed"]);
  assert.deepEqual(dnsAnswersWrong(servfail), []);
  const lying = inputOf(
    dnsResolve([lookup("www", "system", { error: "nxdomain" })]),
    compare("nxdomain"),
  );
  assert.deepEqual(ids(dnsAnswersWrong(lying)), ["dns.answers-wrong"]);
  assert.deepEqual(ownResolverFailed(lying), []);
  // Without the OS resolver, "no records" for a name others resolve is a failure to answer.
  const onlyCompare = inputOf(compare("nxdomain"));
  assert.deepEqual(ids(ownResolverFailed(onlyCompare)), ["dns.system-resolver-failed"]);
});

Deno.test("dns.slow needs public resolvers asked alongside to be quicker", () => {
  const resolve = (publicMs: number) =>
    dnsResolve(["www", "app"].flatMap((name) => [
      lookup(name, "system", { answers: ["198.18.0.20"], ms: 400 }),
      lookup(name, "provider", { answers: ["198.18.0.20"], ms: 400 }, { type: "A" }),
      lookup(name, "public", { answers: ["198.18.0.20"], ms: publicMs }, { type: "A" }),
    ]));
  assert.deepEqual(dnsSlow(inputOf(resolve(20))).map((f) => f.id), ["dns.slow"]);
  // Everything equally slow at once: the device (or the line) waited, not its resolver.
  assert.deepEqual(dnsSlow(inputOf(resolve(400))), []);
});

import assert from "node:assert/strict";
import { dnsTypeFailed } from "./dns_types.ts";
import { dnsResolve, inputOf, lookup, result } from "./rule_testing.ts";
import { diagnose } from "../diagnose.ts";
import { lossSigns } from "./loss_signs.ts";

const v4 = (n: string) => ({ answers: [`198.18.0.${n}`] });
const v6 = (n: string) => ({ answers: [`fd00:18::${n}`] });

/** Provider and public lookups of www and app, the provider's AAAA answered with `aaaa`. */
type Outcome = { error: string } | { answers: string[] };

function run(aaaa: Outcome, pubAaaa: Outcome = v6("20")) {
  return dnsResolve(["www", "app"].flatMap((name) => [
    lookup(name, "system", v4("20")),
    lookup(name, "provider", v4("20"), { type: "A" }),
    lookup(name, "provider", aaaa, { type: "AAAA" }),
    lookup(name, "public", v4("20"), { type: "A" }),
    lookup(name, "public", pubAaaa, { type: "AAAA" }),
  ]));
}

Deno.test("dnsTypeFailed() names SERVFAIL for AAAA only from the provider's resolver", () => {
  const [f, ...rest] = dnsTypeFailed(inputOf(run({ error: "servfail" })));
  assert.equal(rest.length, 0);
  assert.equal(f.id, "dns.aaaa-failed");
  assert.equal(f.severity, "warn");
  assert.equal(f.confidence, "high");
  assert.equal(f.at, "isp");
  assert.match(f.technical, /www SERVFAIL/);
  assert.match(f.technical, /the OS resolver returned no AAAA for www, app/);
  assert.deepEqual(f.evidence[0].values?.failed, ["www SERVFAIL", "app SERVFAIL"]);
});

Deno.test("dnsTypeFailed() makes the AAAA fault the headline, in the DNS segment", () => {
  const d = diagnose([run({ error: "refused" })]);
  assert.equal(d.headline.finding, "dns.aaaa-failed");
  assert.equal(d.headline.segment, "dns");
});

Deno.test("dnsTypeFailed() takes a resolver that says NOERROR without AAAA as an answer", () => {
  assert.deepEqual(dnsTypeFailed(inputOf(run({ error: "no-data" }))), []);
  // ...but SERVFAIL where public DNS says "no AAAA record" is still a failure
  assert.equal(dnsTypeFailed(inputOf(run({ error: "servfail" }, { error: "no-data" }))).length, 1);
});

Deno.test("dnsTypeFailed() needs public DNS to answer the type", () => {
  assert.deepEqual(dnsTypeFailed(inputOf(run({ error: "servfail" }, { error: "servfail" }))), []);
});

Deno.test("dnsTypeFailed() needs two failures and every lookup of the other type answered", () => {
  const one = dnsResolve([
    lookup("www", "provider", v4("20"), { type: "A" }),
    lookup("www", "provider", { error: "servfail" }, { type: "AAAA" }),
    lookup("www", "public", v6("20"), { type: "AAAA" }),
  ]);
  assert.deepEqual(dnsTypeFailed(inputOf(one)), []);
  const bothFail = dnsResolve(["www", "app"].flatMap((name) => [
    lookup(name, "provider", { error: "servfail" }, { type: "A" }),
    lookup(name, "provider", { error: "servfail" }, { type: "AAAA" }),
    lookup(name, "public", v6("20"), { type: "AAAA" }),
  ]));
  assert.deepEqual(dnsTypeFailed(inputOf(bothFail)), []);
});

Deno.test("dnsTypeFailed() does not read AAAA timeouts during packet loss as a broken type", () => {
  const lossyPing = result("internet.ping", {
    targets: [{ target: "anchor", sent: 20, received: 15, lossPercent: 25 }],
  });
  assert.deepEqual(dnsTypeFailed(inputOf(run({ error: "timeout" }), lossyPing)), []);
  const [f] = dnsTypeFailed(inputOf(run({ error: "timeout" })));
  assert.equal(f.confidence, "medium");
});

Deno.test("dnsTypeFailed() names A failing while AAAA works as a fault", () => {
  const input = inputOf(dnsResolve(["www", "app"].flatMap((name) => [
    lookup(name, "provider", { error: "servfail" }, { type: "A" }),
    lookup(name, "provider", v6("20"), { type: "AAAA" }),
    lookup(name, "public", v4("20"), { type: "A" }),
  ])));
  const [f] = dnsTypeFailed(input);
  assert.equal(f.id, "dns.a-failed");
  assert.equal(f.severity, "fail");
});

Deno.test("dnsTypeFailed() reads dns.compare's grid, and ignores reports without response codes", () => {
  const grid = (rcode: boolean) =>
    result("dns.compare", {
      verdict: "configured-fails-type",
      resolvers: [
        ["10.64.1.53", "configured", "SERVFAIL"],
        ["public", "public", "NOERROR"],
      ].map(([name, kind, aaaa]) => ({
        name,
        address: name,
        kind,
        lookups: ["www", "app"].flatMap((n) => [
          {
            name: n,
            type: "A",
            ok: true,
            ms: 3,
            answers: ["198.18.0.20"],
            ...(rcode ? { rcode: "NOERROR" } : {}),
          },
          {
            name: n,
            type: "AAAA",
            ok: aaaa === "NOERROR",
            ms: 3,
            answers: aaaa === "NOERROR" ? ["fd00:18::20"] : [],
            ...(aaaa === "NOERROR" ? {} : { error: "servfail" }),
            ...(rcode ? { rcode: aaaa } : {}),
          },
        ]),
      })),
    });
  assert.deepEqual(dnsTypeFailed(inputOf(grid(true))).map((f) => f.id), ["dns.aaaa-failed"]);
  assert.deepEqual(dnsTypeFailed(inputOf(grid(false))), []);
});

Deno.test("dnsTypeFailed() is a fault when the OS resolver fails with it, and explains that", () => {
  const resolve = dnsResolve(["www", "app"].flatMap((name) => [
    lookup(name, "system", { error: "timeout", ms: 1000 }),
    lookup(name, "provider", v4("20"), { type: "A" }),
    lookup(name, "provider", { error: "timeout" }, { type: "AAAA" }),
    lookup(name, "public", v6("20"), { type: "AAAA" }),
  ]));
  const [f] = dnsTypeFailed(inputOf(resolve));
  assert.equal(f.severity, "fail");
  const d = diagnose([resolve]);
  assert.equal(d.headline.finding, "dns.aaaa-failed");
  assert.ok(
    d.findings.filter((x) => x.id !== "dns.aaaa-failed" && x.severity !== "info")
      .every((x) => x.consequenceOf === "dns.aaaa-failed"),
  );
});

Deno.test("dns.slow is a consequence when the resolver fails one record type", () => {
  const resolve = dnsResolve(["www", "app"].flatMap((name) => [
    lookup(name, "system", { answers: ["198.18.0.20"], ms: 900 }),
    lookup(name, "provider", v4("20"), { type: "A" }),
    lookup(name, "provider", { error: "servfail" }, { type: "AAAA" }),
    lookup(name, "public", v6("20"), { type: "AAAA" }),
  ]));
  const d = diagnose([resolve]);
  assert.equal(d.headline.finding, "dns.aaaa-failed");
  assert.equal(d.findings.find((x) => x.id === "dns.slow")?.consequenceOf, "dns.aaaa-failed");
});

Deno.test("a resolver that times out on one record type only is not a sign of packet loss", () => {
  const resolve = (aaaaFor: string[]) =>
    dnsResolve(["www", "app"].flatMap((name) => [
      lookup(name, "provider", v4("20"), { type: "A" }),
      lookup(
        name,
        "provider",
        aaaaFor.includes(name) ? { error: "timeout" } : v6("20"),
        { type: "AAAA" },
      ),
    ]));
  assert.deepEqual(lossSigns(inputOf(resolve(["www", "app"]))), []);
  // One AAAA answered and one lost: that is loss.
  assert.equal(lossSigns(inputOf(resolve(["www"]))).length, 1);
});

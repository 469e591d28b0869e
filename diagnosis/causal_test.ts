import assert from "node:assert/strict";
import { orderCausally } from "./causal.ts";
import type { RuleFinding } from "./rules/rule.ts";

function f(id: string, over: Partial<RuleFinding> = {}): RuleFinding {
  return {
    id,
    segment: id.split(".")[0] as RuleFinding["segment"],
    severity: "fail",
    confidence: "high",
    title: { ja: id, en: id },
    detail: { ja: "", en: "" },
    advice: { ja: "", en: "" },
    technical: id,
    evidence: [],
    ...over,
  };
}

const consequences = (r: ReturnType<typeof orderCausally>) =>
  Object.fromEntries(r.findings.map((x) => [x.id, x.consequenceOf ?? null]));

Deno.test("orderCausally() makes everything beyond a broken path its consequence", () => {
  const r = orderCausally([
    f("dns.all-failed", { breaks: "names" }),
    f("internet.unreachable", { breaks: "path" }),
    f("lan.no-default-gateway", { breaks: "path" }),
    f("service.unreachable"),
  ]);
  assert.equal(r.headline?.id, "lan.no-default-gateway");
  assert.deepEqual(consequences(r), {
    "lan.no-default-gateway": null,
    "internet.unreachable": "lan.no-default-gateway",
    "dns.all-failed": "lan.no-default-gateway",
    "service.unreachable": "lan.no-default-gateway",
  });
});

Deno.test("orderCausally() keeps a broken resolver the headline over sites unreachable by name", () => {
  const r = orderCausally([
    f("dns.targets-unresolved", { symptom: "names" }),
    f("dns.system-resolver-failed", { breaks: "names", at: "isp" }),
  ]);
  assert.equal(r.headline?.id, "dns.system-resolver-failed");
  assert.equal(consequences(r)["dns.targets-unresolved"], "dns.system-resolver-failed");
});

Deno.test("orderCausally() does not let a DNS fault explain a failure by IP", () => {
  const r = orderCausally([
    f("dns.system-resolver-failed", { breaks: "names" }),
    f("service.unreachable", { symptom: "path" }),
  ]);
  assert.deepEqual(consequences(r), {
    "dns.system-resolver-failed": null,
    "service.unreachable": null,
  });
  assert.equal(r.headline?.id, "dns.system-resolver-failed");
});

Deno.test("orderCausally() explains the provider's resolver by the provider's network being down", () => {
  // Same place: a broken path comes before what is not itself a broken path.
  const r = orderCausally([
    f("dns.system-resolver-failed", { breaks: "names", at: "isp" }),
    f("isp.unreachable", { breaks: "path" }),
  ]);
  assert.equal(r.headline?.id, "isp.unreachable");
  assert.equal(consequences(r)["dns.system-resolver-failed"], "isp.unreachable");
});

Deno.test("orderCausally() explains a public resolver by the internet, not a provider resolver", () => {
  const upstreamDown = f("internet.unreachable", { breaks: "path" });
  const viaPublic = orderCausally([
    f("dns.system-resolver-failed", { breaks: "names", at: "internet" }),
    upstreamDown,
  ]);
  assert.equal(viaPublic.headline?.id, "internet.unreachable");
  const viaProvider = orderCausally([
    f("dns.system-resolver-failed", { breaks: "names", at: "isp" }),
    upstreamDown,
  ]);
  assert.equal(viaProvider.headline?.id, "dns.system-resolver-failed");
  assert.equal(consequences(viaProvider)["internet.unreachable"], null);
});

Deno.test("orderCausally() lets loss explain slowness beyond it but not a failure", () => {
  const r = orderCausally([
    f("internet.slow", { severity: "warn" }),
    f("service.http-status"),
    f("lan.gateway-loss", { severity: "warn", breaks: "quality" }),
  ]);
  assert.equal(consequences(r)["internet.slow"], "lan.gateway-loss");
  assert.equal(consequences(r)["service.http-status"], null);
  // A fault outranks a warning for the headline.
  assert.equal(r.headline?.id, "service.http-status");
});

Deno.test("orderCausally() follows a chain of explanations to its root", () => {
  const r = orderCausally([
    f("dns.targets-unresolved", { symptom: "names" }),
    f("dns.all-failed", { breaks: "names", at: "isp" }),
    f("isp.unreachable", { breaks: "path" }),
  ]);
  assert.equal(consequences(r)["dns.targets-unresolved"], "isp.unreachable");
  assert.equal(consequences(r)["dns.all-failed"], "isp.unreachable");
});

Deno.test("orderCausally() numbers repeated ids, keeps notes last, and strips causal facts", () => {
  const r = orderCausally([
    f("dns.other-resolver-silent", { severity: "info" }),
    f("service.http-status", { severity: "warn" }),
    f("service.http-status", { severity: "warn" }),
  ]);
  assert.deepEqual(r.findings.map((x) => x.id), [
    "service.http-status",
    "service.http-status#2",
    "dns.other-resolver-silent",
  ]);
  for (const x of r.findings) {
    assert.equal("at" in x || "breaks" in x || "symptom" in x, false);
  }
});

Deno.test("orderCausally() has no headline when only notes were raised", () => {
  const r = orderCausally([f("path.hop-rate-limited", { severity: "info" })]);
  assert.equal(r.headline, null);
  assert.equal(orderCausally([]).headline, null);
});

Deno.test("orderCausally() lets a saturated line explain lookups delayed through the same provider", () => {
  const r = orderCausally([
    f("dns.targets-unresolved", { severity: "warn", symptom: "quality", at: "isp" }),
    f("isp.slow-line", { severity: "warn", breaks: "quality", symptom: "quality" }),
  ]);
  assert.equal(r.headline?.id, "isp.slow-line");
  assert.equal(consequences(r)["dns.targets-unresolved"], "isp.slow-line");
});

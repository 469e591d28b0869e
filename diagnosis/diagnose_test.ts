import assert from "node:assert/strict";
import { diagnose } from "./diagnose.ts";
import {
  dnsResolve,
  httpTarget,
  httpTiming,
  lookup,
  result,
  tcpConnect,
  tcpTarget,
} from "./rules/rule_testing.ts";
import { diagnosisSchema } from "./schema.ts";

const timeout = { error: "timeout", ms: 1000 };

Deno.test("diagnose() names the line and marks DNS and the internet as its consequences", () => {
  const d = diagnose([
    result("net.gateway", { routes: [{ family: 4, gateway: "192.168.10.1" }], source: "ip" }, {
      segment: "lan",
    }),
    dnsResolve([lookup("www", "system", timeout), lookup("www", "public", timeout)]),
    tcpConnect([
      tcpTarget("portal", "10.64.1.80", "isp", [[4, false, 1000, "timeout"]]),
      tcpTarget("anchor", "198.18.0.10", "internet", [[4, false, 1000, "timeout"]]),
    ]),
  ]);
  diagnosisSchema.parse(d);
  assert.equal(d.headline.segment, "isp");
  assert.equal(d.headline.finding, "isp.unreachable");
  assert.equal(d.segments.lan.verdict, "ok");
  assert.equal(d.segments.isp.verdict, "fail");
  assert.equal(d.segments.isp.explainedBy, undefined);
  for (const s of ["dns", "internet"] as const) {
    assert.equal(d.segments[s].verdict, "fail", s);
    assert.equal(d.segments[s].explainedBy, "isp.unreachable", s);
    assert.match(d.segments[s].summary.en, /affected by the fault in “Provider \/ line”/);
  }
  assert.equal(d.segments.service.verdict, "unknown");
  assert.equal(d.segments.service.confidence, undefined);
});

Deno.test("diagnose() finds nothing wrong on a healthy run and says how sure it is", () => {
  const d = diagnose([
    dnsResolve([lookup("www", "system", { answers: ["198.18.0.20"] })]),
    httpTiming([httpTarget("www", "https://www.example.test/")]),
    tcpConnect([tcpTarget("www", "www.example.test", "internet", [[4, true, 1]])]),
  ]);
  assert.deepEqual(d.headline, {
    segment: null,
    finding: null,
    text: { ja: "問題は見つかりませんでした", en: "No problem was found" },
  });
  assert.deepEqual(d.findings, []);
  assert.equal(d.segments.internet.verdict, "ok");
  assert.equal(d.segments.internet.confidence, "high");
  assert.equal(d.segments.dns.confidence, "medium");
});

Deno.test("diagnose() says nothing could be measured when nothing was", () => {
  const d = diagnose([result("dns.resolve", {}, { status: "timeout", segment: "dns" })]);
  assert.equal(d.headline.text.en, "Nothing could be measured");
  assert.equal(d.segments.dns.verdict, "unknown");
});

Deno.test("diagnose() puts a broken resolver in the headline while IP works", () => {
  const d = diagnose([
    dnsResolve([
      lookup("www.example.test", "system", timeout),
      lookup("www.example.test", "public", { answers: ["198.18.0.20"] }),
    ]),
    httpTiming([
      httpTarget("anchor", "http://198.18.0.10/generate_204"),
      httpTarget("www", "https://www.example.test/", {
        ok: false,
        healthy: false,
        failedAt: "dns",
        error: "dns: timeout",
        address: null,
      }),
    ]),
  ]);
  assert.equal(d.headline.finding, "dns.system-resolver-failed");
  assert.equal(d.headline.confidence, "medium");
  assert.equal(d.segments.internet.verdict, "ok");
  const symptom = d.findings.find((f) => f.id === "dns.targets-unresolved");
  assert.equal(symptom?.consequenceOf, "dns.system-resolver-failed");
});

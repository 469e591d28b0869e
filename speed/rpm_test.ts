import assert from "node:assert/strict";
import { confidence, responsiveness, rpmClass } from "./rpm.ts";

Deno.test("responsiveness() uses the draft's TLS formula", () => {
  // foreign RTT = (10 + 20 + 30)/3 = 20 ms → 3000 RPM; loaded 40 ms → 1500 RPM
  const r = responsiveness({ tcp: [10], tls: [20], http: [30], self: [40] })!;
  assert.equal(r.foreignRpm, 3000);
  assert.equal(r.loadedRpm, 1500);
  assert.equal(r.rpm, 2250);
});

Deno.test("responsiveness() uses the TCP-only formula without TLS samples", () => {
  // foreign RTT = (10 + 30)/2 = 20 ms → 3000; loaded 60 ms → 1000
  const r = responsiveness({ tcp: [10], tls: [], http: [30], self: [60] })!;
  assert.equal(r.rpm, 2000);
  assert.equal(r.tm.tls, null);
});

Deno.test("responsiveness() trims the slowest 5 % of each kind of probe", () => {
  const tcp = [...Array.from({ length: 19 }, () => 10), 5000];
  const r = responsiveness({ tcp, tls: [], http: tcp, self: tcp })!;
  assert.equal(r.tm.tcp, 10);
  assert.equal(r.rpm, 6000);
});

Deno.test("responsiveness() needs both foreign and self probes", () => {
  assert.equal(responsiveness({ tcp: [1], tls: [], http: [1], self: [] }), null);
  assert.equal(responsiveness({ tcp: [], tls: [], http: [], self: [1] }), null);
});

Deno.test("confidence() follows the draft: Low before MAD intervals, High when stable", () => {
  assert.equal(confidence(3, 4, false), "Low");
  assert.equal(confidence(4, 4, false), "Medium");
  assert.equal(confidence(9, 4, false), "Medium");
  assert.equal(confidence(7, 4, true), "High");
});

Deno.test("rpmClass() uses the draft's 300/1000/6000 RPM bands", () => {
  assert.equal(rpmClass(299), "poor");
  assert.equal(rpmClass(300), "fair");
  assert.equal(rpmClass(999), "fair");
  assert.equal(rpmClass(1000), "good");
  assert.equal(rpmClass(6000), "excellent");
});

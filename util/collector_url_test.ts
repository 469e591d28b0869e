import assert from "node:assert/strict";
import { apiUrl, collectorUrlProblem, isLoopbackHost } from "./collector_url.ts";

Deno.test("collectorUrlProblem() allows https anywhere and http only to loopback", () => {
  for (
    const ok of [
      "https://support.example.jp",
      "https://support.example.jp/kiriwake/",
      "https://198.51.100.7:8443",
      "http://127.0.0.1:8470",
      "http://127.9.9.9",
      "http://[::1]:8470/",
      "http://localhost:8470",
      "http://collector.localhost",
    ]
  ) assert.equal(collectorUrlProblem(ok), null, ok);
  const bad: [string, RegExp][] = [
    ["http://192.0.2.1:8470", /loopback/],
    ["http://10.0.0.1", /loopback/],
    ["http://[fe80::1]", /loopback/],
    ["http://localhost.example.com", /loopback/],
    ["ftp://example.com", /https/],
    ["https://user:pw@example.com", /user name/],
    ["https://example.com/?a=1", /query/],
    ["https://example.com/#x", /fragment/],
    ["not a url", /not a URL/],
  ];
  for (const [url, why] of bad) assert.match(collectorUrlProblem(url) ?? "", why, url);
});

Deno.test("isLoopbackHost() knows the loopback names and addresses", () => {
  assert.ok(isLoopbackHost("127.0.0.1"));
  assert.ok(isLoopbackHost("[::1]"));
  assert.ok(isLoopbackHost("LOCALHOST"));
  assert.ok(!isLoopbackHost("128.0.0.1"));
  assert.ok(!isLoopbackHost("::2"));
});

Deno.test("apiUrl() puts API paths under the base, with or without a trailing slash", () => {
  assert.equal(apiUrl("https://a.example/k", "v1/reports"), "https://a.example/k/v1/reports");
  assert.equal(apiUrl("https://a.example/k/", "/v1/status"), "https://a.example/k/v1/status");
  assert.equal(apiUrl("http://127.0.0.1:8470", "v1/reports"), "http://127.0.0.1:8470/v1/reports");
  assert.equal(
    apiUrl("https://a.example", `v1/reports/${encodeURIComponent("KW-3467-9ACE")}`),
    "https://a.example/v1/reports/KW-3467-9ACE",
  );
});

import assert from "node:assert/strict";
import { dnsConfigProbe } from "./dns_config.ts";
import { fixtureText } from "../testing_fixtures.ts";
import { onHost, scriptedExec, testContext } from "../testing.ts";

Deno.test("dns.config on Japanese Windows lists connected adapters' servers, not placeholders", async () => {
  const exec = scriptedExec({
    "ipconfig /all": fixtureText("windows/ja/ipconfig/win7_pppoe_wrapped.bin"),
  });
  const r = await onHost(dnsConfigProbe, { os: "windows" }).run(testContext({ exec }));
  assert.equal(r.status, "ok");
  assert.deepEqual(r.data.interfaces, [{
    name: "フレッツ",
    servers: ["198.51.100.1", "198.51.100.2"],
  }]);
  assert.deepEqual(r.data.servers, ["198.51.100.1", "198.51.100.2"]);
});

Deno.test("dns.config on macOS takes the default resolver and its interface", async () => {
  const exec = scriptedExec({ "scutil --dns": fixtureText("darwin/en/scutil-dns/vpn_split") });
  const r = await onHost(dnsConfigProbe, { os: "darwin" }).run(testContext({ exec }));
  assert.deepEqual(r.data.interfaces, [{ name: "utun4", servers: ["10.8.0.1"] }, {
    name: "en0",
    servers: ["192.168.1.1"],
  }]);
  assert.deepEqual(r.data.searchDomains, ["corp.example.co.jp"]);
});

Deno.test("dns.config on Linux prefers resolvectl and falls back to resolv.conf", async () => {
  const withResolved = scriptedExec({
    "resolvectl status --no-pager": fixtureText("linux/en/resolvectl/status_v255"),
  });
  const a = await onHost(dnsConfigProbe, {
    os: "linux",
    files: {},
  })
    .run(testContext({ exec: withResolved }));
  assert.deepEqual(a.data.servers, ["192.168.1.1", "2001:db8:5e1:c00::1", "10.8.0.1"]);
  const b = await onHost(dnsConfigProbe, {
    os: "linux",
    files: { "/etc/resolv.conf": "nameserver 192.0.2.53\n" },
  })
    .run(testContext({ exec: scriptedExec({}) }));
  assert.equal(b.data.source, "/etc/resolv.conf");
  assert.deepEqual(b.data.servers, ["192.0.2.53"]);
});

Deno.test("dns.config fails with no server and is skipped when ipconfig is missing", async () => {
  const none = await onHost(dnsConfigProbe, {
    os: "linux",
    files: { "/etc/resolv.conf": "# empty\n" },
  })
    .run(testContext({ exec: scriptedExec({}) }));
  assert.equal(none.status, "fail");
  const missing = await onHost(dnsConfigProbe, { os: "windows" }).run(
    testContext({ exec: scriptedExec({}) }),
  );
  assert.equal(missing.status, "skipped");
  assert.equal(missing.reason?.en, "Command ipconfig was not found");
});

Deno.test("dns.config really run on this machine reads the system configuration", async () => {
  const r = await dnsConfigProbe.run(testContext());
  assert.ok(r.status === "ok" || r.status === "fail" || r.status === "skipped");
  assert.ok(r.summary.en.length > 0);
  console.log(`dns.config here: ${r.summary.en} (from ${r.data.source})`);
});

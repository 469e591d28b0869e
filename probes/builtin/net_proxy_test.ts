import assert from "node:assert/strict";
import { fixtureText } from "../testing_fixtures.ts";
import { netProxyProbe } from "./net_proxy.ts";
import { onHost, scriptedExec, testContext } from "../testing.ts";

const REG = "reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";

Deno.test("net.proxy on Windows reads the registry proxy and PAC/WPAD flags", async () => {
  const exec = scriptedExec({
    [REG]: fixtureText("windows/en/reg-proxy/pac_autodetect"),
  });
  const r = await onHost(netProxyProbe, { os: "windows", env: {} }).run(
    testContext({ exec }),
  );
  const reg = r.data.sources.find((s) => s.source === "registry")!;
  assert.equal(reg.pacUrl, "http://wpad.example.co.jp/proxy.pac");
  assert.equal(reg.autoDetect, true);
  assert.match(r.summary.en, /PAC http:\/\/wpad\.example\.co\.jp\/proxy\.pac/);
});

Deno.test("net.proxy on macOS reads scutil --proxy; missing scutil is a note, not a blank", async () => {
  const exec = scriptedExec({
    "scutil --proxy": fixtureText("darwin/en/scutil-proxy/pac_and_http"),
  });
  const r = await onHost(netProxyProbe, { os: "darwin", env: {} }).run(
    testContext({ exec }),
  );
  assert.equal(r.data.sources[1].http, "proxy.corp.example.co.jp:8080");
  const none = await onHost(netProxyProbe, { os: "darwin", env: {} }).run(
    testContext({ exec: scriptedExec({}) }),
  );
  assert.equal(none.data.notes[0].en, "Command scutil was not found");
  assert.equal(none.summary.en, "No proxy is configured");
});

Deno.test("net.proxy never records proxy credentials from the environment", async () => {
  const env = {
    HTTPS_PROXY: "http://taro:s3cret@proxy.example:3128",
    no_proxy: "localhost,.corp",
  };
  const r = await onHost(netProxyProbe, { os: "linux", env }).run(
    testContext({ exec: scriptedExec({}) }),
  );
  const json = JSON.stringify(r);
  assert.ok(!json.includes("s3cret") && !json.includes("taro"), json);
  assert.equal(r.data.sources[0].https, "http://***@proxy.example:3128");
  assert.deepEqual(r.data.sources[0].bypass, ["localhost", ".corp"]);
});

Deno.test({
  name: "net.proxy reads nothing it may not: without env permission it reports no proxy",
  permissions: { env: false },
  async fn() {
    const r = await onHost(netProxyProbe, { os: "linux" }).run(
      testContext({ exec: scriptedExec({}) }),
    );
    assert.equal(r.status, "ok");
    assert.equal(r.data.sources[0].enabled, false);
  },
});

Deno.test("net.proxy on Windows reads the WinHTTP proxy beside the per-user one", async () => {
  const exec = scriptedExec({
    [REG]: fixtureText("windows/en/reg-proxy/none"),
    "netsh winhttp show proxy": fixtureText("windows/ja/netsh-winhttp/proxy_no_bypass.bin"),
  });
  const r = await onHost(netProxyProbe, { os: "windows", env: {} }).run(testContext({ exec }));
  const w = r.data.sources.find((s) => s.source === "winhttp")!;
  assert.equal(w.https, "192.0.2.80:8080");
  assert.match(r.summary.en, /winhttp 192\.0\.2\.80:8080/);
});

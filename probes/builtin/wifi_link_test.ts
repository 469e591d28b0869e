import assert from "node:assert/strict";
import { fixtureText } from "../testing_fixtures.ts";
import { onHost, scriptedExec, testContext } from "../testing.ts";
import { wifiLinkProbe } from "./wifi_link.ts";

const NETSH = "netsh wlan show interfaces";
const SP = "system_profiler -json SPAirPortDataType";
const AIRPORT =
  "/System/Library/PrivateFrameworks/Apple80211.framework/Versions/Current/Resources/airport -I";

Deno.test("wifi.link on Windows 11 reads a 6 GHz link and declares SSID and BSSID", async () => {
  const ctx = testContext({
    exec: scriptedExec({ [NETSH]: fixtureText("windows/en/netsh-wlan/win11_24h2_6ghz") }),
  });
  const r = await onHost(wifiLinkProbe, { os: "windows" }).run(ctx);
  assert.equal(r.status, "ok");
  assert.equal(r.data.link?.band, "6");
  assert.equal(r.data.link?.rssiDbm, -47);
  assert.deepEqual(ctx.identifiers, [
    { kind: "ssid", value: "HOME-6G" },
    { kind: "bssid", value: "9c:53:22:aa:bb:cc" },
  ]);
});

Deno.test("wifi.link on Japanese Windows 11 24H2 without Location permission says how to allow it", async () => {
  const refusal = fixtureText("windows/ja/netsh-wlan/win11_24h2_location_denied.bin");
  const ctx = testContext({
    exec: scriptedExec({ [NETSH]: { ok: false, code: 1, failure: "exit-code", stdout: refusal } }),
  });
  const r = await onHost(wifiLinkProbe, { os: "windows" }).run(ctx);
  assert.equal(r.status, "skipped");
  assert.equal(r.data.state, "location-denied");
  assert.match(r.reason!.ja, /位置情報/);
  assert.match(r.reason!.en, /ms-settings:privacy-location/);
  assert.equal(ctx.identifiers.length, 0);
});

Deno.test("wifi.link on Windows with no adapter or no netsh is skipped with the reason", async () => {
  const none = testContext({
    exec: scriptedExec({ [NETSH]: fixtureText("windows/ja/netsh-wlan/no_interface.bin") }),
  });
  const r1 = await onHost(wifiLinkProbe, { os: "windows" }).run(none);
  assert.equal(r1.status, "skipped");
  assert.equal(r1.reason?.en, "There is no Wi-Fi adapter");
  const missing = testContext({ exec: scriptedExec({}) });
  const r2 = await onHost(wifiLinkProbe, { os: "windows" }).run(missing);
  assert.equal(r2.status, "skipped");
  assert.equal(r2.reason?.en, "Command netsh was not found");
});

Deno.test("wifi.link on macOS 12 reads system_profiler JSON; wdutil is left out without root", async () => {
  const exec = scriptedExec({
    [SP]: fixtureText("darwin/en/system_profiler/json_macos12_connected"),
  });
  const r = await onHost(wifiLinkProbe, { os: "darwin", isRoot: false }).run(testContext({ exec }));
  assert.equal(r.status, "ok");
  assert.equal(r.data.link?.snrDb, 25);
  assert.equal(r.data.link?.band, "5");
  assert.ok(!exec.calls.some((c) => c.startsWith("wdutil")));
  assert.match(r.data.notes[0].en, /wdutil needs administrator rights/);
});

Deno.test("wifi.link on macOS 15 without Location permission keeps the radio data and says the SSID is hidden", async () => {
  const json = fixtureText("darwin/en/system_profiler/json_macos12_connected").replace(
    '"_name" : "SSID-4"',
    '"_name" : "<redacted>"',
  );
  const ctx = testContext({ exec: scriptedExec({ [SP]: json }) });
  const r = await onHost(wifiLinkProbe, { os: "darwin", isRoot: false }).run(ctx);
  assert.equal(r.status, "ok");
  assert.equal(r.data.link?.ssid, null);
  assert.equal(r.data.link?.ssidRedacted, true);
  assert.ok(r.data.notes.some((n) => /hides the SSID/.test(n.en)));
  assert.equal(ctx.identifiers.length, 0);
});

Deno.test("wifi.link on macOS as root adds the BSSID from wdutil", async () => {
  const exec = scriptedExec({
    [SP]: fixtureText("darwin/en/system_profiler/json_macos12_connected"),
    "wdutil info": fixtureText("darwin/en/wdutil/macos12_24ghz"),
  });
  const ctx = testContext({ exec });
  const r = await onHost(wifiLinkProbe, { os: "darwin", isRoot: true }).run(ctx);
  assert.equal(r.data.link?.bssid, "fe:dc:ba:09:87:65");
  assert.ok(ctx.identifiers.some((i) => i.kind === "bssid"));
});

Deno.test("wifi.link on macOS 14.4+ without system_profiler output names airport's removal", async () => {
  const exec = scriptedExec({ [AIRPORT]: fixtureText("darwin/en/airport/macos14_4_removed") });
  const r = await onHost(wifiLinkProbe, { os: "darwin", isRoot: false }).run(testContext({ exec }));
  assert.equal(r.status, "skipped");
  assert.equal(r.data.state, "tool-removed");
  assert.match(r.reason!.en, /airport was removed in macOS 14\.4/);
});

Deno.test("wifi.link on Linux joins iw link and the survey's noise into an SNR", async () => {
  const exec = scriptedExec({
    "iw dev": fixtureText("linux/en/iw/dev_managed_p2p"),
    "iw dev wlp2s0 link": fixtureText("linux/en/iw/link_vht_5ghz"),
    "iw dev wlp2s0 survey dump": fixtureText("linux/en/iw/survey_dump"),
  });
  const r = await onHost(wifiLinkProbe, { os: "linux" }).run(testContext({ exec }));
  assert.equal(r.status, "ok");
  assert.equal(r.data.link?.snrDb, 40);
  assert.equal(r.data.link?.phyMode, "802.11ac");
  assert.match(r.summary.en, /5 GHz, ch 36, -52 dBm, SNR 40 dB/);
});

Deno.test("wifi.link on Linux with a weak signal warns", async () => {
  const weak = fixtureText("linux/en/iw/link_vht_5ghz").replace(
    "signal: -52 dBm",
    "signal: -74 dBm",
  );
  const exec = scriptedExec({
    "iw dev": fixtureText("linux/en/iw/dev_managed_p2p"),
    "iw dev wlp2s0 link": weak,
  });
  const r = await onHost(wifiLinkProbe, { os: "linux" }).run(testContext({ exec }));
  assert.equal(r.status, "warn");
});

Deno.test("wifi.link really run on this Linux machine is skipped with a reason (no Wi-Fi adapter here)", async () => {
  if (Deno.build.os !== "linux") return;
  const r = await wifiLinkProbe.run(testContext());
  assert.equal(r.status, "skipped");
  assert.ok(r.reason && r.reason.en.length > 0 && r.reason.ja.length > 0);
  console.log(`wifi.link here: ${r.reason.en}`);
});

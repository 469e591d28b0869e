/**
 * Cross-checks the Wi-Fi, DNS and proxy parsers against other projects' expected parses in the shared
 * corpora (`../shared/corpora` beside the repository, or `$KIRIWAKE_CORPORA`), field by
 * field through a mapping, since names and units differ. Skipped with a printed reason
 * when the corpora are missing, except on CI, where that is a failure.
 *
 * Known, deliberate differences: wifi-heatmapper derives RSSI from Windows' signal
 * percentage with its own curve (we use Windows' linear -100…-50 dBm mapping), so RSSI is
 * compared only where the OS reported dBm; it prints absent values as "None"/0 where we
 * use null.
 */
import assert from "node:assert/strict";
import { decodeOutput } from "../lib/decode.ts";
import { parseIpconfig } from "./ipconfig.ts";
import { parseIw } from "./iw.ts";
import { parseNetshWlan } from "./netsh_wlan.ts";
import { parseNmcliWifi, splitTerse } from "./nmcli.ts";
import { parseSystemProfiler } from "./system_profiler.ts";
import { parseWdutil } from "./wdutil.ts";
import type { WifiLink } from "./wifi_common.ts";
import { corporaDir, corpusTest } from "../../tests/support/corpora.ts";

const DIR = corporaDir();

const read = (p: string) => Deno.readTextFileSync(`${DIR}/${p}`);
// deno-lint-ignore no-explicit-any
const expectOf = (p: string): any => JSON.parse(read(p));
const hex = (b: string | null) => (b ?? "").replace(/:/g, "").toLowerCase();
const band = (b: string | null) => (b === null ? null : Number(b));

function test(name: string, fn: () => void) {
  corpusTest(`corpora: ${name}`, fn);
}

test("netsh wlan show interfaces en/de/fr/it/es (wifi-heatmapper)", () => {
  for (const lang of ["en", "de", "fr", "it", "es"]) {
    const base =
      `wifi-heatmapper/netsh_wlan_show_interfaces/windows-${lang}/win-netsh-interfaces-${lang}`;
    const want = expectOf(`${base}.json`).expectations[0].expected;
    const r = parseNetshWlan(read(`${base}.out`));
    const got = r.interfaces[0];
    assert.equal(r.state, "ok", lang);
    assert.equal(got.interface, want.name, `${lang} name`);
    assert.equal(got.ssid, want.ssid, `${lang} ssid`);
    assert.equal(hex(got.bssid), want.bssid, `${lang} bssid`);
    assert.equal(got.channel, want.channel, `${lang} channel`);
    assert.equal(band(got.band), want.band, `${lang} band`);
    assert.equal(got.txRateMbps, want.txRate, `${lang} txRate`);
    assert.equal(got.phyMode, want.phyMode, `${lang} phyMode`);
    assert.equal(got.security, want.security, `${lang} security`);
    assert.equal(got.signalPercent, want.signalStrength, `${lang} signal`);
  }
});

test("netsh wlan with unknown labels yields no SSID (upstream throws)", () => {
  const r = parseNetshWlan(
    read("wifi-heatmapper/netsh_wlan_show_interfaces/windows/win-netsh-interfaces-no-match.out"),
  );
  assert.equal(r.interfaces[0]?.ssid ?? null, null);
  assert.equal(r.interfaces[0]?.channel ?? null, null);
});

test("wdutil info macOS 12 and 15 (wifi-heatmapper)", () => {
  const dir = "wifi-heatmapper/wdutil_info/macos-en";
  for (
    const name of [
      "macOS12-wdutil-2.4GHz-en",
      "macOS12-wdutil-5GHz-en",
      "macOS15-wdutil-2.4GHz-en",
      "macOS15-wdutil-5GHz-en",
      "mac-wdutil-nosignal-en",
    ]
  ) {
    const want = expectOf(`${dir}/${name}.json`).expectations[0].expected;
    const got = parseWdutil(read(`${dir}/${name}.out`)).interfaces[0];
    const none = (v: string) => (v === "None" || v === "none" ? null : v);
    if (want.ssid === "<redacted>") assert.ok(got.ssidRedacted, `${name} ssid redacted`);
    else assert.equal(got.ssid, none(want.ssid), `${name} ssid`);
    if (want.bssid === "<redacted>") assert.ok(got.bssidRedacted, `${name} bssid redacted`);
    else assert.equal(hex(got.bssid), none(want.bssid) ?? "", `${name} bssid`);
    assert.equal(got.rssiDbm ?? 0, want.rssi, `${name} rssi`);
    assert.equal(got.channel, want.channel, `${name} channel`);
    assert.equal(band(got.band), want.band, `${name} band`);
    assert.equal(got.channelWidthMhz, want.channelWidth, `${name} width`);
    assert.equal(got.txRateMbps ?? 0, want.txRate, `${name} txRate`);
    assert.equal(got.phyMode?.replace(/^802\./, "") ?? "None", want.phyMode, `${name} phy`);
    assert.equal(got.security ?? "None", want.security, `${name} security`);
  }
});

test("system_profiler -json current network (wifi-heatmapper)", () => {
  const dir = "wifi-heatmapper/system_profiler_SPAirPortDataType_json/macos";
  for (
    const name of [
      "mac-sp_10.15.7",
      "mac-sp_12.7.2-AP",
      "mac-sp_15.5",
      "mac-sp_15.5-no-iPhone",
      "mac-sp_15.5-wifi-disabled",
    ]
  ) {
    const ex = expectOf(`${dir}/${name}.json`).expectations;
    const currentLen = ex.find((e: { subject: string }) => e.subject === "current.length").expected;
    const connected = parseSystemProfiler(read(`${dir}/${name}.json.in`)).interfaces.filter((l) =>
      l.connected
    );
    assert.equal(connected.length, currentLen, `${name} current.length`);
    const want = ex.find((e: { subject: string }) => e.subject === "current[0]")?.expected;
    if (!want) continue;
    const got: WifiLink = connected[0];
    assert.equal(got.ssid, want.ssid, `${name} ssid`);
    assert.equal(got.bssid ?? "", want.bssid, `${name} bssid`);
    assert.equal(got.channel, want.channel, `${name} channel`);
    assert.equal(got.phyMode, want.phyMode, `${name} phy`);
    assert.equal(got.security, want.security, `${name} security`);
    assert.equal(got.rssiDbm, want.rssi, `${name} rssi`);
    assert.equal(band(got.band), want.band, `${name} band`);
    assert.equal(got.txRateMbps, want.txRate, `${name} txRate`);
  }
});

test("iw dev link (wifi-heatmapper)", () => {
  const dir = "wifi-heatmapper/iw_nmcli/linux";
  for (const name of ["linux-iw-dev-wlp1s0-link", "linux-netsh-output"]) {
    const want = expectOf(`${dir}/${name}.json`).expectations[0].expected;
    const r = parseIw(read(`${dir}/${name}.out`));
    assert.equal(r.command, "link");
    if (r.command !== "link") return;
    assert.equal(r.link.ssid, want.ssid, `${name} ssid`);
    assert.equal(hex(r.link.bssid), want.bssid, `${name} bssid`);
    assert.equal(r.link.rssiDbm, want.rssi, `${name} rssi`);
    assert.equal(r.link.channel, want.channel, `${name} channel`);
    assert.equal(band(r.link.band), want.band, `${name} band`);
    assert.equal(r.link.txRateMbps, want.txRate, `${name} txRate`);
  }
});

test("nmcli -t dev wifi list and escaping (wifi-heatmapper)", () => {
  const dir = "wifi-heatmapper/iw_nmcli/linux";
  const list = expectOf(`${dir}/linux-nmcli-dev-wifi-list.json`).expectations;
  const got = parseNmcliWifi(read(`${dir}/linux-nmcli-dev-wifi-list.out`));
  assert.equal(got.length, list[0].expected);
  for (const e of list.slice(1)) {
    const want = e.expected;
    const g = got.find((l) => l.bssid === want.bssid.toLowerCase());
    assert.ok(g, want.bssid);
    assert.equal(g.ssid, want.ssid);
    assert.equal(g.channel, want.channel);
    assert.equal(band(g.band), want.band);
    assert.equal(g.txRateMbps, want.txRate);
    assert.equal(g.signalPercent, want.signalStrength);
    assert.equal(g.security, want.security || null);
  }
  for (const name of ["linux-single-line", "linux-single-line-2"]) {
    const want = expectOf(`${dir}/${name}.json`).expectations[0].expected;
    // upstream trims the IN-USE column (" " → ""); we keep cells as nmcli printed them
    const cols = splitTerse(read(`${dir}/${name}.out`).replace(/\n$/, ""));
    assert.deepEqual([cols[0].trim(), ...cols.slice(1)], want);
  }
});

test("ipconfig /all Japanese, Windows 7 and 10/11 (ja-samples)", () => {
  for (
    const base of ["windows10_11-ja/win10_11_ja_partial", "windows7-ja/win7_ja_wrapped_description"]
  ) {
    const want = expectOf(`ja-samples/ipconfig_all/${base}.json`).expected;
    const got = parseIpconfig(read(`ja-samples/ipconfig_all/${base}.out`));
    assert.equal(got.hostName, want.host_name);
    assert.equal(got.adapters.length, want.adapters.length, base);
    want.adapters.forEach((w: Record<string, unknown>, i: number) => {
      const g = got.adapters[i];
      assert.equal(g.header, w.header);
      assert.equal(g.type, w.type);
      if (w.name) assert.equal(g.name, w.name);
      assert.equal(g.description, w.description);
      assert.equal(g.connected, w.media_state !== "disconnected");
      if (w.physical_address) assert.equal(g.physicalAddress, w.physical_address);
      if ("dhcp_enabled" in w) assert.equal(g.dhcpEnabled, w.dhcp_enabled);
      if (w.dns_servers) assert.deepEqual(g.dnsServers, w.dns_servers);
      if (w.default_gateways) assert.deepEqual(g.defaultGateways, w.default_gateways);
      for (const [j, v4] of ((w.ipv4 ?? []) as Record<string, string>[]).entries()) {
        assert.deepEqual(
          [g.ipv4[j].address, g.ipv4[j].status, g.ipv4[j].subnetMask],
          [v4.address, v4.status, v4.subnet_mask],
        );
      }
      const ll = g.ipv6.filter((a) => a.kind === "link-local");
      for (const [j, v6] of ((w.link_local_ipv6 ?? []) as Record<string, string>[]).entries()) {
        assert.deepEqual([ll[j].address, ll[j].zone, ll[j].status], [
          v6.address,
          v6.zone,
          v6.status,
        ]);
      }
    });
  }
});

test("ja-samples CP932/CRLF byte versions parse like their UTF-8 originals", () => {
  const re = "ja-samples/_cp932_crlf_reencoded";
  const pairs: [string, string, (t: string) => unknown][] = [
    [
      "ja-samples__ipconfig_all__windows10_11-ja__win10_11_ja_partial",
      "ja-samples/ipconfig_all/windows10_11-ja/win10_11_ja_partial",
      parseIpconfig,
    ],
    [
      "ja-samples__ipconfig_all__windows7-ja__win7_ja_wrapped_description",
      "ja-samples/ipconfig_all/windows7-ja/win7_ja_wrapped_description",
      parseIpconfig,
    ],
    [
      "ja-samples__netsh_wlan_show_interfaces__windows-ja__MOCK_go_fake_command",
      "ja-samples/netsh_wlan_show_interfaces/windows-ja/MOCK_go_fake_command",
      parseNetshWlan,
    ],
  ];
  for (const [bin, utf8, parse] of pairs) {
    const decoded = decodeOutput(Deno.readFileSync(`${DIR}/${re}/${bin}.cp932.out`));
    assert.equal(decoded.encoding, "cp932");
    assert.deepEqual(parse(decoded.text), parse(read(`${utf8}.out`)));
  }
});

test("netsh wlan Japanese labels (ja-samples mock)", () => {
  const base = "ja-samples/netsh_wlan_show_interfaces/windows-ja/MOCK_go_fake_command";
  const want = expectOf(`${base}.json`).expected;
  const got = parseNetshWlan(read(`${base}.out`)).interfaces[0];
  assert.equal(got.interface, want.name);
  assert.equal(got.connected, want.connected);
  assert.equal(got.ssid, want.ssid);
  assert.equal(got.phyMode, want.radio_type);
  assert.equal(got.security, want.authentication);
  assert.equal(got.channel, want.channel);
  assert.equal(got.rxRateMbps, want.receive_rate_mbps);
  assert.equal(got.txRateMbps, want.transmit_rate_mbps);
  assert.equal(got.signalPercent, want.signal_percent);
});

test("ipconfig /all smoke test on getmac's raw Windows 10 sample", () => {
  const got = parseIpconfig(read("getmac-raw/ipconfig/windows-10/ipconfig-all.out"));
  assert.equal(got.adapters.length, 4);
  assert.deepEqual(got.adapters[0].defaultGateways, ["10.0.0.1"]);
  assert.equal(got.adapters[0].physicalAddress, "74-D4-35-E9-45-71");
});

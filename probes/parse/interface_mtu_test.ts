import assert from "node:assert/strict";
import { parseIfconfigLinks, parseNetshSubinterfaces } from "./interface_mtu.ts";

Deno.test("parseIfconfigLinks() reads name, mtu and status of macOS ifconfig", () => {
  const text = [
    "lo0: flags=8049<UP,LOOPBACK,RUNNING,MULTICAST> mtu 16384",
    "\toptions=1203<RXCSUM,TXCSUM,TXSTATUS,SW_TIMESTAMP>",
    "\tinet 127.0.0.1 netmask 0xff000000",
    "en0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500",
    "\tether 3c:22:fb:00:00:01",
    "\tstatus: active",
    "en1: flags=8822<BROADCAST,SMART,SIMPLEX,MULTICAST> mtu 1500",
    "\tstatus: inactive",
    "utun0: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1380",
  ].join("\n");
  assert.deepEqual(parseIfconfigLinks(text), [
    { name: "lo0", mtu: 16384, up: true },
    { name: "en0", mtu: 1500, up: true },
    { name: "en1", mtu: 1500, up: false },
    { name: "utun0", mtu: 1380, up: true },
  ]);
});

Deno.test("parseNetshSubinterfaces() reads English and Japanese tables alike", () => {
  const en = [
    "",
    "   MTU  MediaSenseState   Bytes In  Bytes Out  Interface",
    "------  ---------------  ---------  ---------  -------------",
    "4294967295                1          0      30226  Loopback Pseudo-Interface 1",
    "  1500                1  916425718   64523427  Wi-Fi",
    "  1454                5          0          0  Ethernet 2",
  ].join("\n");
  assert.deepEqual(parseNetshSubinterfaces(en), [
    { name: "Loopback Pseudo-Interface 1", mtu: null, up: true },
    { name: "Wi-Fi", mtu: 1500, up: true },
    { name: "Ethernet 2", mtu: 1454, up: false },
  ]);
  const ja = [
    "",
    "   MTU  MediaSenseState   受信バイト数  送信バイト数  インターフェイス",
    "------  ---------------  ---------  ---------  -------------",
    "  1500                1   12345678    1234567  イーサネット",
  ].join("\n");
  assert.deepEqual(parseNetshSubinterfaces(ja), [{ name: "イーサネット", mtu: 1500, up: true }]);
});

Deno.test("parsers return nothing for unrelated text", () => {
  assert.deepEqual(parseIfconfigLinks("garbage\n"), []);
  assert.deepEqual(parseNetshSubinterfaces("The following command was not found\n"), []);
});

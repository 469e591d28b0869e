import assert from "node:assert/strict";
import { isEui64 } from "../util/redact.ts";
import { type IdentifierSources, machineIdentifiers } from "./identifiers.ts";

const sources = (over: Partial<IdentifierSources> & { vars?: Record<string, string> }) => ({
  hostname: () => "Alice-PC",
  userName: () => "alice",
  interfaces: () => [],
  env: (n: string) => over.vars?.[n],
  ...over,
});

Deno.test("machineIdentifiers() finds host and user names wherever the OS keeps them", () => {
  const ids = machineIdentifiers(sources({
    vars: {
      COMPUTERNAME: "ALICE-PC",
      USERNAME: "alice",
      USERPROFILE: "C:\\Users\\alice.old\\",
      HOME: "/home/ally",
    },
  }));
  assert.deepEqual(ids, [
    { kind: "hostname", value: "Alice-PC" },
    { kind: "user", value: "alice" },
    { kind: "user", value: "ally" },
    { kind: "user", value: "alice.old" },
  ]);
});

Deno.test("machineIdentifiers() takes MACs, MAC-derived IPv6 and public addresses, not private ones", () => {
  const ids = machineIdentifiers(sources({
    hostname: () => null,
    userName: () => null,
    interfaces: () => [
      { mac: "00:00:00:00:00:00", address: "127.0.0.1" },
      { mac: "02:fc:00:00:00:01", address: "192.168.1.20" },
      { mac: "02:fc:00:00:00:01", address: "fe80::fc:ff:fe00:1%eth0" },
      { mac: "02:fc:00:00:00:01", address: "2001:db8::8a2e:370:7334" },
      { mac: "3c:22:fb:0a:1b:2c", address: "203.0.113.7" },
      { mac: "3c:22:fb:0a:1b:2c", address: "100.64.0.9" },
      { mac: "3c:22:fb:0a:1b:2c", address: "fd00::2" },
    ],
  }));
  assert.deepEqual(ids, [
    { kind: "mac", value: "02:fc:00:00:00:01" },
    { kind: "mac-ipv6", value: "fe80::fc:ff:fe00:1" },
    { kind: "public-ip", value: "2001:db8::8a2e:370:7334" },
    { kind: "mac", value: "3c:22:fb:0a:1b:2c" },
    { kind: "public-ip", value: "203.0.113.7" },
  ]);
});

Deno.test("isEui64() spots the ff:fe in the middle of an interface id", () => {
  assert.equal(isEui64("fe80::3e22:fbff:fe0a:1b2c"), true);
  assert.equal(isEui64("2001:db8:1:2:3e22:fbff:fe0a:1b2c"), true);
  assert.equal(isEui64("2001:db8::8a2e:370:7334"), false);
  assert.equal(isEui64("::ffff:192.0.2.1"), false);
  assert.equal(isEui64("not an address"), false);
  assert.equal(isEui64("fe80::3e22:fbff:fe0a:1b2c%eth0"), true);
  assert.equal(isEui64("1::2::3"), false);
});

import assert from "node:assert/strict";
import { redact } from "./redact.ts";

const ids = [
  { kind: "hostname", value: "alice-laptop" },
  { kind: "ssid", value: "Alice's Wi-Fi <5G>" },
  { kind: "user", value: "al" },
];

Deno.test("redact() masks declared identifiers everywhere, keys included", () => {
  const input = {
    host: "alice-laptop",
    nested: [{ note: "joined Alice's Wi-Fi <5G> from ALICE-LAPTOP" }],
    "alice-laptop": 1,
    path: "/home/al/.config also",
  };
  const { value, masked } = redact(input, { refused: ["identifiers"], identifiers: ids });
  const text = JSON.stringify(value);
  assert.ok(!/alice-laptop/i.test(text));
  assert.ok(!text.includes("Alice's Wi-Fi"));
  assert.equal(value.path, "/home/[redacted:user]/.config also");
  assert.deepEqual(masked, { hostname: 1, ssid: 1, user: 1 });
});

Deno.test("redact() masks MAC-shaped values even when undeclared", () => {
  const { value, masked } = redact({ e: "ether 3c:22:fb:0a:1b:2c and 3C-22-FB-0A-1B-2D" }, {
    refused: ["identifiers"],
    identifiers: [],
  });
  assert.equal(value.e, "ether [redacted:mac] and [redacted:mac]");
  assert.equal(masked.mac, 2);
});

Deno.test("redact() leaves everything when identifiers were consented", () => {
  const input = { host: "alice-laptop", mac: "3c:22:fb:0a:1b:2c" };
  const { value, masked } = redact(input, { refused: ["device"], identifiers: ids });
  assert.deepEqual(value, input);
  assert.deepEqual(masked, {});
});

Deno.test("redact() masks an address only as a whole address, and short names in any case", () => {
  const ids = [
    { kind: "public-ip", value: "1.2.3.4" },
    { kind: "public-ip", value: "2001:db8::1" },
    { kind: "hostname", value: "vm" },
  ];
  const input = {
    a: "src 1.2.3.4/24 and 1.2.3.4. Not 11.2.3.45 nor 1.2.3.41",
    b: "2001:db8::1 but not 2001:db8::1:2 or 2001:db8::10",
    c: "VM vm kvm vm1 vm.local",
  };
  const { value } = redact(input, { refused: ["identifiers"], identifiers: ids });
  assert.equal(
    value.a,
    "src [redacted:public-ip]/24 and [redacted:public-ip]. Not 11.2.3.45 nor 1.2.3.41",
  );
  assert.equal(value.b, "[redacted:public-ip] but not 2001:db8::1:2 or 2001:db8::10");
  assert.equal(
    value.c,
    "[redacted:hostname] [redacted:hostname] kvm vm1 [redacted:hostname].local",
  );
});

Deno.test("redact() masks IPv6 addresses built from a MAC even when undeclared", () => {
  const { value, masked } = redact({
    gw: "default via fe80::3e22:fbff:fe0a:1b2c dev eth0",
    dns: "2001:db8::1 and 2001:db8:1:2:3e22:fbff:fe0a:1b2d/64",
    time: "12:30:45",
  }, { refused: ["identifiers"], identifiers: [] });
  assert.equal(value.gw, "default via [redacted:mac-ipv6] dev eth0");
  assert.equal(value.dns, "2001:db8::1 and [redacted:mac-ipv6]/64");
  assert.equal(value.time, "12:30:45");
  assert.equal(masked.mac, 2);
});

Deno.test("redact() masks MACs but not TLS fingerprints or other longer hex strings", () => {
  const fp =
    "FF:AE:A1:DF:BF:FF:E3:FC:82:FB:89:02:F8:C0:61:A8:29:A1:41:51:EF:D6:6A:35:A4:08:FA:B7:1A:27:08:7F";
  const serial = "01-23-45-67-89-ab-cd";
  const mixed = "aa:bb-cc:dd:ee:ff";
  const { value, masked } = redact(
    { fp, serial, mixed, mac: "gw 5e:01:11:94:97:c9 up", win: "5E-01-11-94-97-C9" },
    { refused: ["identifiers"], identifiers: [] },
  );
  assert.equal(value.fp, fp, "a certificate fingerprint is evidence of interception");
  assert.equal(value.serial, serial);
  assert.equal(value.mixed, mixed, "one separator throughout");
  assert.equal(value.mac, "gw [redacted:mac] up");
  assert.equal(value.win, "[redacted:mac]");
  assert.equal(masked.mac, 2);
});

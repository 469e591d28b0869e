import assert from "node:assert/strict";
import { addressToken, findAddresses, ipFamily } from "./address.ts";

Deno.test("addressToken() strips the punctuation output puts around addresses", () => {
  assert.equal(addressToken("(192.0.2.1):"), "192.0.2.1");
  assert.equal(addressToken("[2001:db8::1]"), "2001:db8::1");
  assert.equal(addressToken("2001:db8::1:"), "2001:db8::1");
  assert.equal(addressToken("2400:cb00:408:3::"), "2400:cb00:408:3::");
  assert.equal(addressToken("2400:cb00:408:3:::"), "2400:cb00:408:3::");
  assert.equal(addressToken("fe80::1%en0,"), "fe80::1%en0");
  assert.equal(addressToken("192.0.2.1."), "192.0.2.1");
  assert.equal(addressToken("host.example"), null);
  assert.equal(addressToken("64"), null);
});

Deno.test("ipFamily() accepts zones that are interface names or indexes only", () => {
  assert.equal(ipFamily("fe80::1%12"), 6);
  assert.equal(ipFamily("fe80::1%usb0"), 6);
  assert.equal(ipFamily("fe80::1%usb0:"), 0);
  assert.equal(ipFamily("10.0.0.1"), 4);
});

Deno.test("findAddresses() finds every address in order", () => {
  assert.deepEqual(findAddresses("From 192.0.2.1 icmp_seq=1, via 2001:db8::2:"), [
    "192.0.2.1",
    "2001:db8::2",
  ]);
});

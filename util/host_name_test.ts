import assert from "node:assert/strict";
import { hostArgument, hostSchema, ipAddressSchema, isHost, isIpAddress } from "./host_name.ts";

Deno.test("isHost() takes addresses and names, never an option or anything with spaces", () => {
  for (
    const ok of [
      "192.0.2.1",
      "2001:db8::1",
      "fe80::1%eth0",
      "example.com",
      "a-b.c_d.jp",
      "ルーター.jp",
      "localhost",
      "x.",
    ]
  ) {
    assert.ok(isHost(ok), ok);
  }
  for (
    const bad of [
      "-rf",
      "--help",
      "-c 1000",
      "a b",
      "x\ny",
      "",
      "a..b",
      "-a.com",
      "a-.com",
      "[::1]",
      "1.2.3.4%eth0",
      "a".repeat(254),
      "x;rm",
      "$(id)",
    ]
  ) {
    assert.ok(!isHost(bad), bad);
  }
});

Deno.test("ipAddressSchema() checks the family when asked", () => {
  assert.ok(ipAddressSchema(4).safeParse("192.0.2.1").success);
  assert.ok(!ipAddressSchema(4).safeParse("2001:db8::1").success);
  assert.ok(ipAddressSchema(6).safeParse("2001:db8::1").success);
  assert.ok(!ipAddressSchema().safeParse("example.com").success);
  assert.equal(isIpAddress("::ffff:192.0.2.1"), true);
  assert.ok(!hostSchema().safeParse("-f").success);
});

Deno.test("hostArgument() passes a host and throws for anything a command could read as an option", () => {
  assert.equal(hostArgument("192.0.2.1"), "192.0.2.1");
  assert.throws(() => hostArgument("-f"), RangeError);
  assert.throws(() => hostArgument("--help"), /Not a host: "--help"/);
});

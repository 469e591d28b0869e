import assert from "node:assert/strict";
import { ParseError } from "./parse_error.ts";
import { HUGE_PING_REPLIES, hugeInputs } from "../../tests/support/parser_inputs.ts";
import { parsePing } from "./ping.ts";

Deno.test("parsePing() never counts a Windows 'unreachable' reply as received", () => {
  const text = [
    "Pinging 192.0.2.9 with 32 bytes of data:",
    "Reply from 192.0.2.1: Destination net unreachable.",
    "Reply from 192.0.2.9: bytes=32 time=3ms TTL=64",
    "",
    "Ping statistics for 192.0.2.9:",
    "    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),",
  ].join("\r\n");
  const p = parsePing(text);
  assert.equal(p.flavor, "windows");
  assert.equal(p.reported?.received, 2);
  assert.equal(p.received, 1);
  assert.equal(p.lossPercent, 50);
  assert.deepEqual(p.errors.map((e) => [e.kind, e.from]), [["unreachable", "192.0.2.1"]]);
});

Deno.test("parsePing() reads Windows IPv6 replies, which carry no TTL", () => {
  const p = parsePing("2001:db8::1 からの応答: 時間 =19ms\n", { os: "windows" });
  assert.deepEqual(p.replies, [
    { seq: null, from: "2001:db8::1", rttMs: 19, ttl: null, duplicate: false },
  ]);
  assert.equal(p.complete, false);
});

Deno.test("parsePing() excludes DUP! replies from received and jitter", () => {
  const text = [
    "PING 192.0.2.1 (192.0.2.1) 56(84) bytes of data.",
    "64 bytes from 192.0.2.1: icmp_seq=1 ttl=64 time=1.00 ms",
    "64 bytes from 192.0.2.1: icmp_seq=1 ttl=64 time=9.00 ms (DUP!)",
    "64 bytes from 192.0.2.1: icmp_seq=2 ttl=64 time=3.00 ms",
  ].join("\n");
  const p = parsePing(text);
  assert.equal(p.received, 2);
  assert.equal(p.duplicates, 1);
  assert.equal(p.jitterMs, 2);
  assert.deepEqual(p.rtt, { minMs: 1, avgMs: 2, maxMs: 3, stddevMs: null, source: "replies" });
});

Deno.test("parsePing() estimates sent from sequence gaps when the summary is cut off", () => {
  const text = [
    "PING 192.0.2.1 (192.0.2.1) 56(84) bytes of data.",
    "64 bytes from 192.0.2.1: icmp_seq=1 ttl=64 time=1.0 ms",
    "64 bytes from 192.0.2.1: icmp_seq=4 ttl=64 time=1.0 ms",
  ].join("\n");
  const p = parsePing(text, { os: "linux" });
  assert.equal(p.sent, 4);
  assert.equal(p.lossPercent, 50);
  assert.equal(p.complete, false);
});

Deno.test("parsePing() takes the MTU quoted by 'frag needed' in any wording", () => {
  const mac = parsePing("36 bytes from 192.0.2.1: frag needed and DF set (MTU 1454)\n", {
    os: "darwin",
  });
  assert.deepEqual([mac.errors[0].kind, mac.errors[0].mtu], ["frag-needed", 1454]);
  const linux = parsePing("ping: local error: message too long, mtu=1492\n", { os: "linux" });
  assert.deepEqual([linux.errors[0].kind, linux.errors[0].from, linux.errors[0].mtu], [
    "frag-needed",
    null,
    1492,
  ]);
});

Deno.test("parsePing() throws ParseError naming what it looked for", () => {
  assert.throws(() => parsePing("hello world\n"), (e: unknown) => {
    assert.ok(e instanceof ParseError);
    assert.equal(e.kind, "ping");
    assert.match(e.message, /^Cannot parse ping output: found no echo replies/);
    return true;
  });
});

Deno.test("parsePing() places each echo's RTT by its sequence number, lost ones as null", () => {
  const linux = [
    "PING 192.0.2.1 (192.0.2.1) 56(84) bytes of data.",
    "64 bytes from 192.0.2.1: icmp_seq=1 ttl=64 time=1.5 ms",
    "64 bytes from 192.0.2.1: icmp_seq=3 ttl=64 time=2.5 ms",
    "",
    "--- 192.0.2.1 ping statistics ---",
    "4 packets transmitted, 2 received, 50% packet loss, time 3004ms",
  ].join("\n");
  assert.deepEqual(parsePing(linux, { os: "linux" }).samples, [1.5, null, 2.5, null]);
  const mac = [
    "PING 192.0.2.1 (192.0.2.1): 56 data bytes",
    "Request timeout for icmp_seq 0",
    "64 bytes from 192.0.2.1: icmp_seq=1 ttl=64 time=4.0 ms",
    "",
    "--- 192.0.2.1 ping statistics ---",
    "2 packets transmitted, 1 packets received, 50.0% packet loss",
  ].join("\n");
  assert.deepEqual(parsePing(mac, { os: "darwin" }).samples, [null, 4]);
});

Deno.test("parsePing() orders Windows samples by line, which carries no sequence number", () => {
  const text = [
    "Pinging 192.0.2.9 with 32 bytes of data:",
    "Request timed out.",
    "Reply from 192.0.2.9: bytes=32 time=3ms TTL=64",
    "Reply from 192.0.2.1: Destination net unreachable.",
    "Reply from 192.0.2.9: bytes=32 time<1ms TTL=64",
    "",
    "Ping statistics for 192.0.2.9:",
    "    Packets: Sent = 4, Received = 3, Lost = 1 (25% loss),",
  ].join("\r\n");
  assert.deepEqual(parsePing(text).samples, [null, 3, null, 0]);
});

Deno.test("parsePing() leaves samples empty when replies were counted but not printed", () => {
  const quiet = [
    "PING 192.0.2.1 (192.0.2.1) 56(84) bytes of data.",
    "",
    "--- 192.0.2.1 ping statistics ---",
    "3 packets transmitted, 3 received, 0% packet loss, time 2003ms",
  ].join("\n");
  assert.deepEqual(parsePing(quiet, { os: "linux" }).samples, []);
});

Deno.test("parsePing() reads 200,000 replies: no argument spreading to overflow the stack", () => {
  const input = hugeInputs()[0];
  assert.ok(input.size > 11_000_000, `only ${input.size} characters`);
  const r = parsePing(input.text, { os: "linux" });
  assert.equal(r.replies.length, HUGE_PING_REPLIES);
  assert.deepEqual([r.sent, r.received, r.lossPercent], [HUGE_PING_REPLIES, HUGE_PING_REPLIES, 0]);
  // Without the statistics the sequence span is what counts as sent.
  const cut = input.text.slice(0, input.text.indexOf("\n\n--- "));
  assert.equal(parsePing(cut, { os: "linux" }).sent, HUGE_PING_REPLIES);
});

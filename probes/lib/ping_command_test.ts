import assert from "node:assert/strict";
import { pingBudgetMs, pingCommand, type PingSpec } from "./ping_command.ts";

const spec: PingSpec = { target: "192.0.2.1", family: 4, count: 10, intervalMs: 200, waitMs: 1000 };

Deno.test("pingCommand() on Linux: numeric, family, count, interval and wait in seconds", () => {
  assert.deepEqual(pingCommand("linux", spec), {
    cmd: "ping",
    args: ["-n", "-4", "-c", "10", "-i", "0.2", "-W", "1", "192.0.2.1"],
  });
  assert.deepEqual(
    pingCommand("linux", {
      ...spec,
      family: 6,
      target: "2001:db8::1",
      count: 1,
      dontFragment: true,
      payloadBytes: 1452,
    }).args,
    ["-n", "-6", "-c", "1", "-W", "1", "-M", "do", "-s", "1452", "2001:db8::1"],
  );
});

Deno.test("pingCommand() on macOS: no sub-second interval, ping6 for IPv6", () => {
  assert.deepEqual(pingCommand("darwin", spec), {
    cmd: "ping",
    args: ["-n", "-c", "10", "-W", "1000", "192.0.2.1"],
  });
  assert.deepEqual(
    pingCommand("darwin", { ...spec, dontFragment: true, payloadBytes: 1472 }).args,
    [
      "-n",
      "-c",
      "10",
      "-W",
      "1000",
      "-D",
      "-s",
      "1472",
      "192.0.2.1",
    ],
  );
  assert.deepEqual(
    pingCommand("darwin", {
      ...spec,
      family: 6,
      target: "2001:db8::1",
      intervalMs: 2000,
      dontFragment: true,
      payloadBytes: 1452,
    }),
    {
      cmd: "ping6",
      args: ["-n", "-c", "10", "-i", "2", "-D", "-m", "-s", "1452", "2001:db8::1"],
    },
  );
});

Deno.test("pingCommand() on Windows: -n count, -w wait in ms, -f -l for Don't Fragment", () => {
  assert.deepEqual(pingCommand("windows", { ...spec, dontFragment: true, payloadBytes: 1472 }), {
    cmd: "ping",
    args: ["-n", "10", "-w", "1000", "-4", "-f", "-l", "1472", "192.0.2.1"],
  });
  assert.throws(
    () => pingCommand("windows", { ...spec, family: 6, dontFragment: true }),
    /cannot set Don't Fragment for IPv6/,
  );
});

Deno.test("pingBudgetMs() allows every request at the OS's interval plus the last wait", () => {
  assert.equal(pingBudgetMs("linux", spec), 10 * 200 + 1000 + 3000);
  assert.equal(pingBudgetMs("windows", spec), 10 * 1000 + 1000 + 3000);
});

Deno.test("pingCommand() refuses a target a ping could read as an option, on every OS", () => {
  for (const os of ["linux", "darwin", "windows"] as const) {
    for (const target of ["-f", "--help", "-c 9 127.0.0.1", "a b"]) {
      assert.throws(
        () => pingCommand(os, { target, family: 4, count: 1, intervalMs: 1000, waitMs: 1000 }),
        RangeError,
      );
    }
  }
});

Deno.test("pingCommand() limits the TTL / hop limit with each OS's own option", () => {
  const ttl = { ...spec, count: 1, ttl: 2 };
  assert.deepEqual(pingCommand("linux", ttl).args, [
    "-n",
    "-4",
    "-c",
    "1",
    "-W",
    "1",
    "-t",
    "2",
    "192.0.2.1",
  ]);
  assert.deepEqual(pingCommand("darwin", ttl).args, [
    "-n",
    "-c",
    "1",
    "-W",
    "1000",
    "-m",
    "2",
    "192.0.2.1",
  ]);
  assert.deepEqual(pingCommand("darwin", { ...ttl, family: 6, target: "2001:db8::1" }).args, [
    "-n",
    "-c",
    "1",
    "-h",
    "2",
    "2001:db8::1",
  ]);
  assert.deepEqual(pingCommand("windows", ttl).args, [
    "-n",
    "1",
    "-w",
    "1000",
    "-4",
    "-i",
    "2",
    "192.0.2.1",
  ]);
});

import assert from "node:assert/strict";
import { traceBudgetMs, traceCommands, type TraceSpec } from "./trace_command.ts";

const spec: TraceSpec = {
  target: "192.0.2.1",
  family: 4,
  probesPerHop: 3,
  maxHops: 20,
  waitMs: 1000,
};

Deno.test("traceCommands() on Linux: traceroute, then tracepath", () => {
  assert.deepEqual(traceCommands("linux", { ...spec, family: 6, target: "2001:db8::1" }), [
    { cmd: "traceroute", args: ["-n", "-6", "-q", "3", "-w", "1", "-m", "20", "2001:db8::1"] },
    { cmd: "tracepath", args: ["-n", "-6", "-m", "20", "2001:db8::1"] },
  ]);
});

Deno.test("traceCommands() on macOS: traceroute6 for IPv6, whole seconds", () => {
  assert.deepEqual(traceCommands("darwin", { ...spec, waitMs: 1500 }), [
    { cmd: "traceroute", args: ["-n", "-q", "3", "-w", "2", "-m", "20", "192.0.2.1"] },
  ]);
  assert.equal(traceCommands("darwin", { ...spec, family: 6 })[0].cmd, "traceroute6");
});

Deno.test("traceCommands() on Windows: tracert without name lookups", () => {
  assert.deepEqual(traceCommands("windows", spec), [
    { cmd: "tracert", args: ["-d", "-h", "20", "-w", "1000", "-4", "192.0.2.1"] },
  ]);
  assert.equal(traceBudgetMs("windows", { ...spec, probesPerHop: 1 }), 20 * 3 * 1000 + 5000);
});

Deno.test("traceCommands() refuses a target a traceroute could read as an option", () => {
  for (const os of ["linux", "darwin", "windows"] as const) {
    assert.throws(
      () =>
        traceCommands(os, { target: "-I", family: 4, probesPerHop: 1, maxHops: 3, waitMs: 500 }),
      /Not a host: "-I"/,
    );
  }
});

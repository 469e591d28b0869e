import assert from "node:assert/strict";
import { fixtureText } from "../../tests/support/fixture_files.ts";
import { LAB, labTest } from "../../tests/support/netns_lab.ts";
import { pathTraceProbe } from "./path_trace.ts";
import { onHost, scriptedExec, testContext } from "../testing.ts";
import { SkipProbe } from "../types.ts";

Deno.test("path.trace traces loopback v4 and v6 with the real traceroute", async () => {
  const config = { trace: { targets: [{ address: "127.0.0.1" }, { address: "::1" }], rounds: 2 } };
  const probe = onHost(pathTraceProbe, { os: "linux" });
  const t0 = performance.now();
  const out = await probe.run(testContext({ config }));
  console.log(`path.trace against loopback: ${Math.round(performance.now() - t0)} ms`);
  assert.equal(out.status, "ok", JSON.stringify(out.data));
  for (const t of out.data.targets) {
    assert.deepEqual([t.reached, t.rounds, t.hops.length, t.hops[0].sent, t.hops[0].received], [
      true,
      2,
      1,
      6,
      6,
    ]);
  }
  assert.ok(probe.schema.safeParse(out.data).success);
});

labTest(
  "path.trace calls a router that drops half its answers rate limiting, not a fault",
  async (lab) => {
    await lab.sh(
      lab.router,
      "iptables",
      "-A",
      "OUTPUT",
      "-p",
      "icmp",
      "--icmp-type",
      "time-exceeded",
      "-m",
      "statistic",
      "--mode",
      "nth",
      "--every",
      "2",
      "--packet",
      "0",
      "-j",
      "DROP",
    );
    const config = { trace: { targets: [{ address: LAB.server4 }], rounds: 3, waitMs: 500 } };
    const out = await onHost(pathTraceProbe, { os: "linux" }).run(
      testContext({ config, exec: lab.clientExec }),
    );
    const [t] = out.data.targets;
    assert.deepEqual(t.hops.map((h) => [h.ttl, h.sent, h.received, h.lossKind]), [
      [1, 9, 4, "rate-limit"],
      [2, 9, 9, "none"],
    ]);
    assert.deepEqual([t.reached, t.endLossPercent, t.rateLimitedHops, t.persistentLossFrom], [
      true,
      0,
      [1],
      null,
    ]);
    assert.equal(out.status, "ok");
    assert.match(out.summary.en, /loss at hop 1 is rate limiting, not a fault/);
    assert.match(out.summary.ja, /レート制限/);
  },
);

labTest("path.trace warns when loss carries on to the destination", async (lab) => {
  // The router drops every third packet it forwards: only the destination's answers suffer.
  await lab.sh(
    lab.router,
    "ip6tables",
    "-A",
    "FORWARD",
    "-p",
    "udp",
    "-m",
    "statistic",
    "--mode",
    "nth",
    "--every",
    "3",
    "--packet",
    "0",
    "-j",
    "DROP",
  );
  const config = { trace: { targets: [{ address: LAB.server6 }], rounds: 2, waitMs: 500 } };
  const out = await onHost(pathTraceProbe, { os: "linux" }).run(
    testContext({ config, exec: lab.clientExec }),
  );
  const [t] = out.data.targets;
  assert.equal(t.hops.at(-1)?.lossKind, "end-to-end");
  assert.equal(t.persistentLossFrom, 2);
  assert.equal(t.status, "warn");
  assert.equal(out.status, "warn");
});

labTest(
  "path.trace stops later rounds two hops past the last answer when unreached",
  async (lab) => {
    await lab.sh(lab.server, "iptables", "-A", "INPUT", "-p", "udp", "-j", "DROP");
    const calls: string[] = [];
    const exec: typeof lab.clientExec = (cmd, args, o) => {
      calls.push([cmd, ...args].join(" "));
      return lab.clientExec(cmd, args, o);
    };
    const config = {
      trace: { targets: [{ address: LAB.server4 }], rounds: 2, maxHops: 6, waitMs: 300 },
    };
    const out = await onHost(pathTraceProbe, { os: "linux" }).run(testContext({ config, exec }));
    assert.deepEqual(calls, [
      `traceroute -n -4 -q 3 -w 0.3 -m 6 ${LAB.server4}`,
      `traceroute -n -4 -q 3 -w 0.3 -m 3 ${LAB.server4}`,
    ]);
    const [t] = out.data.targets;
    assert.deepEqual([t.reached, t.status, t.hops[0].lossKind, t.hops[1].lossKind], [
      false,
      "warn",
      "none",
      "unknown",
    ]);
    assert.match(t.reason!.en, /did not answer \(hops answered up to 1\)/);
  },
);

Deno.test("path.trace on Windows (English and Japanese CP932): tracert rounds aggregated", async () => {
  const exec = scriptedExec({
    "tracert -d -h 20 -w 1000 -4 8.8.8.8": fixtureText("windows/en/tracert/two_line_header.txt"),
    "tracert -d -h 20 -w 1000 -6 2606:4700:4700::1111": fixtureText(
      "windows/ja/tracert/ipv6_single_line_header.bin",
    ),
  });
  const config = {
    trace: { targets: [{ address: "8.8.8.8" }, { address: "2606:4700:4700::1111" }] },
  };
  const out = await onHost(pathTraceProbe, { os: "windows" }).run(testContext({ config, exec }));
  assert.equal(exec.calls.length, 6);
  const [v4, v6] = out.data.targets;
  assert.deepEqual(v4.hops.map((h) => h.lossKind), [
    "none",
    "none",
    "no-reply",
    "rate-limit",
    "none",
  ]);
  assert.deepEqual([v4.tool, v4.rounds, v4.hops[3].lossPercent], ["tracert", 3, 33.333]);
  assert.deepEqual(v6.rateLimitedHops, [8]);
  assert.deepEqual(v6.hops.filter((h) => h.lossKind === "no-reply").map((h) => h.ttl), [4, 5]);
  assert.equal(out.status, "ok");
});

Deno.test("path.trace on macOS runs traceroute and traceroute6", async () => {
  const exec = scriptedExec({
    "traceroute -n -q 3 -w 1 -m 20 8.8.8.8": fixtureText("darwin/en/traceroute/macos_v4_names.txt"),
    "traceroute6 -n -q 3 -w 1 -m 20 2606:4700:4700::1111": fixtureText(
      "darwin/en/traceroute/macos_traceroute6.txt",
    ),
  });
  const config = {
    trace: { targets: [{ address: "8.8.8.8" }, { address: "2606:4700:4700::1111" }], rounds: 1 },
  };
  const out = await onHost(pathTraceProbe, { os: "darwin" }).run(testContext({ config, exec }));
  assert.deepEqual(out.data.targets.map((t) => [t.reached, t.hops.length]), [[true, 5], [true, 4]]);
  assert.deepEqual(out.data.targets[0].hops[3].addresses, ["198.51.100.1", "198.51.100.5"]);
});

Deno.test("path.trace falls back to tracepath, and says which tools are missing", async () => {
  const tracepath = scriptedExec({
    "tracepath -n -4 -m 20 192.0.2.9": fixtureText("linux/ja/tracepath/v4_ja.txt"),
  });
  const config = { trace: { targets: [{ address: "192.0.2.9" }], rounds: 1 } };
  const out = await onHost(pathTraceProbe, { os: "linux" }).run(
    testContext({ config, exec: tracepath }),
  );
  assert.equal(out.data.targets[0].tool, "tracepath");
  const none = await onHost(pathTraceProbe, { os: "linux" }).run(
    testContext({ config, exec: scriptedExec({}) }),
  );
  assert.equal(none.status, "skipped");
  assert.equal(none.reason?.en, "None of traceroute, tracepath was found");
  const denied = scriptedExec({
    "tracert -d -h 20 -w 1000 -4 192.0.2.9": {
      ok: false,
      failure: "permission-denied",
      code: null,
    },
  });
  const out2 = await onHost(pathTraceProbe, { os: "windows" }).run(
    testContext({ config, exec: denied }),
  );
  assert.equal(out2.reason?.en, "Permission denied to run tracert");
});

Deno.test("path.trace traces nothing when no target is configured", async () => {
  const exec = scriptedExec({});
  await assert.rejects(
    onHost(pathTraceProbe, { os: "linux" }).run(testContext({ exec })),
    (e: unknown) => e instanceof SkipProbe && e.reason.en === "No trace targets configured",
  );
  assert.deepEqual(exec.calls, []);
});

import assert from "node:assert/strict";
import { fixtureText } from "../../tests/support/fixture_files.ts";
import { LAB, labTest } from "../../tests/support/netns_lab.ts";
import { internetPingProbe } from "./internet_ping.ts";
import { onHost, scriptedExec, testContext } from "../testing.ts";
import { SkipProbe } from "../types.ts";

const loopback = { ping: { anchors: [{ address: "127.0.0.1" }, { address: "::1" }], count: 3 } };

Deno.test("internet.ping measures loopback v4 and v6 with the real ping", async () => {
  const probe = onHost(internetPingProbe, { os: "linux" });
  const ctx = testContext({ config: loopback });
  const t0 = performance.now();
  const out = await probe.run(ctx);
  console.log(`internet.ping against loopback: ${Math.round(performance.now() - t0)} ms`);
  assert.equal(out.status, "ok", JSON.stringify(out.data));
  assert.deepEqual(out.data.targets.map((t) => [t.target, t.family, t.sent, t.received]), [
    ["127.0.0.1", 4, 3, 3],
    ["::1", 6, 3, 3],
  ]);
  for (const t of out.data.targets) {
    assert.ok(t.rtt && t.rtt.minMs <= t.rtt.avgMs && t.rtt.avgMs <= t.rtt.maxMs);
    assert.equal(typeof t.jitterMs, "number");
  }
  assert.ok(probe.schema.safeParse(out.data).success);
  assert.equal(ctx.progressSeen.at(-1)?.fraction, 1);
});

labTest("internet.ping warns on loss that a router in a netns causes", async (lab) => {
  // The server drops every third echo request: 2 of 6 lost.
  for (const [cmd, type] of [["iptables", "icmp"], ["ip6tables", "icmpv6"]]) {
    await lab.sh(
      lab.server,
      cmd,
      "-A",
      "INPUT",
      "-p",
      type,
      `--${type}-type`,
      "echo-request",
      "-m",
      "statistic",
      "--mode",
      "nth",
      "--every",
      "3",
      "--packet",
      "2",
      "-j",
      "DROP",
    );
  }
  const probe = onHost(internetPingProbe, { os: "linux" });
  const config = {
    ping: { anchors: [{ address: LAB.server4 }, { address: LAB.server6 }], count: 6, waitMs: 500 },
  };
  const out = await probe.run(testContext({ config, exec: lab.clientExec }));
  assert.equal(out.status, "warn");
  assert.deepEqual(out.data.targets.map((t) => [t.received, t.lossPercent, t.status]), [
    [4, 33.333, "warn"],
    [4, 33.333, "warn"],
  ]);
  assert.match(out.data.targets[0].reason!.en, /loss 33.333% \(over 5%\)/);
});

Deno.test("internet.ping on Japanese Windows: ping.exe lines and CP932 output", async () => {
  const exec = scriptedExec({
    "ping -n 4 -w 1000 -4 8.8.8.8": fixtureText("windows/ja/ping/loss_mixed.bin"),
    "ping -n 4 -w 1000 -6 2606:4700:4700::1111": fixtureText(
      "windows/en/ping/ipv6_reply_no_ttl.txt",
    ),
    "ping -n 4 -w 1000 -4 192.168.10.199": fixtureText(
      "windows/ja/ping/ipv4_dest_host_unreachable.bin",
    ),
  });
  const config = {
    ping: {
      count: 4,
      anchors: [{ address: "8.8.8.8" }, { address: "2606:4700:4700::1111" }, {
        address: "192.168.10.199",
      }],
    },
  };
  const out = await onHost(internetPingProbe, { os: "windows" }).run(testContext({ config, exec }));
  assert.deepEqual(exec.calls.toSorted(), [
    "ping -n 4 -w 1000 -4 192.168.10.199",
    "ping -n 4 -w 1000 -4 8.8.8.8",
    "ping -n 4 -w 1000 -6 2606:4700:4700::1111",
  ]);
  const [v4, v6, unreachable] = out.data.targets;
  assert.deepEqual([v4.status, v4.lossPercent, v4.rtt, v4.jitterMs], ["warn", 25, {
    minMs: 14,
    avgMs: 20,
    maxMs: 31,
  }, 16.5]);
  assert.deepEqual([v6.received, v6.lossPercent, v6.status], [3, 25, "warn"]);
  // Windows says "received = 4, 0% loss"; those were ICMP errors, so nothing answered.
  assert.deepEqual([unreachable.received, unreachable.lossPercent, unreachable.status], [
    0,
    100,
    "fail",
  ]);
  assert.equal(unreachable.errors[0].kind, "unreachable");
  assert.equal(out.status, "warn");
});

Deno.test("internet.ping on macOS runs ping and ping6 without sub-second intervals", async () => {
  const exec = scriptedExec({
    "ping -n -c 10 -W 1000 1.1.1.1": fixtureText("darwin/en/ping/macos_success.txt"),
    "ping6 -n -c 10 2606:4700:4700::1111": fixtureText("darwin/en/ping/macos_ping6.txt"),
  });
  const config = {
    ping: { anchors: [{ address: "1.1.1.1" }, { address: "2606:4700:4700::1111" }] },
  };
  const out = await onHost(internetPingProbe, { os: "darwin" }).run(testContext({ config, exec }));
  assert.deepEqual(out.data.targets.map((t) => [t.status, t.received]), [["ok", 5], ["ok", 3]]);
  assert.equal(out.status, "ok");
});

Deno.test("internet.ping gives the reason when ping is missing, denied or hangs", async () => {
  const config = { ping: { anchors: [{ address: "192.0.2.1" }] } };
  const cases = [
    [scriptedExec({}), /Command ping was not found/],
    [
      scriptedExec({
        "ping -n -4 -c 10 -i 0.2 -W 1 192.0.2.1": {
          ok: false,
          failure: "permission-denied",
          code: null,
        },
      }),
      /Permission denied to run ping/,
    ],
  ] as const;
  for (const [exec, reason] of cases) {
    const out = await onHost(internetPingProbe, { os: "linux" }).run(testContext({ config, exec }));
    assert.equal(out.status, "skipped");
    assert.match(out.reason!.en, reason);
    assert.match(out.data.targets[0].reason!.en, reason);
  }
  const hung = scriptedExec({
    "ping -n -4 -c 10 -i 0.2 -W 1 192.0.2.1": {
      ok: false,
      failure: "timeout",
      code: null,
      stdout: "",
    },
  });
  const out = await onHost(internetPingProbe, { os: "linux" }).run(
    testContext({ config, exec: hung }),
  );
  assert.match(out.reason!.en, /timed out/);
});

Deno.test("internet.ping does not count a missing IPv6 route as a failure", async () => {
  const exec = scriptedExec({
    "ping -n -4 -c 10 -i 0.2 -W 1 192.0.2.1": fixtureText("linux/en/ping/iputils_v4_ok.txt"),
    "ping -n -6 -c 10 -i 0.2 -W 1 2001:db8::1": {
      ok: false,
      code: 2,
      failure: "exit-code",
      stderr: "ping: connect: Network is unreachable\n",
    },
  });
  const config = { ping: { anchors: [{ address: "192.0.2.1" }, { address: "2001:db8::1" }] } };
  const out = await onHost(internetPingProbe, { os: "linux" }).run(testContext({ config, exec }));
  assert.deepEqual(out.data.targets.map((t) => t.status), ["ok", "skipped"]);
  assert.equal(out.data.targets[1].reason?.en, "This device has no IPv6 route");
  assert.equal(out.status, "ok");
});

Deno.test("internet.ping pings nothing when no anchor is configured", async () => {
  const exec = scriptedExec({});
  await assert.rejects(
    onHost(internetPingProbe, { os: "linux" }).run(testContext({ exec })),
    (e: unknown) => e instanceof SkipProbe && e.reason.en === "No ping anchors configured",
  );
  assert.deepEqual(exec.calls, []);
});

import assert from "node:assert/strict";
import { LAB, labTest } from "../../tests/support/netns_lab.ts";
import type { ExecFn, ExecResult } from "../lib/exec.ts";
import { pathMtuProbe } from "./path_mtu.ts";
import { pathMtuOf } from "./isp_access.ts";
import { onHost, scriptedExec, testContext } from "../testing.ts";
import { SkipProbe } from "../types.ts";

Deno.test("path.mtu on loopback: the largest size tried gets through", async () => {
  const config = { mtu: { targets: [{ address: "127.0.0.1" }, { address: "::1" }] } };
  const probe = onHost(pathMtuProbe, { os: "linux" });
  const t0 = performance.now();
  const out = await probe.run(testContext({ config }));
  console.log(`path.mtu against loopback: ${Math.round(performance.now() - t0)} ms`);
  assert.deepEqual(out.data.targets.map((t) => [t.family, t.pathMtu, t.atLeast, t.status]), [
    [4, 1500, true, "ok"],
    [6, 1500, true, "ok"],
  ]);
  assert.equal(out.summary.en, "Path MTU: IPv4 ≥ 1500 (127.0.0.1), IPv6 ≥ 1500 (::1)");
  assert.ok(probe.schema.safeParse(out.data).success);
});

labTest(
  "path.mtu finds a 1400-byte link behind a router, v4 and v6, from its ICMP answers",
  async (lab) => {
    const config = {
      mtu: { targets: [{ address: LAB.server4 }, { address: LAB.server6 }], waitMs: 500 },
    };
    const out = await onHost(pathMtuProbe, { os: "linux" }).run(
      testContext({ config, exec: lab.clientExec }),
    );
    assert.deepEqual(out.data.targets.map((t) => [t.pathMtu, t.quotedMtu, t.blackHole, t.status]), [
      [1400, 1400, false, "ok"],
      [1400, 1400, false, "ok"],
    ]);
    assert.ok(out.data.targets.every((t) => t.steps.length <= 5), JSON.stringify(out.data));
  },
  { farMtu: 1400 },
);

labTest("path.mtu finds the MTU of a black hole and warns about it", async (lab) => {
  await lab.sh(
    lab.router,
    "iptables",
    "-A",
    "OUTPUT",
    "-p",
    "icmp",
    "--icmp-type",
    "fragmentation-needed",
    "-j",
    "DROP",
  );
  await lab.sh(
    lab.router,
    "ip6tables",
    "-A",
    "OUTPUT",
    "-p",
    "icmpv6",
    "--icmpv6-type",
    "packet-too-big",
    "-j",
    "DROP",
  );
  const config = {
    mtu: { targets: [{ address: LAB.server4 }, { address: LAB.server6 }], waitMs: 300 },
  };
  const t0 = performance.now();
  const out = await onHost(pathMtuProbe, { os: "linux" }).run(
    testContext({ config, exec: lab.clientExec }),
  );
  console.log(`path.mtu through a black hole: ${Math.round(performance.now() - t0)} ms`);
  assert.deepEqual(out.data.targets.map((t) => [t.pathMtu, t.blackHole, t.quotedMtu, t.status]), [
    [1400, true, null, "warn"],
    [1400, true, null, "warn"],
  ]);
  assert.equal(out.status, "warn");
  assert.match(out.data.targets[0].reason!.en, /over 1400 bytes vanish/);
}, { farMtu: 1400 });

/** An exec that answers ping like `os` would on a path of `mtu`, from the requested size. */
function pathOf(
  mtu: number,
  render: (size: number, fits: boolean, cmd: string) => string,
): ExecFn & { calls: string[] } {
  const calls: string[] = [];
  const fn: ExecFn = (cmd, args) => {
    const line = [cmd, ...args].join(" ");
    calls.push(line);
    const size = Number(args[args.indexOf(args.includes("-l") ? "-l" : "-s") + 1]);
    const headers = cmd === "ping6" || args.includes("-6") ? 48 : 28;
    const result: ExecResult = {
      ok: true,
      command: line,
      code: 0,
      stdout: render(size, size + headers <= mtu, cmd),
      stderr: "",
      durationMs: 1,
      encoding: "cp932",
    };
    return Promise.resolve(result);
  };
  return Object.assign(fn, { calls });
}

Deno.test("path.mtu on Japanese Windows: ping -f -l, binary search without a quoted MTU", async () => {
  const exec = pathOf(
    1454,
    (size, fits) =>
      fits
        ? `\n1.1.1.1 に ping を送信しています ${size} バイトのデータ:\n1.1.1.1 からの応答: バイト数 =${size} 時間 =7ms TTL=59\n\n1.1.1.1 の ping 統計:\n    パケット数: 送信 = 1、受信 = 1、損失 = 0 (0% の損失)、\nラウンド トリップの概算時間 (ミリ秒):\n    最小 = 7ms、最大 = 7ms、平均 = 7ms\n`
        : `\n1.1.1.1 に ping を送信しています ${size} バイトのデータ:\nパケットの断片化が必要ですが、DF が設定されています。\n\n1.1.1.1 の ping 統計:\n    パケット数: 送信 = 1、受信 = 0、損失 = 1 (100% の損失)、\n`,
  );
  const config = {
    mtu: { targets: [{ address: "1.1.1.1" }, { address: "2606:4700:4700::1111" }] },
  };
  const out = await onHost(pathMtuProbe, { os: "windows" }).run(testContext({ config, exec }));
  const [v4, v6] = out.data.targets;
  assert.deepEqual([v4.pathMtu, v4.blackHole, v4.status], [1454, false, "ok"]);
  assert.equal(exec.calls[0], "ping -n 1 -w 1000 -4 -f -l 548 1.1.1.1");
  assert.equal(exec.calls[1], "ping -n 1 -w 1000 -4 -f -l 1472 1.1.1.1");
  assert.ok(exec.calls.every((c) => c.includes(" -4 ")), "no IPv6 don't-fragment ping on Windows");
  assert.deepEqual([v6.status, v6.pathMtu], ["skipped", null]);
  assert.match(v6.reason!.en, /cannot forbid fragmentation over IPv6/);
  assert.equal(out.summary.en, "Path MTU: IPv4 1454 (1.1.1.1)");
  // isp.access reads the per-family summary: 1454 is PPPoE on NTT NGN.
  assert.deepEqual([out.data.pathMtuV4, out.data.pathMtuV6], [1454, null]);
  assert.deepEqual([pathMtuOf(out.data, 4), pathMtuOf(out.data, 6)], [1454, null]);
});

Deno.test("path.mtu on macOS: ping -D and ping6 -D -m, quoted MTU and local refusal", async () => {
  const exec = pathOf(1460, (size, fits, cmd) => {
    if (fits) {
      return `PING x (192.0.2.1): ${size} data bytes\n${
        size + 8
      } bytes from 192.0.2.1: icmp_seq=0 ttl=57 time=5.1 ms\n\n--- x ping statistics ---\n1 packets transmitted, 1 packets received, 0.0% packet loss\n`;
    }
    return cmd === "ping6"
      ? `PING6(${
        size + 48
      }=40+8+${size} bytes) 2001:db8::2 --> 2001:db8::1\nping6: sendmsg: Message too long\n\n--- 2001:db8::1 ping6 statistics ---\n1 packets transmitted, 0 packets received, 100.0% packet loss\n`
      : `PING x (192.0.2.1): ${size} data bytes\n36 bytes from 192.168.1.1: frag needed and DF set (MTU 1460)\n\n--- x ping statistics ---\n1 packets transmitted, 0 packets received, 100.0% packet loss\n`;
  });
  const config = { mtu: { targets: [{ address: "192.0.2.1" }, { address: "2001:db8::1" }] } };
  const out = await onHost(pathMtuProbe, { os: "darwin" }).run(testContext({ config, exec }));
  assert.deepEqual(out.data.targets.map((t) => [t.pathMtu, t.quotedMtu]), [[1460, 1460], [
    1460,
    null,
  ]]);
  assert.ok(
    exec.calls.includes("ping -n -c 1 -W 1000 -D -s 1432 192.0.2.1"),
    exec.calls.join("\n"),
  );
  assert.ok(exec.calls.includes("ping6 -n -c 1 -D -m -s 1412 2001:db8::1"), exec.calls.join("\n"));
});

Deno.test("path.mtu says why when ping is missing or the target never answers", async () => {
  const config = { mtu: { targets: [{ address: "192.0.2.1" }] } };
  const missing = await onHost(pathMtuProbe, { os: "linux" }).run(
    testContext({ config, exec: scriptedExec({}) }),
  );
  assert.equal(missing.status, "skipped");
  assert.equal(missing.reason?.en, "Command ping was not found");
  const quiet = scriptedExec({
    "ping -n -4 -c 1 -W 1 -M do -s 548 192.0.2.1": {
      ok: false,
      code: 1,
      failure: "exit-code",
      stdout:
        "PING 192.0.2.1 (192.0.2.1) 548(576) bytes of data.\n\n--- 192.0.2.1 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n",
    },
  });
  const out = await onHost(pathMtuProbe, { os: "linux" }).run(testContext({ config, exec: quiet }));
  assert.equal(out.data.targets[0].status, "error");
  assert.match(out.reason!.en, /No answer even at the smallest size \(576 bytes\)/);
  assert.equal(quiet.calls.length, 2, "the silent baseline is retried once");
});

Deno.test("path.mtu probes nothing when no target is configured", async () => {
  const exec = scriptedExec({});
  await assert.rejects(
    onHost(pathMtuProbe, { os: "linux" }).run(testContext({ exec })),
    (e: unknown) => e instanceof SkipProbe && e.reason.en === "No MTU targets configured",
  );
  assert.deepEqual(exec.calls, []);
});

import assert from "node:assert/strict";
import { fixtureText } from "../../tests/support/fixture_files.ts";
import { LAB, labTest } from "../../tests/support/netns_lab.ts";
import { lanGatewayPingProbe } from "./lan_gateway_ping.ts";
import { netGatewayProbe } from "./net_gateway.ts";
import { onHost, scriptedExec, testContext } from "../testing.ts";
import { type ProbeResult, SkipProbe } from "../types.ts";

/** Gateway pings are off unless a config turns them on (the brand default does). */
const enabled = { ping: { gateways: true } };

/** A `net.gateway` result as the runner would hand it over. */
function gatewayDep(routes: Record<string, unknown>[], status: ProbeResult["status"] = "ok") {
  const result: ProbeResult = {
    id: "net.gateway",
    title: { ja: "", en: "" },
    segment: "lan",
    status,
    startedAt: "2026-11-24T09:00:00.000Z",
    durationMs: 1,
    data: { routes, source: "test" },
    evidence: [],
    source: "builtin",
  };
  return { "net.gateway": result };
}

labTest(
  "lan.gateway.ping pings the v4 and v6 gateways net.gateway finds in a netns",
  async (lab) => {
    // The lead's net.gateway runs inside the client namespace too: its routes are the lab's.
    const gw = await netGatewayProbe.run(testContext({ exec: lab.clientExec }));
    assert.deepEqual(
      gw.data.routes.map((r) => r.gateway).sort(),
      [LAB.router4, LAB.router6].sort(),
    );
    const deps = {
      "net.gateway": { ...gatewayDep(gw.data.routes)["net.gateway"], status: gw.status },
    };
    const probe = onHost(lanGatewayPingProbe, { os: "linux" });
    const ctx = testContext({
      exec: lab.clientExec,
      deps,
      config: { ping: { count: 5, gateways: true } },
    });
    const t0 = performance.now();
    const out = await probe.run(ctx);
    console.log(`lan.gateway.ping in a netns: ${Math.round(performance.now() - t0)} ms`);
    assert.equal(out.status, "ok", JSON.stringify(out.data));
    // Small echoes and near-MTU ones with Don't Fragment, to each gateway at once.
    assert.deepEqual(
      out.data.targets.map((t) => [t.target, t.family, t.payloadBytes, t.received, t.lossPercent])
        .sort(),
      [
        [LAB.router4, 4, undefined, 5, 0],
        [LAB.router4, 4, 1472, 5, 0],
        [LAB.router6, 6, undefined, 5, 0],
        [LAB.router6, 6, 1452, 5, 0],
      ],
    );
    assert.ok(probe.schema.safeParse(out.data).success);
    assert.equal(ctx.checkpoints.length, 4);
  },
);

labTest("lan.gateway.ping fails when the gateway stops answering", async (lab) => {
  await lab.sh(lab.router, "iptables", "-A", "INPUT", "-p", "icmp", "-j", "DROP");
  const deps = gatewayDep([{ family: 4, gateway: LAB.router4, interface: null, metric: null }]);
  const config = { ping: { count: 3, waitMs: 300, gateways: true } };
  const out = await onHost(lanGatewayPingProbe, { os: "linux" }).run(
    testContext({ exec: lab.clientExec, deps, config }),
  );
  assert.equal(out.status, "fail");
  assert.deepEqual([out.data.targets[0].received, out.data.targets[0].lossPercent], [0, 100]);
  assert.equal(out.summary.en, "No gateways answered");
});

Deno.test("lan.gateway.ping adds the zone to a link-local gateway: name on macOS, index on Windows", async () => {
  const mac = scriptedExec({
    "ping6 -n -c 10 fe80::1%en0": fixtureText("darwin/en/ping/macos_ping6.txt"),
    "ping6 -n -c 10 -D -m -s 1452 fe80::1%en0": fixtureText("darwin/en/ping/macos_ping6.txt"),
  });
  const macOut = await onHost(lanGatewayPingProbe, { os: "darwin" }).run(testContext({
    exec: mac,
    config: enabled,
    deps: gatewayDep([{ family: 6, gateway: "fe80::1", interface: "en0", metric: null }]),
  }));
  assert.deepEqual(mac.calls, [
    "ping6 -n -c 10 fe80::1%en0",
    "ping6 -n -c 10 -D -m -s 1452 fe80::1%en0",
  ]);
  assert.equal(macOut.status, "ok");

  const win = scriptedExec({
    "ping -n 10 -w 1000 -6 fe80::1%12": fixtureText("windows/en/ping/ipv6_reply_no_ttl.txt"),
    "ping -n 10 -w 1000 -4 192.168.10.1": fixtureText("windows/ja/ping/ipv4_n1_reply.bin"),
    "ping -n 10 -w 1000 -4 -f -l 1472 192.168.10.1": fixtureText(
      "windows/ja/ping/ipv4_n1_reply.bin",
    ),
  });
  const winOut = await onHost(lanGatewayPingProbe, { os: "windows" }).run(testContext({
    exec: win,
    config: enabled,
    deps: gatewayDep([
      { family: 4, gateway: "192.168.10.1", interface: "192.168.10.20" },
      { family: 6, gateway: "fe80::1", interface: "Intel(R) Ethernet", ifIndex: 12 },
    ]),
  }));
  // Windows ping cannot forbid fragmentation over IPv6: near-MTU echoes go over IPv4 only.
  assert.deepEqual(win.calls.toSorted(), [
    "ping -n 10 -w 1000 -4 -f -l 1472 192.168.10.1",
    "ping -n 10 -w 1000 -4 192.168.10.1",
    "ping -n 10 -w 1000 -6 fe80::1%12",
  ]);
  assert.deepEqual(winOut.data.targets.map((t) => [t.target, t.payloadBytes, t.status]), [
    ["192.168.10.1", undefined, "ok"],
    ["192.168.10.1", 1472, "ok"],
    ["fe80::1%12", undefined, "warn"],
  ]);
});

Deno.test("lan.gateway.ping: a router answering 'unreachable' on Windows is a failure, not a reply", async () => {
  const exec = scriptedExec({
    "ping -n 10 -w 1000 -4 192.168.10.199": fixtureText(
      "windows/ja/ping/ipv4_dest_host_unreachable.bin",
    ),
  });
  const out = await onHost(lanGatewayPingProbe, { os: "windows" }).run(testContext({
    exec,
    config: enabled,
    deps: gatewayDep([{ family: 4, gateway: "192.168.10.199", interface: null }]),
  }));
  assert.equal(out.status, "fail");
  assert.match(out.data.targets[0].reason!.en, /192\.168\.10\.210 answered with an error/);
});

Deno.test("lan.gateway.ping skips, saying why, without a usable gateway", async () => {
  const probe = onHost(lanGatewayPingProbe, { os: "linux" });
  const cases = [
    [{}, /not known/],
    [gatewayDep([], "error"), /not known/],
    [gatewayDep([]), /no gateway address to ping/],
    // A PPP default route has a device, not an address (net.gateway puts the device there).
    [gatewayDep([{ family: 4, gateway: "ppp0", interface: "ppp0" }]), /no gateway address/],
  ] as const;
  for (const [deps, reason] of cases) {
    const ctx = testContext({ deps, exec: scriptedExec({}), config: enabled });
    await assert.rejects(probe.run(ctx), (e: unknown) => {
      assert.ok(e instanceof SkipProbe);
      assert.match(e.reason.en, reason);
      assert.ok(e.reason.ja.length > 0);
      return true;
    });
  }
});

Deno.test("lan.gateway.ping pings no gateway unless the config enables it", async () => {
  const exec = scriptedExec({});
  const deps = gatewayDep([{ family: 4, gateway: "192.0.2.1", interface: "eth0" }]);
  await assert.rejects(
    onHost(lanGatewayPingProbe, { os: "linux" }).run(testContext({ deps, exec })),
    (e: unknown) => e instanceof SkipProbe && /ping\.gateways/.test(e.reason.en),
  );
  assert.deepEqual(exec.calls, []);
});

labTest(
  "lan.gateway.ping shows a link that loses large frames only in its near-MTU echoes",
  async (lab) => {
    // The router drops half of the frames over 1000 bytes it receives from the client.
    await lab.sh(
      lab.router,
      "iptables",
      "-t",
      "raw",
      "-A",
      "PREROUTING",
      "-m",
      "length",
      "--length",
      "1000:65535",
      "-m",
      "statistic",
      "--mode",
      "random",
      "--probability",
      "0.5",
      "-j",
      "DROP",
    ); // deno-fmt-ignore
    const deps = gatewayDep([{ family: 4, gateway: LAB.router4, interface: null }]);
    const out = await onHost(lanGatewayPingProbe, { os: "linux" }).run(
      testContext({ exec: lab.clientExec, deps, config: { ping: { count: 20, gateways: true } } }),
    );
    const [small, large] = out.data.targets;
    assert.deepEqual([small.payloadBytes, small.received], [undefined, 20]);
    assert.equal(large.payloadBytes, 1472);
    assert.ok(large.received < 18, `large frames: ${large.received}/20 answered`);
    assert.equal(large.samples.length, 20);
  },
);

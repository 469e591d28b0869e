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
    assert.deepEqual(
      out.data.targets.map((t) => [t.target, t.family, t.received, t.lossPercent]).sort(),
      [
        [LAB.router4, 4, 5, 0],
        [LAB.router6, 6, 5, 0],
      ],
    );
    assert.ok(probe.schema.safeParse(out.data).success);
    assert.equal(ctx.checkpoints.length, 2);
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
  });
  const macOut = await onHost(lanGatewayPingProbe, { os: "darwin" }).run(testContext({
    exec: mac,
    config: enabled,
    deps: gatewayDep([{ family: 6, gateway: "fe80::1", interface: "en0", metric: null }]),
  }));
  assert.deepEqual(mac.calls, ["ping6 -n -c 10 fe80::1%en0"]);
  assert.equal(macOut.status, "ok");

  const win = scriptedExec({
    "ping -n 10 -w 1000 -6 fe80::1%12": fixtureText("windows/en/ping/ipv6_reply_no_ttl.txt"),
    "ping -n 10 -w 1000 -4 192.168.10.1": fixtureText("windows/ja/ping/ipv4_n1_reply.bin"),
  });
  const winOut = await onHost(lanGatewayPingProbe, { os: "windows" }).run(testContext({
    exec: win,
    config: enabled,
    deps: gatewayDep([
      { family: 4, gateway: "192.168.10.1", interface: "192.168.10.20" },
      { family: 6, gateway: "fe80::1", interface: "Intel(R) Ethernet", ifIndex: 12 },
    ]),
  }));
  assert.deepEqual(win.calls.toSorted(), [
    "ping -n 10 -w 1000 -4 192.168.10.1",
    "ping -n 10 -w 1000 -6 fe80::1%12",
  ]);
  assert.deepEqual(winOut.data.targets.map((t) => [t.target, t.status]), [
    ["192.168.10.1", "ok"],
    ["fe80::1%12", "warn"],
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

import assert from "node:assert/strict";
import { fixtureText } from "../../tests/support/fixture_files.ts";
import { LAB, labTest } from "../../tests/support/netns_lab.ts";
import { ispPingProbe } from "./isp_ping.ts";
import { onHost, scriptedExec, testContext } from "../testing.ts";
import { SkipProbe } from "../types.ts";

const expired = (from: string) =>
  [
    "PING 198.51.100.1 (198.51.100.1) 56(84) bytes of data.",
    `From ${from} icmp_seq=1 Time to live exceeded`,
    "",
    "--- 198.51.100.1 ping statistics ---",
    "1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms",
  ].join("\n");

Deno.test("isp.ping finds the provider's first hop by TTL and pings it beside its hosts", async () => {
  const exec = scriptedExec({
    "ping -n -4 -c 1 -W 0.5 -t 2 198.51.100.1": expired("100.64.0.1"),
    // A public router at TTL 3 is already beyond the provider (or cannot be told from it).
    "ping -n -4 -c 1 -W 0.5 -t 3 198.51.100.1": expired("203.0.113.9"),
    "ping -n -4 -c 10 -i 0.2 -W 1 100.64.0.1": fixtureText("linux/en/ping/iputils_v4_loss.txt"),
    "ping -n -4 -c 10 -i 0.2 -W 1 192.0.2.80": fixtureText("linux/en/ping/iputils_v4_ok.txt"),
  });
  const config = {
    ping: {
      anchors: [{ address: "198.51.100.1" }],
      provider: [{ name: "portal", address: "192.0.2.80" }],
      providerHops: 2,
    },
  };
  const out = await onHost(ispPingProbe, { os: "linux" }).run(testContext({ config, exec }));
  assert.deepEqual(out.data.targets.map((t) => [t.target, t.role, t.ttl, t.received]), [
    ["100.64.0.1", "hop", 2, 7],
    ["192.0.2.80", "on-net", undefined, 5],
  ]);
  assert.equal(out.data.targets[0].samples.length, 10);
  assert.ok(ispPingProbe.schema.safeParse(out.data).success);
  assert.equal(out.status, "warn");
});

Deno.test("isp.ping skips, saying why, when there is nothing at the provider to ping", async () => {
  const probe = onHost(ispPingProbe, { os: "linux" });
  await assert.rejects(
    () => probe.run(testContext({ config: { ping: { anchors: [{ address: "192.0.2.1" }] } } })),
    (e: unknown) => e instanceof SkipProbe && /ping\.provider/.test(e.reason.en),
  );
});

labTest(
  "isp.ping pings an on-net host, and finds no hop when the anchor is 2 hops away",
  async (lab) => {
    const config = {
      ping: {
        anchors: [{ address: LAB.server4 }],
        provider: [{ address: LAB.routerFar4 }],
        providerHops: 2,
        count: 4,
      },
    };
    const out = await onHost(ispPingProbe, { os: "linux" }).run(
      testContext({ config, exec: lab.clientExec }),
    );
    assert.deepEqual(out.data.targets.map((t) => [t.target, t.role, t.received]), [
      [LAB.routerFar4, "on-net", 4],
    ]);
    assert.equal(out.status, "ok");
  },
);

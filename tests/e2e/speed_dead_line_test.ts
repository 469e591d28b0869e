/**
 * A line at 0 bit/s: a namespace whose server drops every packet from the client. The
 * throughput probe must end within its limits and say the server did not answer.
 */
import assert from "node:assert/strict";
import { ispThroughputProbe } from "../../probes/builtin/isp_throughput.ts";
import { testContext } from "../../probes/testing.ts";
import { netnsTest, removeNamespaces, sh, uniquePrefix } from "../support/netns.ts";

netnsTest("isp.throughput on a line that passes nothing ends with a timeout, in time", async () => {
  const p = uniquePrefix();
  const ns = `${p}d`;
  try {
    await sh("ip", "netns", "add", ns);
    await sh("ip", "link", "add", `${p}a`, "type", "veth", "peer", "name", `${p}b`, "netns", ns);
    await sh("ip", "addr", "add", "10.202.0.1/30", "dev", `${p}a`);
    await sh("ip", "link", "set", `${p}a`, "up");
    await sh("ip", "netns", "exec", ns, "ip", "addr", "add", "10.202.0.2/30", "dev", `${p}b`);
    await sh("ip", "netns", "exec", ns, "ip", "link", "set", `${p}b`, "up");
    // Everything arriving in the namespace is dropped: SYNs get no answer, as on a dead line.
    await sh("ip", "netns", "exec", ns, "iptables", "-P", "INPUT", "DROP");
    const ctx = testContext({
      config: { throughput: { servers: [{ url: "http://10.202.0.2:8080/", kind: "on-net" }] } },
    });
    const t0 = performance.now();
    const r = await ispThroughputProbe.run(ctx);
    const ms = performance.now() - t0;
    assert.equal(r.status, "fail");
    assert.equal(r.data.servers[0].outcome, "timeout");
    assert.match(r.summary.en, /not measured \(timeout/);
    assert.ok(ms < 5000, `took ${Math.round(ms)} ms`);
  } finally {
    await sh("ip", "link", "del", `${p}a`).catch(() => {});
    await removeNamespaces([ns]);
  }
});

/**
 * The kit is needed most when the line is down. A home with a router but no way beyond it
 * (a network namespace whose router drops everything): the report must say DNS and the
 * internet are unreachable, never ok. All traffic stays inside the namespaces made here.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { BRAND } from "../../brand/brand.ts";
import { readVerifiedReport } from "../../report/verify.ts";
import { runKit } from "../support/kit.ts";
import { netnsTest, removeNamespaces, sh, uniquePrefix } from "../support/netns.ts";

netnsTest(
  "run: offline behind a router, the default config reports DNS and internet unreachable",
  async () => {
    const p = uniquePrefix();
    const client = `${p}-client`;
    const router = `${p}-router`;
    const dir = await Deno.makeTempDir({ prefix: "kiriwake-offline-" });
    try {
      await sh("ip", "netns", "add", client);
      await sh("ip", "netns", "add", router);
      await sh(
        "ip",
        "link",
        "add",
        `${p}c`,
        "netns",
        client,
        "type",
        "veth",
        "peer",
        "name",
        `${p}r`,
        "netns",
        router,
      );
      await sh("ip", "-n", client, "addr", "add", "10.201.0.2/24", "dev", `${p}c`);
      await sh("ip", "-n", router, "addr", "add", "10.201.0.1/24", "dev", `${p}r`);
      for (const [ns, dev] of [[client, `${p}c`], [router, `${p}r`]]) {
        await sh("ip", "-n", ns, "link", "set", dev, "up");
        await sh("ip", "-n", ns, "link", "set", "lo", "up");
      }
      await sh("ip", "-n", client, "route", "add", "default", "via", "10.201.0.1");
      // The router forwards but has nowhere to send: it answers "network unreachable".
      await sh("ip", "netns", "exec", router, "sysctl", "-qw", "net.ipv4.ip_forward=1");
      await Deno.mkdir(`/etc/netns/${client}`, { recursive: true });
      await Deno.writeTextFile(`/etc/netns/${client}/resolv.conf`, "nameserver 10.201.0.1\n");

      const out = join(dir, "out");
      const r = await runKit(
        ["run", "--accept-terms", BRAND.terms.version, "--consent", "all", "--out", out, "--json"],
        { env: { KIRIWAKE_CONFIG_DIR: join(dir, "cfg") }, prefix: ["ip", "netns", "exec", client] },
      );
      assert.equal(r.code, 1, r.stderr);
      const report = await readVerifiedReport(join(out, "report.json"));
      assert.equal(report.diagnosis.segments.dns.verdict, "fail");
      assert.equal(report.diagnosis.segments.internet.verdict, "fail");
      assert.equal(report.diagnosis.segments.lan.verdict, "ok");
      assert.notEqual(report.diagnosis.headline.segment, null);
      assert.equal(report.partial, false);
      if (Deno.env.get("KIRIWAKE_SHOW")) {
        console.log(
          await Deno.readTextFile(join(out, "report.txt")),
        );
      }
    } finally {
      await removeNamespaces([client, router]);
      await Deno.remove(dir, { recursive: true });
    }
  },
);

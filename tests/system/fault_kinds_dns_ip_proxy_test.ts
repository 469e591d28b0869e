import assert from "node:assert/strict";
import { DNS_IP_PROXY_KINDS } from "./fault_kinds_dns_ip_proxy.ts";
import { faultSchema } from "./scenario_schema.ts";
import { runConfigSchema } from "../../probes/config.ts";
import { deepMerge, topologyConfig } from "./kit_config.ts";

Deno.test("every mode of every kind injects valid faults and a valid run config", () => {
  for (const kind of DNS_IP_PROXY_KINDS) {
    assert.equal(kind.modes!.length, kind.severity.max + 1, kind.id);
    for (const location of kind.locations) {
      for (let m = 0; m < kind.modes!.length; m++) {
        const inj = kind.make(location, m, Math.random);
        assert.ok(inj.faults.length > 0, `${kind.id} ${location} ${m}`);
        for (const f of inj.faults) faultSchema.parse(f);
        const config = deepMerge(topologyConfig("/ca.pem"), inj.config ?? {});
        assert.ok(runConfigSchema.safeParse(config).success, `${kind.id} ${location} ${m}`);
        // Every mode is meant to be detected.
        assert.deepEqual(kind.threshold(location), { value: 0, worse: "higher" });
      }
    }
  }
});

Deno.test("family-broken drops the family it names, where it says", () => {
  const kind = DNS_IP_PROXY_KINDS.find((k) => k.id === "family-broken")!;
  const v6beyond = kind.make("internet", 1, Math.random);
  assert.deepEqual(v6beyond.faults.map((f) => f.kind === "iptables" && [f.family, f.rule]), [
    ["6", "-A FORWARD -o up0 -j DROP"],
  ]);
  const v4isp = kind.make("isp", 0, Math.random);
  assert.ok(v4isp.faults.some((f) => f.kind === "resolv" && f.text.includes("fd00:64:1::53")));
});

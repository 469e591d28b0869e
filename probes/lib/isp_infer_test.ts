import assert from "node:assert/strict";
import { inferAccess, type InferInput } from "./isp_infer.ts";

const lan = (
  extra: InferInput["interfaces"][number]["addresses"] = [],
): InferInput["interfaces"] => [
  {
    name: "eth0",
    up: true,
    mtu: 1500,
    addresses: [{ family: 4, address: "192.168.1.10", scope: "private" }, ...extra],
  },
];
const v6 = { family: 6 as const, address: "2001:db8::10", scope: "global" as const };
const gw = [{ family: 4 as const, gateway: "192.168.1.1" }];

Deno.test("inferAccess() reads MTU 1454 without IPv6 as PPPoE on NTT NGN", () => {
  const c = inferAccess({ interfaces: lan(), gateways: gw, pathMtuV4: 1454, pathMtuV6: null });
  assert.equal(c[0].type, "pppoe");
  assert.equal(c[0].confidence, 0.8);
  assert.match(c[0].evidence[0].en, /1454 is PPPoE on NTT NGN/);
  assert.ok(c.some((x) => x.type === "ipv4-only"));
});

Deno.test("inferAccess() reads MTU 1460 with a global IPv6 address as IPv4 over IPv6 (DS-Lite/MAP-E)", () => {
  const c = inferAccess({ interfaces: lan([v6]), gateways: gw, pathMtuV4: 1460, pathMtuV6: 1500 });
  assert.equal(c[0].type, "ipv4-over-ipv6");
  assert.ok(!c.some((x) => x.type === "dual-stack"));
});

Deno.test("inferAccess() reads full MTU with IPv6 as native dual stack", () => {
  const c = inferAccess({ interfaces: lan([v6]), gateways: gw, pathMtuV4: 1500, pathMtuV6: 1500 });
  assert.deepEqual(c.map((x) => x.type), ["dual-stack"]);
  assert.equal(c[0].confidence, 0.7);
});

Deno.test("inferAccess() sees CGNAT addresses and stays unsure without MTU data", () => {
  const ifs: InferInput["interfaces"] = [{
    name: "wwan0",
    addresses: [{ family: 4, address: "100.72.3.4", scope: "cgnat" }],
  }];
  const c = inferAccess({
    interfaces: ifs,
    gateways: [{ family: 4, gateway: "100.72.0.1" }],
    pathMtuV4: null,
    pathMtuV6: null,
  });
  assert.equal(c[0].type, "cgnat");
  assert.match(c[0].evidence[0].en, /100\.72\.3\.4, 100\.72\.0\.1/);
  assert.ok(c.every((x) => x.confidence < 1));
});

Deno.test("inferAccess() with nothing to go on returns no candidate", () => {
  assert.deepEqual(
    inferAccess({ interfaces: [], gateways: [], pathMtuV4: null, pathMtuV6: null }),
    [],
  );
});

Deno.test("isp.access reads its dependencies and says what was missing", async () => {
  const { ispAccessProbe } = await import("../builtin/isp_access.ts");
  const { testContext } = await import("../testing.ts");
  const dep = (id: string, data: Record<string, unknown>) => ({
    id,
    title: { ja: "", en: "" },
    segment: "lan" as const,
    status: "ok" as const,
    startedAt: "2026-11-24T09:00:00.000Z",
    durationMs: 1,
    data,
    evidence: [],
    source: "builtin",
  });
  const r = await ispAccessProbe.run(testContext({
    deps: {
      "net.interfaces": dep("net.interfaces", { interfaces: lan([v6]) }),
      "net.gateway": dep("net.gateway", { routes: gw }),
      "path.mtu": dep("path.mtu", { v4: { pathMtu: 1460 }, v6: { pathMtu: 1500 } }),
    },
  }));
  assert.equal(r.data.candidates[0].type, "ipv4-over-ipv6");
  assert.match(r.summary.en, /\(confidence high\); an inference, not a certainty/);
  assert.deepEqual(r.data.missing, []);
  const bare = await ispAccessProbe.run(
    testContext({ deps: { "net.interfaces": dep("net.interfaces", { interfaces: lan() }) } }),
  );
  assert.deepEqual(bare.data.missing, ["net.gateway", "path.mtu"]);
  assert.equal(bare.data.candidates[0].type, "ipv4-only");
});

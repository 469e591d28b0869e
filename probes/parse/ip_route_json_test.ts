import assert from "node:assert/strict";
import { parseIpRouteJson, parseProcNetRoute } from "./ip_route_json.ts";

Deno.test("parseIpRouteJson() reads v4 and v6 default routes", () => {
  const v4 =
    '[{"dst":"default","gateway":"192.168.1.1","dev":"wlp2s0","protocol":"dhcp","metric":600,"flags":[]}]';
  assert.deepEqual(parseIpRouteJson(v4, 4), [
    { family: 4, gateway: "192.168.1.1", interface: "wlp2s0", metric: 600 },
  ]);
  const v6 =
    '[{"dst":"default","gateway":"fe80::1","dev":"wlp2s0","protocol":"ra","metric":600,"pref":"medium","flags":[]}]';
  assert.deepEqual(parseIpRouteJson(v6, 6)[0].gateway, "fe80::1");
});

Deno.test("parseIpRouteJson() keeps point-to-point defaults and ignores other routes", () => {
  const t =
    '[{"dst":"default","dev":"ppp0","scope":"link","flags":[]},{"dst":"10.0.0.0/8","dev":"eth0","flags":[]}]';
  assert.deepEqual(parseIpRouteJson(t, 4), [{
    family: 4,
    gateway: "ppp0",
    interface: "ppp0",
    metric: null,
  }]);
  assert.deepEqual(parseIpRouteJson("", 6), []);
  assert.throws(() => parseIpRouteJson("not json", 4), SyntaxError);
});

Deno.test("parseProcNetRoute() decodes little-endian gateway addresses", () => {
  const t = [
    "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
    "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0",
    "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0",
  ].join("\n");
  assert.deepEqual(parseProcNetRoute(t), [{
    family: 4,
    gateway: "192.0.2.1",
    interface: "eth0",
    metric: 0,
  }]);
});

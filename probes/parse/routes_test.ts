import assert from "node:assert/strict";
import { ParseError } from "./parse_error.ts";
import { parseRoutes } from "./routes.ts";

Deno.test("parseRoutes() ignores persistent routes in route print", () => {
  const text = [
    "IPv4 Route Table",
    "=====================",
    "Active Routes:",
    "Network Destination        Netmask          Gateway       Interface  Metric",
    "          0.0.0.0          0.0.0.0      192.0.2.1      192.0.2.10     25",
    "=====================",
    "Persistent Routes:",
    "  Network Address          Netmask  Gateway Address  Metric",
    "          0.0.0.0          0.0.0.0      192.0.2.254  Default",
  ].join("\r\n");
  assert.deepEqual(parseRoutes(text).routes, [
    { family: 4, gateway: "192.0.2.1", interface: "192.0.2.10", metric: 25 },
  ]);
});

Deno.test("parseRoutes() reads ip route multipath defaults and device-only defaults", () => {
  const r = parseRoutes([
    "default proto ra metric 1024 pref medium",
    "\tnexthop via fe80::1 dev eth0 weight 1",
    "\tnexthop via fe80::2 dev wlan0 weight 1",
    "default dev ppp0 scope link",
  ].join("\n"));
  assert.deepEqual(r.routes.map((x) => [x.gateway, x.interface, x.metric]), [
    ["fe80::1", "eth0", 1024],
    ["fe80::2", "wlan0", 1024],
  ]);
  assert.deepEqual(r.onLink, [{ family: null, interface: "ppp0" }]);
});

Deno.test("parseRoutes() marks macOS interface-scoped defaults", () => {
  const r = parseRoutes([
    "Internet6:",
    "Destination        Gateway            Flags         Netif Expire",
    "default            fe80::%utun0       UGcIg         utun0",
  ].join("\n"));
  assert.deepEqual(r.routes, [
    { family: 6, gateway: "fe80::%utun0", interface: "utun0", scoped: true },
  ]);
});

Deno.test("parseRoutes() refuses text that is no routing table", () => {
  assert.throws(() => parseRoutes("hello"), ParseError);
  assert.throws(() => parseRoutes("[not json"), ParseError);
});

Deno.test("parseRoutes() reads an IPv6 next hop of an IPv4 default (ip -j via inet6)", () => {
  const r = parseRoutes(
    '[{"dst":"default","via":{"family":"inet6","host":"fe80::1"},"dev":"eth0"}]',
  );
  assert.deepEqual(r.routes, [{ family: 6, gateway: "fe80::1", interface: "eth0" }]);
});

import assert from "node:assert/strict";
import { ParseError } from "./parse_error.ts";
import { parseRoutes } from "./routes.ts";
import { fixtureText } from "../../tests/support/fixture_files.ts";

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

Deno.test("parseRoutes() reads a default gateway printed as a name, and marks one cut short", () => {
  const named = parseRoutes(fixtureText("linux/en/route/route_names_underscore_gateway.txt"));
  assert.deepEqual(named.routes, [
    { family: 4, gateway: "_gateway", byName: true, interface: "kwpf662cr", metric: 0 },
  ]);
  assert.deepEqual(named.onLink, []);
  // netstat -r has no metric column: MSS is not a metric.
  const netstat = parseRoutes(fixtureText("linux/en/netstat/centos_netstat_r_names.txt"));
  assert.deepEqual(netstat.routes, [
    { family: 4, gateway: "gateway", byName: true, interface: "ens33" },
  ]);
  const cut = parseRoutes(fixtureText("linux/en/route/route_names_truncated.txt"));
  assert.equal(cut.routes[0].gateway, "router.lab.exam");
  assert.equal(cut.routes[0].truncated, true);
  const mac = parseRoutes(fixtureText("darwin/en/netstat/macos_names_truncated.txt"));
  assert.deepEqual(mac.routes.slice(0, 2).map((r) => [r.gateway, r.byName, r.truncated]), [
    ["dsldevice.attlocal", true, true],
    ["fe80::feae:34ff:fe", undefined, true],
  ]);
});

Deno.test("parseRoutes() leaves out the IPv6 reject route ::/0 on lo", () => {
  const r = parseRoutes(fixtureText("linux/en/route/route6_numeric_reject_default.txt"));
  assert.deepEqual(r.routes.map((x) => x.gateway), ["fd77::1"]);
  assert.deepEqual(r.onLink, []);
});

Deno.test("parseRoutes() refuses ip -j JSON that is not a list of routes", () => {
  for (const text of ["[null]", "[1, 2]", '[{"gateway": "192.0.2.1"}]', "[[[]]]"]) {
    assert.throws(() => parseRoutes(text), ParseError, text);
  }
  assert.deepEqual(parseRoutes("[]").routes, []);
});

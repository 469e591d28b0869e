import assert from "node:assert/strict";
import { pathMtu } from "./mtu.ts";
import { hopPlaces } from "./path_place.ts";

Deno.test("hopPlaces() reads the home, the provider's private hops, then the internet", () => {
  const places = hopPlaces([
    { ttl: 1, addresses: ["192.168.1.1"] },
    { ttl: 2, addresses: ["100.64.12.1"] },
    { ttl: 3, addresses: [] },
    { ttl: 4, addresses: ["10.0.3.1"] },
    { ttl: 5, addresses: ["203.0.113.9"] },
    { ttl: 6, addresses: ["10.9.9.9"] },
  ], ["192.168.1.1"]);
  assert.deepEqual([...places], [
    [1, "lan"],
    [2, "isp"],
    [3, "isp"],
    [4, "isp"],
    [5, "internet"],
    [6, "internet"],
  ]);
});

Deno.test("hopPlaces() counts every hop up to the gateway as the home (a Wi-Fi extender first)", () => {
  const places = hopPlaces([
    { ttl: 1, addresses: ["192.168.0.2"] },
    { ttl: 2, addresses: ["192.168.0.1"] },
    { ttl: 3, addresses: ["10.64.0.1"] },
    { ttl: 4, addresses: ["198.51.100.1"] },
  ], ["192.168.0.1"]);
  assert.deepEqual([...places.values()], ["lan", "lan", "isp", "internet"]);
});

Deno.test("pathMtu() finds the smallest path MTU in path.mtu's data", () => {
  assert.equal(pathMtu({ targets: [{ pathMtu: 1500 }, { pathMtu: 1454 }], pathMtuV4: 1454 }), 1454);
  assert.equal(pathMtu({ targets: [{ pathMtu: null }] }), null);
  assert.equal(pathMtu(null), null);
});

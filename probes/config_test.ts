import assert from "node:assert/strict";
import { runConfigSchema } from "./config.ts";
import { MAX_DURATION_MS } from "../util/timeouts.ts";

const refused = (c: unknown) => !runConfigSchema.safeParse(c).success;

Deno.test("runConfigSchema refuses hosts and addresses that are not one, wherever they reach a command or socket", () => {
  const places = [
    (v: string) => ({ ping: { anchors: [{ address: v }] } }),
    (v: string) => ({ trace: { targets: [{ address: v }] } }),
    (v: string) => ({ mtu: { targets: [{ address: v }] } }),
    (v: string) => ({ tcp: { targets: [{ host: v, port: 1 }] } }),
    (v: string) => ({ tls: { targets: [{ host: v }] } }),
    (v: string) => ({ dns: { resolvers: [{ name: "r", address: v }] } }),
    (v: string) => ({ dnsCompare: { publicResolvers: [{ name: "r", address: v }] } }),
    (v: string) => ({ dns: { names: [v] } }),
  ];
  for (const place of places) {
    for (const bad of ["-rf", "--help", "a b", "x\ny", ""]) {
      assert.ok(refused(place(bad)), `${JSON.stringify(place(bad))}`);
    }
  }
  assert.ok(
    !refused({
      ping: { anchors: [{ address: "one.one.one.one" }, { address: "2606:4700::1111" }] },
    }),
  );
  assert.ok(
    refused({ dns: { resolvers: [{ name: "r", address: "dns.example" }] } }),
    "a resolver is an address",
  );
  assert.ok(refused({ dualStack: { targets: [{ url: "http://x/", v4: "2001:db8::1" }] } }));
});

Deno.test("runConfigSchema keeps every duration within 1 ms..1 h", () => {
  for (const v of [2 ** 31, MAX_DURATION_MS + 1, 0, 1e308]) {
    assert.ok(refused({ timeouts: { "dns.resolve": v } }), String(v));
    assert.ok(refused({ dns: { timeoutMs: v } }), String(v));
    assert.ok(refused({ http: { slowMs: v } }), String(v));
    assert.ok(refused({ clock: { timeoutMs: v } }), String(v));
  }
  assert.ok(!refused({ timeouts: { "dns.resolve": MAX_DURATION_MS } }));
});

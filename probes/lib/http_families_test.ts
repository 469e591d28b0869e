import assert from "node:assert/strict";
import { timeHttpFamilies } from "./http_families.ts";
import { startDns } from "../../tests/system/servers/dns.ts";

/** A name with both families (127.0.0.1 and ::1, from a resolver on loopback), served on IPv4 only. */
async function withDualName(
  fn: (
    url: URL,
    resolver: { name: string; address: string; port: number; kind: "public" },
  ) => Promise<void>,
) {
  const dns = await startDns(["127.0.0.1"], {
    "dual.test": { a: ["127.0.0.1"], aaaa: ["::1"] },
  }, 0);
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => new Response(null, { status: 204 }),
  );
  try {
    const url = new URL(`http://dual.test:${server.addr.port}/generate_204`);
    await fn(url, { name: "lab", address: "127.0.0.1", port: dns.port, kind: "public" });
  } finally {
    await server.shutdown();
    await dns.close();
  }
}

Deno.test("timeHttpFamilies() asks both families and costs the one that fails", async () => {
  // Only IPv4 listens: IPv6 (preferred, from the AAAA) is refused at once.
  await withDualName(async (url, resolver) => {
    const r = await timeHttpFamilies(url, { timeoutMs: 1000, resolver, os: "windows" });
    assert.equal(r.preferred, 6);
    assert.deepEqual(r.families.map((f) => [f.family, f.ok]), [[6, false], [4, true]]);
    assert.equal(r.browser.ok, true);
    assert.equal(r.browser.status, 204);
    assert.equal(r.browser.address, "127.0.0.1");
    assert.equal(r.fallback?.preferredError, "refused");
    assert.equal(r.fallback?.sequentialIsOsTimeout, false);
    assert.ok(r.fallback!.happyEyeballsDelayMs! < 250);
  });
});

Deno.test("timeHttpFamilies() takes one request for an address literal", async () => {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => new Response("ok"),
  );
  try {
    const r = await timeHttpFamilies(new URL(`http://127.0.0.1:${server.addr.port}/`), {
      timeoutMs: 1000,
      os: "linux",
    });
    assert.equal(r.preferred, 4);
    assert.equal(r.families.length, 1);
    assert.equal(r.fallback, null);
    assert.equal(r.browser.status, 200);
  } finally {
    await server.shutdown();
  }
});

import assert from "node:assert/strict";
import { ipv6CompareProbe } from "./ipv6_compare.ts";
import { testContext } from "../testing.ts";

/** One HTTP server on both loopbacks; `delay6Ms` holds back answers that came over IPv6. */
async function withDualServer(delay6Ms: number, fn: (port: number) => Promise<void>) {
  const server = Deno.serve({ hostname: "::", port: 0, onListen() {} }, async (_req, info) => {
    const v6 = (info.remoteAddr as Deno.NetAddr).hostname.includes(":") &&
      !(info.remoteAddr as Deno.NetAddr).hostname.startsWith("::ffff:");
    if (v6 && delay6Ms) await new Promise((r) => setTimeout(r, delay6Ms));
    return new Response("ok");
  });
  try {
    await fn(server.addr.port);
  } finally {
    await server.shutdown();
  }
}

const ctxFor = (port: number, v6: string) =>
  testContext({
    config: {
      dualStack: {
        targets: [{ url: `http://dual.test:${port}/`, v4: "127.0.0.1", v6 }],
        timeoutMs: 2000,
      },
    },
  });

Deno.test("ipv6.compare finds both families working over loopback", async () => {
  await withDualServer(0, async (port) => {
    const r = await ipv6CompareProbe.run(ctxFor(port, "::1"));
    assert.equal(r.status, "ok", JSON.stringify(r.data));
    const t = r.data.targets[0];
    assert.equal(t.v4.status, 200);
    assert.equal(t.v6.status, 200);
    assert.ok(t.v4.connectMs !== null && t.v6.connectMs !== null);
  });
});

Deno.test("ipv6.compare warns when IPv6 is much slower", async () => {
  await withDualServer(300, async (port) => {
    const r = await ipv6CompareProbe.run(ctxFor(port, "::1"));
    assert.equal(r.status, "warn");
    assert.match(r.summary.en, /IPv6 is much slower/);
  });
});

Deno.test("ipv6.compare warns when IPv6 fails and IPv4 works", async () => {
  // a server on 127.0.0.1 only: the same port on ::1 refuses
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => new Response("ok"),
  );
  try {
    const r = await ipv6CompareProbe.run(ctxFor(server.addr.port, "::1"));
    assert.equal(r.status, "warn");
    assert.match(r.summary.en, /IPv6 fails while IPv4 works/);
    assert.equal(r.data.targets[0].v6.ok, false);
  } finally {
    await server.shutdown();
  }
});

Deno.test("ipv6.compare keeps each attempt to its own family, whatever the name resolves to", async () => {
  // The server listens on IPv4 only, so the attempt pinned to ::1 must fail.
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => new Response("ok"),
  );
  try {
    const r = await ipv6CompareProbe.run(testContext({
      config: {
        dualStack: {
          targets: [{
            url: `http://localhost:${server.addr.port}/`,
            v4: "127.0.0.1",
            v6: "::1",
          }],
          timeoutMs: 2000,
        },
      },
    }));
    const t = r.data.targets[0];
    assert.deepEqual([t.v4.ok, t.v6.ok], [true, false]);
    assert.equal(t.v6.address, "::1");
  } finally {
    await server.shutdown();
  }
});

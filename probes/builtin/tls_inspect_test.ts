import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import tls from "node:tls";
import { testContext } from "../testing.ts";
import { tlsInspectProbe } from "./tls_inspect.ts";

const dir = new URL("../../tests/fixtures/tls/", import.meta.url);
const read = (f: string) => Deno.readTextFileSync(new URL(f, dir));

/** Serves TLS on 127.0.0.1:0 with `who`'s leaf and CA (the chain a real server sends). */
async function withTls(who: "good" | "proxy", fn: (port: number) => Promise<void>) {
  const server = tls.createServer({
    cert: read(`${who}_leaf.pem`) + read(`${who}_ca.pem`),
    key: read(`${who}_leaf.key`),
  }, (s) => s.end());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  try {
    await fn((server.address() as { port: number }).port);
  } finally {
    await new Promise((r) => server.close(r));
  }
}

const target = (port: number, extra: Record<string, unknown> = {}) =>
  testContext({
    config: {
      tls: {
        targets: [{ host: "127.0.0.1", port, servername: "localhost", ...extra }],
        timeoutMs: 3000,
      },
    },
  });

Deno.test("tls.inspect accepts the expected issuer and records the chain", async () => {
  await withTls("good", async (port) => {
    const r = await tlsInspectProbe.run(target(port, { expectIssuer: ["Kiriwake Test Root CA"] }));
    assert.equal(r.status, "ok");
    const t = r.data.targets[0];
    assert.equal(t.verdict, "expected");
    assert.equal(t.chain.length, 2);
    assert.match(t.chain[0].subject, /CN=localhost/);
    assert.match(t.chain[1].subject, /Kiriwake Test Root CA/);
  });
});

Deno.test("tls.inspect flags a chain re-signed by an intercepting proxy's CA", async () => {
  await withTls("proxy", async (port) => {
    const r = await tlsInspectProbe.run(target(port, { expectIssuer: ["Kiriwake Test Root CA"] }));
    assert.equal(r.status, "fail");
    assert.equal(r.data.targets[0].verdict, "unexpected-issuer");
    assert.match(r.summary.en, /Intercepting Proxy CA/);
  });
});

Deno.test("tls.inspect matches expected fingerprints, colons or not", async () => {
  const fp = new X509Certificate(read("good_ca.pem")).fingerprint256.replace(/:/g, "");
  await withTls("good", async (port) => {
    const r = await tlsInspectProbe.run(target(port, { expectFingerprints: [fp] }));
    assert.equal(r.data.targets[0].verdict, "expected");
  });
});

Deno.test("tls.inspect without expectations warns about a chain the system does not trust", async () => {
  await withTls("good", async (port) => {
    const r = await tlsInspectProbe.run(target(port));
    assert.equal(r.status, "warn");
    assert.equal(r.data.targets[0].verdict, "untrusted");
    assert.ok(r.data.targets[0].trustError);
  });
});

Deno.test("tls.inspect reports a refused connection as an error result", async () => {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  const r = await tlsInspectProbe.run(target(port));
  assert.equal(r.status, "warn");
  assert.equal(r.data.targets[0].verdict, "error");
});

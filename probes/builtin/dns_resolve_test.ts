import assert from "node:assert/strict";
import { dnsResolveProbe } from "./dns_resolve.ts";
import { startDns } from "../../tests/system/servers/dns.ts";
import { testContext } from "../testing.ts";

const ZONE = { "www.example.test": { a: ["198.18.0.20"], aaaa: ["fd00:18::20"] } };

Deno.test("dns.resolve keeps each answer's response code and flags, per resolver and type", async () => {
  const provider = await startDns(["127.0.0.1"], ZONE, 0);
  const pub = await startDns(["127.0.0.1"], ZONE, 0);
  provider.setMode({ mode: "servfail", types: ["AAAA"] });
  try {
    const r = await dnsResolveProbe.run(testContext({
      config: {
        dns: {
          names: ["www.example.test"],
          // The OS resolver would ask this machine's real DNS: not in a test.
          useSystemResolver: false,
          resolvers: [
            { name: "provider", address: "127.0.0.1", port: provider.port, kind: "provider" },
            { name: "public", address: "127.0.0.1", port: pub.port, kind: "public" },
          ],
          timeoutMs: 800,
        },
      },
    }));
    const grid = r.data.lookups.map((l) =>
      `${l.resolver}/${l.kind} ${l.type} ${l.rcode} ${l.ok} ${l.answers.join(",")} ${l.transport}`
    );
    assert.deepEqual(grid, [
      "provider/provider A NOERROR true 198.18.0.20 udp",
      "provider/provider AAAA SERVFAIL false  udp",
      "public/public A NOERROR true 198.18.0.20 udp",
      "public/public AAAA NOERROR true fd00:18::20 udp",
    ]);
    assert.equal(r.data.lookups[1].error, "servfail");
    assert.equal(r.data.lookups[0].flags?.ra, true);
    assert.equal(r.status, "warn");
    assert.match(
      r.evidence![0].text,
      /www\.example\.test AAAA @127\.0\.0\.1#\d+: SERVFAIL servfail \[rd ra\]/,
    );
  } finally {
    await provider.close();
    await pub.close();
  }
});

import assert from "node:assert/strict";
import { createSocket } from "node:dgram";
// @ts-types="./dns_packet.d.ts"
import * as packet from "dns-packet";
import { Buffer } from "node:buffer";
import { queryDns } from "./dns_client.ts";
import { type DnsMode, startDns } from "../../tests/system/servers/dns.ts";

const ZONE = {
  "www.example.test": { a: ["198.18.0.20"], aaaa: ["fd00:18::20"] },
  "v4only.example.test": { a: ["198.18.0.21"] },
  "signed.example.test": { a: ["198.18.0.22"], signed: true },
  "many.example.test": {
    a: Array.from({ length: 120 }, (_, i) => `198.18.1.${i + 1}`),
  },
};

async function withServer<T>(
  mode: DnsMode,
  fn: (server: { address: string; port: number }) => Promise<T>,
): Promise<T> {
  const dns = await startDns(["127.0.0.1"], ZONE, 0);
  dns.setMode(mode);
  try {
    return await fn({ address: "127.0.0.1", port: dns.port });
  } finally {
    await dns.close();
  }
}

const OPTS = { timeoutMs: 800 };

Deno.test("queryDns() reads NOERROR, the flags and the addresses of the asked type", async () => {
  await withServer({ mode: "normal" }, async (s) => {
    const a = await queryDns("www.example.test", "A", s, OPTS);
    const aaaa = await queryDns("WWW.example.test.", "AAAA", s, OPTS);
    assert.equal(a.rcode, "NOERROR");
    assert.deepEqual(a.addresses, ["198.18.0.20"]);
    assert.deepEqual(aaaa.addresses, ["fd00:18::20"]);
    assert.equal(a.flags?.ra, true);
    assert.equal(a.flags?.tc, false);
    assert.equal(a.flags?.ad, false);
    assert.equal(a.transport, "udp");
    assert.equal(a.sends, 1);
    assert.equal(a.error, undefined);
  });
});

Deno.test("queryDns() tells NXDOMAIN from NOERROR without data", async () => {
  await withServer({ mode: "normal" }, async (s) => {
    const nodata = await queryDns("v4only.example.test", "AAAA", s, OPTS);
    const nx = await queryDns("missing.example.test", "A", s, OPTS);
    assert.equal(nodata.rcode, "NOERROR");
    assert.deepEqual(nodata.addresses, []);
    assert.equal(nx.rcode, "NXDOMAIN");
  });
});

Deno.test("queryDns() sees SERVFAIL for AAAA only, which Deno.resolveDns reports as no records", async () => {
  await withServer({ mode: "servfail", types: ["AAAA"] }, async (s) => {
    const a = await queryDns("www.example.test", "A", s, OPTS);
    const aaaa = await queryDns("www.example.test", "AAAA", s, OPTS);
    assert.equal(a.rcode, "NOERROR");
    assert.equal(aaaa.rcode, "SERVFAIL");
    // What the kit saw before: SERVFAIL and "no AAAA record" read the same.
    const resolveDnsError = async (name: string) => {
      try {
        await Deno.resolveDns(name, "AAAA", { nameServer: { ipAddr: s.address, port: s.port } });
        return "answered";
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message.replace(name, "NAME")}`;
      }
    };
    const servfail = await resolveDnsError("www.example.test");
    assert.equal(servfail, await resolveDnsError("v4only.example.test")); // no AAAA record
    assert.match(servfail, /NotFound/);
  });
});

Deno.test("queryDns() records REFUSED", async () => {
  await withServer({ mode: "refused" }, async (s) => {
    const r = await queryDns("www.example.test", "A", s, OPTS);
    assert.equal(r.rcode, "REFUSED");
    assert.deepEqual(r.addresses, []);
  });
});

Deno.test("queryDns() asks again over TCP when the UDP answer is truncated", async () => {
  await withServer({ mode: "truncate" }, async (s) => {
    const r = await queryDns("www.example.test", "A", s, OPTS);
    assert.equal(r.truncated, true);
    assert.equal(r.transport, "tcp");
    assert.equal(r.rcode, "NOERROR");
    assert.deepEqual(r.addresses, ["198.18.0.20"]);
  });
  // An answer too big for 1232 bytes: 120 A records are ~1.9 kB over TCP.
  await withServer({ mode: "normal" }, async (s) => {
    const r = await queryDns("many.example.test", "A", s, { ...OPTS, tcp: true });
    assert.equal(r.addresses.length, 120);
    assert.equal(r.transport, "tcp");
  });
});

Deno.test("queryDns() reads the AD bit of a validated answer", async () => {
  await withServer({ mode: "normal" }, async (s) => {
    const r = await queryDns("signed.example.test", "A", s, OPTS);
    assert.equal(r.flags?.ad, true);
  });
});

Deno.test("queryDns() gives up on a silent server by its deadline, having sent twice", async () => {
  await withServer({ mode: "silent" }, async (s) => {
    const t0 = performance.now();
    const r = await queryDns("www.example.test", "A", s, { timeoutMs: 400 });
    const ms = performance.now() - t0;
    assert.equal(r.rcode, null);
    assert.equal(r.error, "timeout");
    assert.equal(r.sends, 2);
    assert.ok(ms >= 390 && ms < 1000, `took ${ms} ms`);
  });
});

Deno.test("queryDns() says connection-refused at once when nothing listens on TCP", async () => {
  const dns = await startDns(["127.0.0.1"], ZONE, 0);
  const port = dns.port;
  await dns.close();
  const t0 = performance.now();
  const r = await queryDns("www.example.test", "A", { address: "127.0.0.1", port }, {
    timeoutMs: 2000,
    tcp: true,
  });
  assert.equal(r.error, "connection-refused");
  assert.equal(r.sends, 0);
  assert.ok(performance.now() - t0 < 1000);
});

/** A UDP server answering each query with `reply(query)` (possibly several datagrams). */
async function rawServer(reply: (q: packet.DecodedPacket) => Uint8Array[]) {
  const socket = createSocket("udp4");
  socket.on("message", (msg: Uint8Array, rinfo: { address: string; port: number }) => {
    for (const b of reply(packet.decode(Buffer.from(msg)))) {
      socket.send(b, rinfo.port, rinfo.address);
    }
  });
  await new Promise<void>((r) => socket.bind(0, "127.0.0.1", () => r()));
  return {
    server: { address: "127.0.0.1", port: socket.address().port },
    close: () => new Promise<void>((r) => socket.close(() => r())),
  };
}

function response(q: packet.DecodedPacket, over: Partial<packet.Packet> = {}): Uint8Array {
  return new Uint8Array(packet.encode({
    type: "response",
    id: q.id,
    flags: packet.RECURSION_AVAILABLE,
    questions: q.questions,
    answers: [{ type: "A", name: q.questions![0].name, ttl: 30, data: "192.0.2.1" }],
    ...over,
  }));
}

Deno.test("queryDns() ignores answers whose id or question does not match", async () => {
  const raw = await rawServer((q) => [
    response(q, { id: (q.id! + 1) & 0xffff, answers: [] }),
    response(q, { questions: [{ type: "A", name: "other.example" }] }),
    response(q),
  ]);
  try {
    const r = await queryDns("www.example.test", "A", raw.server, OPTS);
    assert.deepEqual(r.addresses, ["192.0.2.1"]);
  } finally {
    await raw.close();
  }
});

Deno.test("queryDns() asks again without EDNS when the server says FORMERR to it", async () => {
  let asked = 0;
  const raw = await rawServer((q) => {
    asked++;
    const hasOpt = (q.additionals ?? []).some((a) => a.type === "OPT");
    return [hasOpt ? response(q, { flags: 1, answers: [] }) : response(q)];
  });
  try {
    const r = await queryDns("www.example.test", "A", raw.server, OPTS);
    assert.equal(r.rcode, "NOERROR");
    assert.deepEqual(r.addresses, ["192.0.2.1"]);
    assert.equal(asked, 2);
  } finally {
    await raw.close();
  }
});

import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { spkiSha256 } from "../../util/crypto.ts";
import { httpRequest, TransportError, type TransportProblem } from "./http_request.ts";
import { decodeResponse } from "./http_response.ts";

const fixture = (p: string) =>
  Deno.readTextFile(new URL(`../../tests/fixtures/${p}`, import.meta.url));
const PKI_CA = await fixture("pki/ca.pem");
const OTHER_CA = await fixture("tls/good_ca.pem");
const SERVER = { cert: await fixture("pki/server.pem"), key: await fixture("pki/server.key") };

/** A loopback server answering JSON with what it got; TLS with the test PKI when asked. */
function serve(tls: boolean, hostname = "127.0.0.1") {
  const server = Deno.serve(
    { hostname, port: 0, onListen: () => {}, ...(tls ? SERVER : {}) },
    async (req) => {
      const body = await req.text();
      const url = new URL(req.url);
      if (url.pathname === "/big") return new Response("x".repeat(2 << 20));
      return Response.json({
        method: req.method,
        path: url.pathname,
        body,
        ua: req.headers.get("user-agent"),
      }, {
        status: url.pathname === "/missing" ? 404 : 200,
      });
    },
  );
  return { server, url: `${tls ? "https" : "http"}://${hostname}:${server.addr.port}` };
}

async function problemOf(p: Promise<unknown>): Promise<TransportProblem> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TransportError) return e.problem;
    throw e;
  }
  throw new Error("expected a TransportError");
}

Deno.test("httpRequest() speaks plain HTTP to loopback and returns any status", async () => {
  const { server, url } = serve(false);
  try {
    const r = await httpRequest({
      method: "POST",
      url: `${url}/v1/reports`,
      headers: { "Content-Type": "application/json" },
      body: new TextEncoder().encode('{"a":1}'),
    });
    assert.equal(r.status, 200);
    const got = JSON.parse(new TextDecoder().decode(r.body));
    assert.deepEqual([got.method, got.path, got.body], ["POST", "/v1/reports", '{"a":1}']);
    assert.match(got.ua, /^kiriwake\//);
    const missing = await httpRequest({ method: "GET", url: `${url}/missing` });
    assert.equal(missing.status, 404);
  } finally {
    await server.shutdown();
  }
});

Deno.test("httpRequest() holds a CA pin: the pinned CA passes, any other CA fails", async () => {
  const { server, url } = serve(true);
  try {
    const ok = await httpRequest({
      method: "GET",
      url: `${url}/v1/status`,
      pin: { caCerts: [PKI_CA], spkiSha256: [] },
    });
    assert.equal(ok.status, 200);
    assert.equal(
      await problemOf(
        httpRequest({ method: "GET", url, pin: { caCerts: [OTHER_CA], spkiSha256: [] } }),
      ),
      "tls",
    );
    // Without a pin the system's roots decide, and they do not know the test CA.
    assert.equal(await problemOf(httpRequest({ method: "GET", url })), "tls");
  } finally {
    await server.shutdown();
  }
});

Deno.test("httpRequest() holds a public-key pin on the presented chain", async () => {
  const { server, url } = serve(true);
  try {
    const leafPin = await spkiSha256(SERVER.cert);
    const caPin = await spkiSha256(PKI_CA);
    for (const spki of [[leafPin], [caPin]]) {
      const r = await httpRequest({
        method: "GET",
        url,
        pin: { caCerts: [PKI_CA], spkiSha256: spki },
      });
      assert.equal(r.status, 200);
    }
    const wrong = await spkiSha256(OTHER_CA);
    assert.equal(
      await problemOf(
        httpRequest({ method: "GET", url, pin: { caCerts: [PKI_CA], spkiSha256: [wrong] } }),
      ),
      "pin",
    );
  } finally {
    await server.shutdown();
  }
});

Deno.test("httpRequest() checks the name: a certificate for other addresses fails", async () => {
  // The test certificate names 127.0.0.1 and ::1 but not 127.0.0.2.
  const { server, url } = serve(true, "127.0.0.2");
  try {
    assert.equal(
      await problemOf(
        httpRequest({ method: "GET", url, pin: { caCerts: [PKI_CA], spkiSha256: [] } }),
      ),
      "tls",
    );
  } finally {
    await server.shutdown();
  }
});

Deno.test("httpRequest() keeps the CA pin when the runtime trusts another CA", async () => {
  // DENO_CERT adds a CA to the default roots; fetch's caCerts would let it through.
  const { server, url } = serve(true);
  const module = new URL("./http_request.ts", import.meta.url).href;
  const code = `
    import { httpRequest } from "${module}";
    const pin = { caCerts: [Deno.env.get("PIN_CA")], spkiSha256: [] };
    try { await httpRequest({ method: "GET", url: "${url}", pin }); console.log("sent"); }
    catch (e) { console.log(e.problem ?? e.message); }
  `;
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["eval", "--quiet", code],
      env: {
        DENO_CERT: fileURLToPath(new URL("../../tests/fixtures/pki/ca.pem", import.meta.url)),
        PIN_CA: OTHER_CA,
      },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(
      new TextDecoder().decode(out.stdout).trim(),
      "tls",
      new TextDecoder().decode(out.stderr),
    );
  } finally {
    await server.shutdown();
  }
});

Deno.test("httpRequest() names refused connections, stalls and oversized answers", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = listener.addr.port;
  const held: Deno.Conn[] = [];
  const accepting = (async () => {
    for await (const c of listener) held.push(c); // accepts and never answers
  })();
  try {
    const stall = httpRequest({
      method: "GET",
      url: `http://127.0.0.1:${port}/`,
      idleTimeoutMs: 300,
    });
    assert.equal(await problemOf(stall), "timeout");
  } finally {
    listener.close();
    for (const c of held) c.close();
    await accepting.catch(() => {});
  }
  assert.equal(
    await problemOf(httpRequest({ method: "GET", url: `http://127.0.0.1:${port}/` })),
    "refused",
  );
  const { server, url } = serve(false);
  try {
    assert.equal(await problemOf(httpRequest({ method: "GET", url: `${url}/big` })), "too-large");
    const big = await httpRequest({ method: "GET", url: `${url}/big`, maxResponseBytes: 4 << 20 });
    assert.equal(big.body.length, 2 << 20);
  } finally {
    await server.shutdown();
  }
});

Deno.test("httpRequest() stops when aborted", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const c = new AbortController();
  const p = httpRequest({
    method: "GET",
    url: `http://127.0.0.1:${listener.addr.port}/`,
    signal: c.signal,
    idleTimeoutMs: 60_000,
  });
  c.abort();
  try {
    assert.equal(await problemOf(p), "aborted");
  } finally {
    listener.close();
  }
});

Deno.test("httpRequest() stops when aborted while waiting for the answer", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const held: Deno.Conn[] = [];
  const accepting = (async () => {
    for await (const c of listener) held.push(c);
  })();
  try {
    const p = httpRequest({
      method: "GET",
      url: `http://127.0.0.1:${listener.addr.port}/`,
      signal: AbortSignal.timeout(200),
      idleTimeoutMs: 60_000,
    });
    const t0 = performance.now();
    assert.equal(await problemOf(p), "aborted");
    assert.ok(performance.now() - t0 < 5_000);
  } finally {
    listener.close();
    for (const c of held) c.close();
    await accepting.catch(() => {});
  }
});

Deno.test("decodeResponse() joins chunked bodies and refuses cut answers", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const r = decodeResponse(
    enc(
      "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n",
    ),
  );
  assert.equal(r.status, 201);
  assert.equal(new TextDecoder().decode(r.body), "abcde");
  assert.throws(
    () => decodeResponse(enc("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab")),
    /cut short/,
  );
  assert.throws(() => decodeResponse(enc("SSH-2.0-OpenSSH\r\n\r\n")), /not an HTTP/);
  assert.throws(() => decodeResponse(enc("HTTP/1.1 200 OK\r\n")), /before its head/);
});

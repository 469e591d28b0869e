import assert from "node:assert/strict";
import { directFetch } from "./direct_fetch.ts";

Deno.test("directFetch() opens a fresh connection for every request", async () => {
  const ports = new Set<number>();
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (_r, info) => {
    ports.add((info.remoteAddr as Deno.NetAddr).port);
    return new Response("ok");
  });
  try {
    const url = `http://127.0.0.1:${server.addr.port}/`;
    for (let i = 0; i < 3; i++) assert.equal((await directFetch(url)).status, 200);
    assert.equal(ports.size, 3);
  } finally {
    await server.shutdown();
  }
});

Deno.test("directFetch() keeps redirects and bodiless statuses as they came", async () => {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    (r) =>
      new URL(r.url).pathname === "/204"
        ? new Response(null, { status: 204 })
        : new Response(null, { status: 302, headers: { location: "http://login.example/" } }),
  );
  try {
    const base = `http://127.0.0.1:${server.addr.port}`;
    const moved = await directFetch(`${base}/`);
    assert.deepEqual([moved.status, moved.headers.get("location")], [302, "http://login.example/"]);
    const empty = await directFetch(`${base}/204`);
    assert.equal(empty.status, 204);
    assert.equal((await empty.arrayBuffer()).byteLength, 0);
  } finally {
    await server.shutdown();
  }
});

/**
 * A TLS front for tests, as a load balancer terminates TLS before the collector: listens
 * with a certificate on `HOST:PORT` and pipes each connection to `UPSTREAM_HOST:PORT` in
 * plain TCP. Prints `ready` on stdout once it listens; runs until killed.
 *
 * ```
 * deno run --allow-net --allow-read tls_front.ts LISTEN_HOST:PORT CERT KEY UPSTREAM_HOST:PORT
 * ```
 *
 * @module
 */
const [listen, certFile, keyFile, upstream] = Deno.args;
const split = (hp: string) => {
  const i = hp.lastIndexOf(":");
  return { hostname: hp.slice(0, i).replace(/^\[|\]$/g, ""), port: Number(hp.slice(i + 1)) };
};
const server = Deno.listenTls({
  ...split(listen),
  cert: await Deno.readTextFile(certFile),
  key: await Deno.readTextFile(keyFile),
});
console.log("ready");
for await (const client of server) {
  (async () => {
    try {
      const up = await Deno.connect(split(upstream));
      await Promise.all([
        client.readable.pipeTo(up.writable).catch(() => {}),
        up.readable.pipeTo(client.writable).catch(() => {}),
      ]);
    } catch {
      try {
        client.close();
      } catch { /* already closed */ }
    }
  })();
}

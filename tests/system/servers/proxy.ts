/**
 * A forward HTTP proxy for the fault-injection topology: `CONNECT host:port` opens a tunnel
 * (what a browser does for every HTTPS site), `GET http://host/path` is passed on (plain
 * HTTP). It misbehaves on command the way proxies do: refuses tunnels (403, a filter that
 * allows only plain HTTP or only some ports), cannot reach anything (502, its own upstream
 * is down), or accepts connections and never answers.
 *
 * @module
 */
import { connect, createServer, type Server, type Socket } from "node:net";

/** How the proxy behaves; `normal` unless a fault says otherwise. */
export type ProxyMode =
  | { mode: "normal" }
  /** `CONNECT` is answered `403 Forbidden`; plain HTTP still passes. */
  | { mode: "refuse-connect" }
  /** Every request is answered `502 Bad Gateway`. */
  | { mode: "bad-gateway" }
  /** Connections are accepted and never answered. */
  | { mode: "silent" };

/** A running proxy. */
export interface ProxyServer {
  port: number;
  setMode(mode: ProxyMode): void;
  close(): Promise<void>;
}

/** Starts the proxy on `port` (0: a free one) of each address. Requires `--allow-net`. */
export async function startProxy(
  addresses: readonly string[],
  port: number,
): Promise<ProxyServer> {
  let mode: ProxyMode = { mode: "normal" };
  const open = new Set<Socket>();
  const track = (s: Socket) => {
    open.add(s);
    s.on("close", () => open.delete(s));
    s.on("error", () => s.destroy());
  };
  const servers: Server[] = [];
  for (const address of addresses) {
    const server = createServer((client) => {
      track(client);
      let head = "";
      const onData = (chunk: Uint8Array) => {
        head += new TextDecoder("latin1").decode(chunk);
        const end = head.indexOf("\r\n\r\n");
        if (end < 0) return;
        client.off("data", onData);
        handle(client, head.slice(0, end), mode, track);
      };
      client.on("data", onData);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, address, () => resolve());
    });
    port = (server.address() as { port: number }).port;
    servers.push(server);
  }
  return {
    port,
    setMode(m) {
      mode = m;
    },
    async close() {
      for (const s of open) s.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    },
  };
}

function handle(
  client: Socket,
  head: string,
  mode: ProxyMode,
  track: (s: Socket) => void,
): void {
  if (mode.mode === "silent") return;
  const [line, ...headers] = head.split("\r\n");
  const [method, target] = line.split(" ");
  const reply = (status: string): void => {
    client.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  };
  if (mode.mode === "bad-gateway") return reply("502 Bad Gateway");
  if (method === "CONNECT") {
    if (mode.mode === "refuse-connect") return reply("403 Forbidden");
    const [host, p] = splitHostPort(target ?? "");
    const up = connect({ host, port: Number(p) });
    track(up);
    up.once("connect", () => {
      client.write("HTTP/1.1 200 Connection established\r\n\r\n");
      client.pipe(up);
      up.pipe(client);
    });
    up.once("error", () => reply("502 Bad Gateway"));
    return;
  }
  let url: URL;
  try {
    url = new URL(target ?? "");
  } catch {
    return reply("400 Bad Request");
  }
  const up = connect({ host: url.hostname.replace(/^\[|\]$/g, ""), port: Number(url.port) || 80 });
  track(up);
  up.once("connect", () => {
    const kept = headers.filter((h) => !/^(proxy-connection|connection):/i.test(h));
    up.write(
      `${method} ${url.pathname}${url.search} HTTP/1.1\r\n${
        kept.join("\r\n")
      }\r\nConnection: close\r\n\r\n`,
    );
    up.pipe(client);
  });
  up.once("error", () => reply("502 Bad Gateway"));
}

/** `host:port` or `[v6]:port`. */
function splitHostPort(s: string): [string, string] {
  const m = /^\[(.+)\]:(\d+)$/.exec(s) ?? /^([^:]+):(\d+)$/.exec(s);
  return m ? [m[1], m[2]] : [s, "443"];
}

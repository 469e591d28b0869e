/**
 * Times one HTTP(S) GET phase by phase — DNS, TCP connect, TLS handshake, time to first
 * byte — over `node:net`/`node:tls`, which (unlike `fetch` or `Deno.connectTls`) expose
 * the negotiated TLS version and the server certificate's expiry.
 *
 * @module
 */
import { connect as netConnect, type Socket } from "node:net";
import { connect as tlsConnect, type TLSSocket } from "node:tls";
import { ipFamily } from "../../util/ip_scope.ts";
import { resolveHost } from "./connect.ts";
import type { Resolver } from "./resolver.ts";

/** Options of {@link timeHttp}. */
export interface HttpTimingOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Extra trusted CA certificates (PEM). */
  caCerts?: string[];
  /** Resolve through this server instead of the OS resolver. */
  resolver?: Resolver;
  /** Stop reading the body after this many bytes. */
  maxBodyBytes?: number;
  /**
   * Connect to this address instead of resolving the host (one family of a name resolved
   * already), with the time that lookup took.
   */
  pinned?: { address: string; dnsMs: number | null };
}

/** Phases and facts of one request. Each phase is its own duration in milliseconds. */
export interface HttpTiming {
  ok: boolean;
  /** The phase that failed: `dns`, `connect`, `tls`, `request` or `timeout`. */
  failedAt?: "dns" | "connect" | "tls" | "request";
  error?: string;
  address: string | null;
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  /** From the request sent to the first response byte. */
  ttfbMs: number | null;
  /** Whole request, DNS included. */
  totalMs: number | null;
  status: number | null;
  location: string | null;
  /** Value of the `Date` response header. */
  date: string | null;
  bodyBytes: number;
  tlsVersion: string | null;
  alpn: string | null;
  certIssuer: string | null;
  certNotAfter: string | null;
  certDaysLeft: number | null;
}

/** Requests `url` once and times each phase. Never throws. Requires `--allow-net`. */
export async function timeHttp(url: URL, opts: HttpTimingOptions): Promise<HttpTiming> {
  const t: HttpTiming = {
    ok: false,
    address: null,
    dnsMs: null,
    connectMs: null,
    tlsMs: null,
    ttfbMs: null,
    totalMs: null,
    status: null,
    location: null,
    date: null,
    bodyBytes: 0,
    tlsVersion: null,
    alpn: null,
    certIssuer: null,
    certNotAfter: null,
    certDaysLeft: null,
  };
  const t0 = performance.now();
  let mark = t0;
  // Milliseconds since the previous phase ended: each phase gets its own duration.
  const lap = () => {
    const now = performance.now();
    const d = Math.round((now - mark) * 10) / 10;
    mark = now;
    return d;
  };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const resolved = opts.pinned
    ? { v4: opts.pinned.address, v6: null, dnsMs: opts.pinned.dnsMs, error: undefined }
    : await resolveHost(host, opts.timeoutMs, opts.signal, opts.resolver);
  t.dnsMs = resolved.dnsMs;
  mark = performance.now();
  const address = resolved.v4 ?? resolved.v6;
  if (!address) return { ...t, failedAt: "dns", error: resolved.error ?? "no address" };
  t.address = address;
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  const sockets: Socket[] = [];
  // Every failure is read through the phase promises; a socket destroyed by the deadline can
  // emit "error" again after those one-shot listeners are spent, which would crash the run.
  const track = (s: Socket) => {
    s.on("error", () => {});
    sockets.push(s);
  };
  let phase: HttpTiming["failedAt"] = "connect";
  const deadline = setTimeout(
    () => sockets.forEach((s) => s.destroy(new Error("timeout"))),
    opts.timeoutMs,
  );
  const onAbort = () => sockets.forEach((s) => s.destroy(new Error("aborted")));
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const raw = netConnect({ host: address, port, family: ipFamily(address) || undefined });
    track(raw);
    await once(raw, "connect");
    t.connectMs = lap();
    let sock: Socket = raw;
    if (url.protocol === "https:") {
      phase = "tls";
      const secure: TLSSocket = tlsConnect({
        socket: raw,
        servername: ipFamily(host) ? undefined : host,
        ALPNProtocols: ["http/1.1"],
        ...(opts.caCerts?.length ? { ca: opts.caCerts } : {}),
      });
      track(secure);
      await once(secure, "secureConnect");
      t.tlsMs = lap();
      t.tlsVersion = secure.getProtocol() ?? null;
      t.alpn = secure.alpnProtocol || null;
      const cert = secure.getPeerCertificate();
      if (cert?.valid_to) {
        const notAfter = new Date(cert.valid_to);
        t.certNotAfter = notAfter.toISOString();
        t.certDaysLeft = Math.floor((notAfter.getTime() - Date.now()) / 86_400_000);
        t.certIssuer = cert.issuer?.CN ?? cert.issuer?.O ?? null;
      }
      sock = secure;
    }
    phase = "request";
    const path = `${url.pathname}${url.search}`;
    sock.write(
      `GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nUser-Agent: kiriwake\r\nAccept: */*\r\nConnection: close\r\n\r\n`,
    );
    await readResponse(sock, t, lap, opts.maxBodyBytes ?? 1 << 20);
    t.totalMs = Math.round((performance.now() - t0) * 10) / 10;
    t.ok = true;
    return t;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ...t, failedAt: phase, error: msg.slice(0, 300) };
  } finally {
    clearTimeout(deadline);
    opts.signal?.removeEventListener("abort", onAbort);
    sockets.forEach((s) => s.destroy());
  }
}

function once(s: Socket, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    s.once(event, () => resolve());
    s.once("error", reject);
    s.once("close", () => reject(new Error("connection closed")));
  });
}

function readResponse(
  s: Socket,
  t: HttpTiming,
  lap: () => number,
  maxBody: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let head = "";
    let headDone = false;
    s.on("data", (chunk: Uint8Array) => {
      if (t.ttfbMs === null) t.ttfbMs = lap();
      if (headDone) {
        t.bodyBytes += chunk.length;
      } else {
        head += new TextDecoder("latin1").decode(chunk);
        const end = head.indexOf("\r\n\r\n");
        if (end < 0) return;
        headDone = true;
        t.bodyBytes += head.length - end - 4;
        parseHead(head.slice(0, end), t);
      }
      if (t.bodyBytes >= maxBody) {
        s.destroy();
        resolve();
      }
    });
    s.once(
      "end",
      () => headDone ? resolve() : reject(new Error("connection closed before a response")),
    );
    s.once(
      "close",
      () => headDone ? resolve() : reject(new Error("connection closed before a response")),
    );
    s.once("error", reject);
  });
}

function parseHead(head: string, t: HttpTiming): void {
  const [statusLine, ...lines] = head.split("\r\n");
  const m = statusLine.match(/^HTTP\/\d(?:\.\d)? (\d{3})/);
  if (!m) throw new Error(`not an HTTP response: ${JSON.stringify(statusLine.slice(0, 60))}`);
  t.status = Number(m[1]);
  for (const line of lines) {
    const i = line.indexOf(":");
    const name = line.slice(0, i).trim().toLowerCase();
    const value = line.slice(i + 1).trim();
    if (name === "location") t.location = value;
    if (name === "date") t.date = value;
  }
}

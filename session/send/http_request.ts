/**
 * One small HTTP/1.1 request over `node:net`/`node:tls`, for talking to the collector. Not
 * `fetch`: fetch cannot pin a certificate (its `caCerts` add to the system's roots) and does
 * not show the chain it verified. Here the TLS socket is verified against the pinned CAs
 * (replacing the system roots), its chain checked against the pin, and only then is the
 * request written — one connection, `Connection: close`, bounded in time and size.
 *
 * Requires `--allow-net` (and `--allow-sys` for host name lookups on some systems).
 *
 * @module
 */
import net from "node:net";
import tls from "node:tls";
import { stripIp } from "../../util/ip_scope.ts";
import { VERSION } from "../../util/version.ts";
import {
  decodeResponse,
  expectedLength,
  headComplete,
  HttpProtocolError,
} from "./http_response.ts";
import { pinProblem, presentedChain, type TlsPin } from "./tls_pin.ts";

/** One request. */
export interface HttpRequest {
  method: "GET" | "POST" | "DELETE";
  url: string;
  headers?: Record<string, string>;
  body?: Uint8Array;
  /** The pin for an https URL; null or absent: the system's roots, no pin. */
  pin?: TlsPin | null;
  /** Connecting and the TLS handshake give up after this long (default 10 s). */
  connectTimeoutMs?: number;
  /** Gives up when nothing moves for this long (default 30 s). */
  idleTimeoutMs?: number;
  /** A larger answer is refused (default 1 MiB). */
  maxResponseBytes?: number;
  signal?: AbortSignal;
}

/** The answer. */
export interface HttpResponse {
  status: number;
  /** Header names lowercased. */
  headers: Map<string, string>;
  body: Uint8Array;
}

/** What went wrong before an HTTP answer arrived. */
export type TransportProblem =
  | "unreachable"
  | "refused"
  | "timeout"
  | "tls"
  | "pin"
  | "protocol"
  | "too-large"
  | "aborted";

/** No HTTP answer: the network, TLS, the pin, or a garbled answer. */
export class TransportError extends Error {
  /** @param problem the kind, which decides whether to retry */
  constructor(readonly problem: TransportProblem, message: string) {
    super(message);
    this.name = "TransportError";
  }
}

/**
 * Sends `req` and returns the answer, whatever its status.
 *
 * @throws {TransportError} when no complete HTTP answer arrived
 */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const url = new URL(req.url);
  const where = `${url.origin}`;
  const sock = await connect(url, req);
  try {
    const head = [
      `${req.method} ${url.pathname}${url.search} HTTP/1.1`,
      `Host: ${url.host}`,
      `User-Agent: kiriwake/${VERSION}`,
      "Accept: application/json",
      "Connection: close",
      ...Object.entries(req.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
      ...(req.body ? [`Content-Length: ${req.body.length}`] : []),
      "",
      "",
    ].join("\r\n");
    if (/[\0\n\r]/.test(head.slice(0, -4).replaceAll("\r\n", ""))) {
      throw new TransportError("protocol", `${where}: a header holds a line break`);
    }
    sock.write(head);
    if (req.body) sock.write(req.body);
    const raw = await readAll(sock, req.maxResponseBytes ?? 1 << 20, where, req.signal);
    try {
      return decodeResponse(raw);
    } catch (e) {
      if (e instanceof HttpProtocolError) {
        throw new TransportError("protocol", `${where}: ${e.message}`);
      }
      throw e;
    }
  } finally {
    sock.destroy();
  }
}

/** Connects (and for https shakes hands and checks the pin), within the connect timeout. */
function connect(url: URL, req: HttpRequest): Promise<net.Socket> {
  const https = url.protocol === "https:";
  const host = stripIp(url.hostname);
  const port = Number(url.port || (https ? 443 : 80));
  const where = url.origin;
  const pin = https && req.pin ? req.pin : null;
  return new Promise<net.Socket>((resolve, reject) => {
    let settled = false;
    const sock: net.Socket = https
      ? tls.connect({
        host,
        port,
        servername: net.isIP(host) ? undefined : host,
        ALPNProtocols: ["http/1.1"],
        rejectUnauthorized: true,
        ...(pin && pin.caCerts.length > 0 ? { ca: [...pin.caCerts] } : {}),
      })
      : net.connect({ host, port });
    const fail = (e: TransportError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal?.removeEventListener("abort", onAbort);
      sock.destroy();
      reject(e);
    };
    const onAbort = () => fail(new TransportError("aborted", `${where}: aborted`));
    const timer = setTimeout(
      () => fail(new TransportError("timeout", `${where}: no connection in time`)),
      req.connectTimeoutMs ?? 10_000,
    );
    if (req.signal?.aborted) return onAbort();
    req.signal?.addEventListener("abort", onAbort, { once: true });
    sock.once("error", (e) => fail(classify(e, where, https)));
    const ready = async () => {
      if (pin) {
        const why = await pinProblem(presentedChain(sock as tls.TLSSocket), pin).catch((e) =>
          `cannot read the certificate chain (${(e as Error).message})`
        );
        if (why) return fail(new TransportError("pin", `${where}: ${why}`));
      }
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal?.removeEventListener("abort", onAbort);
      sock.setTimeout(req.idleTimeoutMs ?? 30_000);
      resolve(sock);
    };
    sock.once(https ? "secureConnect" : "connect", () => void ready());
  });
}

/** Reads until the server closes, within `max` bytes and the idle timeout. */
function readAll(
  sock: net.Socket,
  max: number,
  where: string,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    /** The whole answer's length once the head is in: null when unannounced. */
    let want: number | null | undefined;
    const joined = () => {
      const all = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) all.set(c, at), at += c.length;
      return all;
    };
    const onAbort = () => {
      finish(new TransportError("aborted", `${where}: aborted`));
      sock.destroy();
    };
    const finish = (e?: TransportError) => {
      if (done) return;
      done = true;
      signal?.removeEventListener("abort", onAbort);
      if (e) reject(e);
      else resolve(joined());
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    sock.on("data", (d: Uint8Array) => {
      size += d.length;
      if (size > max) {
        finish(new TransportError("too-large", `${where}: the answer is larger than ${max} bytes`));
        sock.destroy();
        return;
      }
      chunks.push(new Uint8Array(d));
      // Done as soon as the announced length is in, whether or not the server closes.
      if (want === undefined && size <= 64 * 1024) {
        const all = joined();
        if (headComplete(all)) want = expectedLength(all);
      }
      if (typeof want === "number" && size >= want) finish();
    });
    sock.once("timeout", () => {
      finish(new TransportError("timeout", `${where}: the answer stalled`));
      sock.destroy();
    });
    sock.once("error", (e) => finish(classify(e, where, false)));
    sock.once("end", () => finish());
    sock.once("close", () => finish());
  });
}

/** Turns a socket error into a problem kind. */
function classify(e: unknown, where: string, https: boolean): TransportError {
  const err = e as { code?: string; message?: string };
  const code = err.code ?? "";
  const msg = `${where}: ${err.message ?? String(e)}`;
  if (code === "ECONNREFUSED") return new TransportError("refused", msg);
  if (/^(ETIMEDOUT|ESOCKETTIMEDOUT)$/.test(code)) return new TransportError("timeout", msg);
  if (https && /cert|tls|ssl|handshake|verify|self.signed|issuer/i.test(`${code} ${err.message}`)) {
    return new TransportError("tls", msg);
  }
  return new TransportError("unreachable", msg);
}

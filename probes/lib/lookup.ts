/**
 * Name lookups with deadlines: through the operating system's resolver (getaddrinfo, which
 * honours the hosts file and the OS's own DNS settings: what applications see) or directly
 * against a named DNS server on the wire (`dns_client.ts`: the response code, flags and
 * transport are kept as evidence). Both always end by the deadline; getaddrinfo cannot be
 * cancelled at all, so it is raced.
 *
 * @module
 */
import { lookup } from "node:dns/promises";
import { queryDns } from "./dns_client.ts";
import type { DnsFlags, QueryType } from "./dns_message.ts";
import type { Resolver } from "./resolver.ts";

/** The outcome of one lookup. */
export interface LookupResult {
  ok: boolean;
  /** Addresses found, in the order given. */
  addresses: string[];
  ms: number;
  /**
   * Why it gave no address: `no-data` (NOERROR, no record of that type: an answer),
   * `nxdomain`, `servfail`, `refused` (and other response codes, lower-case), `timeout`, or
   * the error text.
   */
  error?: string;
}

/** A lookup asked on the wire: the answer's code, flags and transport as well. */
export interface WireLookupResult extends LookupResult {
  /** `NOERROR`, `NXDOMAIN`, `SERVFAIL`, `REFUSED`, …; null when no answer came. */
  rcode: string | null;
  flags: DnsFlags | null;
  transport: "udp" | "tcp";
  /** The UDP answer was truncated and the question asked again over TCP. */
  truncated: boolean;
  /** UDP datagrams sent (2: the first went unanswered). */
  sends: number;
}

/**
 * Resolves `name` through the OS resolver (both families).
 *
 * @example
 * ```ts
 * const r = await systemLookup("localhost", 1000);
 * ```
 */
export async function systemLookup(
  name: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<LookupResult> {
  const t0 = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
    signal?.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
  });
  try {
    const found = await Promise.race([lookup(name, { all: true, verbatim: true }), deadline]);
    return { ok: true, addresses: found.map((a) => a.address), ms: since(t0) };
  } catch (e) {
    return { ok: false, addresses: [], ms: since(t0), error: classify(e) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves `name` for one record type directly against `resolver`, on the wire. NOERROR is
 * `ok` (without records it is `no-data`: the server works, the name has no such record).
 * Never throws. Requires `--allow-net`.
 */
export async function resolverLookup(
  name: string,
  type: QueryType,
  resolver: Pick<Resolver, "address" | "port">,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<WireLookupResult> {
  const r = await queryDns(name, type, resolver, { timeoutMs, signal });
  const error = r.rcode === null
    ? r.error ?? "timeout"
    : r.rcode !== "NOERROR"
    ? r.rcode.toLowerCase()
    : r.addresses.length === 0
    ? "no-data"
    : undefined;
  return {
    ok: r.rcode === "NOERROR",
    addresses: r.addresses,
    ms: r.ms,
    ...(error ? { error } : {}),
    rcode: r.rcode,
    flags: r.flags,
    transport: r.transport,
    truncated: r.truncated,
    sends: r.sends,
  };
}

function classify(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  if (msg === "timeout" || (e as Error)?.name === "TimeoutError" || /timed out/i.test(msg)) {
    return "timeout";
  }
  if (/unreachable/i.test(msg)) return "unreachable";
  if (msg === "aborted" || (e as Error)?.name === "AbortError") return "aborted";
  if (code === "ENOTFOUND" || /NXDomain|no such host|not known/i.test(msg)) return "nxdomain";
  if (code === "ENODATA" || /no records found/i.test(msg)) return "no-data";
  if (/refused/i.test(msg)) return "refused";
  if (code === "EAI_AGAIN" || /temporary failure/i.test(msg)) return "servfail-or-unreachable";
  return msg.slice(0, 200);
}

function since(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}

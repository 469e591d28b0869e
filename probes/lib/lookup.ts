/**
 * Name lookups with deadlines: through the operating system's resolver (getaddrinfo, which
 * honours the hosts file and the OS's own DNS settings) or directly against a named DNS
 * server. Both always end by the deadline: `Deno.resolveDns` waits 15 s on a silent
 * server without a signal, and getaddrinfo cannot be cancelled at all, so it is raced.
 *
 * @module
 */
import { lookup } from "node:dns/promises";
import type { Resolver } from "./resolver.ts";

/** The outcome of one lookup. */
export interface LookupResult {
  ok: boolean;
  /** Addresses found, in the order given. */
  addresses: string[];
  ms: number;
  /** Why it failed: `timeout`, `nxdomain`, `no-data`, `refused`, or the error text. */
  error?: string;
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

/** Resolves `name` for one record type directly against `resolver`. */
export async function resolverLookup(
  name: string,
  type: "A" | "AAAA",
  resolver: Pick<Resolver, "address" | "port">,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<LookupResult> {
  const t0 = performance.now();
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    const found = await Deno.resolveDns(name, type, {
      nameServer: { ipAddr: resolver.address, port: resolver.port },
      signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
    });
    return { ok: true, addresses: found, ms: since(t0) };
  } catch (e) {
    // "No records" is an answer: the server works, the name has no such record.
    const error = deadline.aborted ? "timeout" : classify(e);
    return { ok: error === "no-data", addresses: [], ms: since(t0), error };
  }
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

/**
 * Timed TCP connects and target address resolution shared by the TCP and HTTP probes.
 *
 * @module
 */
import { ipFamily, stripIp } from "../../util/ip_scope.ts";
import { resolverLookup, systemLookup } from "./lookup.ts";
import type { Resolver } from "./resolver.ts";

/** The outcome of one connect. */
export interface ConnectResult {
  ok: boolean;
  ms: number;
  error?: string;
}

/**
 * Connects to `address:port` and closes again, timing the handshake. Requires `--allow-net`.
 * A connect that completes after the deadline is closed at once.
 */
export async function timedConnect(
  address: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<ConnectResult> {
  const t0 = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attempt = Deno.connect({ hostname: stripIp(address), port, transport: "tcp" });
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
    signal?.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
  });
  try {
    const conn = await Promise.race([attempt, deadline]);
    const ms = since(t0);
    conn.close();
    return { ok: true, ms };
  } catch (e) {
    attempt.then((c) => c.close(), () => {});
    return { ok: false, ms: since(t0), error: connectError(e) };
  } finally {
    clearTimeout(timer);
  }
}

/** Addresses of a host by family, or the error of resolving it. */
export interface ResolvedHost {
  v4: string | null;
  v6: string | null;
  /**
   * The family an application tries first: the first address in the OS resolver's order
   * (RFC 6724 sorting), IPv6 when a named resolver gave both; null without addresses.
   */
  preferred: 4 | 6 | null;
  dnsMs: number | null;
  error?: string;
}

/** Resolves `host` (a name or an IP literal) to its first IPv4 and IPv6 address. */
export async function resolveHost(
  host: string,
  timeoutMs: number,
  signal?: AbortSignal,
  resolver?: Resolver,
): Promise<ResolvedHost> {
  const fam = ipFamily(host);
  if (fam === 4) return { v4: stripIp(host), v6: null, preferred: 4, dnsMs: null };
  if (fam === 6) return { v4: null, v6: stripIp(host), preferred: 6, dnsMs: null };
  if (resolver) {
    const [a, aaaa] = await Promise.all([
      resolverLookup(host, "A", resolver, timeoutMs, signal),
      resolverLookup(host, "AAAA", resolver, timeoutMs, signal),
    ]);
    const v4 = a.addresses[0] ?? null;
    const v6 = aaaa.addresses[0] ?? null;
    const error = v4 || v6 ? undefined : `dns: ${a.error ?? aaaa.error ?? "no address"}`;
    const preferred = v6 ? 6 : v4 ? 4 : null;
    return { v4, v6, preferred, dnsMs: Math.max(a.ms, aaaa.ms), ...(error ? { error } : {}) };
  }
  const r = await systemLookup(host, timeoutMs, signal);
  if (!r.ok) {
    return { v4: null, v6: null, preferred: null, dnsMs: r.ms, error: `dns: ${r.error}` };
  }
  const first = r.addresses.map(ipFamily).find((f) => f !== 0);
  return {
    v4: r.addresses.find((a) => ipFamily(a) === 4) ?? null,
    v6: r.addresses.find((a) => ipFamily(a) === 6) ?? null,
    preferred: first === 4 || first === 6 ? first : null,
    dnsMs: r.ms,
  };
}

function connectError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (msg === "timeout" || msg === "aborted") return msg;
  if (e instanceof Deno.errors.ConnectionRefused) return "refused";
  if (/unreachable/i.test(msg)) return "unreachable";
  if (e instanceof Deno.errors.NotCapable || e instanceof Deno.errors.PermissionDenied) {
    return "permission-denied";
  }
  return msg.replace(/\s*\(os error \d+\)$/, "").slice(0, 200);
}

function since(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}

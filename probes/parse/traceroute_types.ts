/**
 * The shapes of a parsed route trace, shared by the traceroute, tracepath and tracert parsers.
 *
 * @module
 */

/** Which program wrote the trace. */
export type TraceTool = "traceroute" | "tracepath" | "tracert";

/** One probe sent with a given TTL. */
export interface TraceProbe {
  /** Who answered; null for a timeout (`*`) or an unnamed reply. */
  address: string | null;
  /** The reverse DNS name printed with the address, if any. */
  name: string | null;
  /** Round-trip time in ms; null when nothing came back. `<1 ms` is 0 with `lessThan`. */
  rttMs: number | null;
  /** `!H`, `!N`, `!X`… (Unix) or the "reports: …" text (Windows) the hop sent instead. */
  annotation: string | null;
  /** Set when the time was printed as an upper bound (`<1 ms`). */
  lessThan?: true;
  /** The responder's AS as an AS lookup printed it (`traceroute -A`/`-a`), e.g. `AS2497`. */
  as?: string;
}

/**
 * All probes sent with one TTL, in the order sent. Several routers may answer one TTL (load
 * balancing): each probe carries the address that answered it.
 */
export interface TraceHop {
  ttl: number;
  probes: TraceProbe[];
  /** Text printed for the hop besides probes, e.g. "Request timed out." */
  note: string | null;
}

/** A parsed route trace. */
export interface TraceResult {
  tool: TraceTool;
  /** The target as given (name or address); tracepath prints none. */
  target: string | null;
  /** The target's address. */
  address: string | null;
  family: 4 | 6 | null;
  maxHops: number | null;
  /** Path MTU tracepath discovered; null for other tools. */
  pmtu: number | null;
  hops: TraceHop[];
  /** True when the target itself answered. */
  reached: boolean;
  /** False when the output looks cut short (no final hop, summary or "Trace complete"). */
  complete: boolean;
  /** Lines the tool printed about itself: warnings, unknown host, general failure. */
  messages: string[];
}

/**
 * The shapes of a parsed ping run, shared by the per-OS ping parsers.
 *
 * @module
 */
import type { PingErrorKind } from "./icmp_text.ts";

/** Which ping program wrote the output. */
export type PingFlavor = "iputils" | "busybox" | "bsd" | "windows";

/** One echo reply. */
export interface PingReply {
  /** Sequence number as printed; Windows prints none. */
  seq: number | null;
  /** Who answered, when printed. */
  from: string | null;
  /** Round-trip time in milliseconds. Windows `<1ms` is 0 with `lessThan: true`, as in its own summary. */
  rttMs: number;
  /** TTL (IPv4) or hop limit (IPv6); Windows prints none for IPv6. */
  ttl: number | null;
  /** A second answer to the same request (`DUP!`): not counted as received. */
  duplicate: boolean;
  /** Set when the time was printed as an upper bound (`time<1ms`). */
  lessThan?: true;
}

/** An ICMP error reply, or a failure ping printed about itself. */
export interface PingError {
  kind: PingErrorKind;
  /** The router or host that sent the ICMP error; null for local failures. */
  from: string | null;
  seq: number | null;
  /** The MTU quoted by a "fragmentation needed" / "packet too big" message. */
  mtu: number | null;
  /** The message as printed. */
  text: string;
}

/** Round-trip statistics in milliseconds. */
export interface PingRtt {
  minMs: number;
  avgMs: number;
  maxMs: number;
  /** iputils `mdev` or BSD `stddev` as printed; null when the tool prints none. */
  stddevMs: number | null;
  /** `summary`: the tool's own statistics line; `replies`: computed from the reply lines. */
  source: "summary" | "replies";
}

/** The statistics block as the tool printed it. */
export interface PingReported {
  sent: number;
  /** As printed: Windows counts ICMP error replies here too. */
  received: number;
  /** Duplicate replies the tool counted (`+3 duplicates`). */
  duplicates: number;
  lossPercent: number | null;
}

/** A parsed ping run. */
export interface PingResult {
  flavor: PingFlavor;
  /** The target as given (name or address). */
  target: string | null;
  /** The address pinged. */
  address: string | null;
  family: 4 | 6 | null;
  /** ICMP payload size requested (56 on Unix, 32 on Windows by default). */
  payloadBytes: number | null;
  replies: PingReply[];
  /** Requests reported as unanswered line by line (Windows, macOS, iputils `-O`). */
  timeouts: number;
  errors: PingError[];
  /** Requests sent; estimated from the lines seen when the statistics are missing. */
  sent: number | null;
  /** Genuine echo replies: duplicates and ICMP errors are not counted. */
  received: number;
  duplicates: number;
  /** 100 × (sent − received) / sent, rounded to 0.001. */
  lossPercent: number | null;
  rtt: PingRtt | null;
  /**
   * Mean absolute difference of consecutive reply RTTs, in ms (RFC 3550 §6.4.1's D, averaged
   * plainly instead of RFC 3550's 1/16 exponential smoothing). Null with fewer than 2 replies.
   */
  jitterMs: number | null;
  reported: PingReported | null;
  /** False when the statistics block is missing (output cut short). */
  complete: boolean;
  /**
   * The RTT of each request in the order sent, in ms; null where no genuine reply came.
   * Placed by sequence number (iputils counts from 1, BSD and busybox from 0) or, where
   * the tool prints none (Windows), by the order of the lines. Length: requests sent;
   * empty when replies were counted but not printed (`ping -q`), so their times are unknown.
   */
  samples: (number | null)[];
}

/** What a per-OS ping parser hands to the common finishing step. */
export interface PingLines {
  flavor: PingFlavor;
  target: string | null;
  address: string | null;
  payloadBytes: number | null;
  replies: PingReply[];
  timeouts: number;
  errors: PingError[];
  reported: PingReported | null;
  /** Statistics from the tool's summary line. */
  rtt: Omit<PingRtt, "source"> | null;
  /**
   * One entry per request in the order printed, for tools that print no sequence number
   * (Windows): the reply's RTT, or null for a timeout or a per-request error line.
   */
  ordered?: (number | null)[];
  /**
   * Lines only ping prints: a header, a reply with a sequence number or TTL, statistics, a
   * message of ping about itself, an ICMP error it names. Timeouts and blank lines are not.
   */
  anchors: number;
}

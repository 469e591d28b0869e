/**
 * DNS messages on the wire, encoded and decoded by `npm:dns-packet`: the one query the kit
 * sends (recursion desired, the AD bit set to ask for the validation verdict, RFC 6840 §5.7,
 * and an EDNS(0) OPT record offering 1232-byte UDP answers, the size DNS Flag Day 2020 chose
 * to avoid fragmentation) and what the kit reads from an answer.
 *
 * @module
 */
// @ts-types="./dns_packet.d.ts"
import * as packet from "dns-packet";
import { Buffer } from "node:buffer";

/** Record types the kit asks for. */
export const QUERY_TYPES = ["A", "AAAA"] as const;
/** One record type the kit asks for. */
export type QueryType = typeof QUERY_TYPES[number];

/** The header flags of an answer that are evidence. */
export interface DnsFlags {
  /** Authoritative answer. */
  aa: boolean;
  /** Truncated: the answer did not fit (the client then asks over TCP). */
  tc: boolean;
  /** Recursion desired (echoed). */
  rd: boolean;
  /** Recursion available: the server is a recursive resolver. */
  ra: boolean;
  /** Authentic data: the resolver validated the answer with DNSSEC. */
  ad: boolean;
  /** Checking disabled (echoed). */
  cd: boolean;
}

/** What the kit reads from one answer. */
export interface DnsAnswer {
  id: number;
  /** `NOERROR`, `NXDOMAIN`, `SERVFAIL`, `REFUSED`, `FORMERR`, `NOTIMP`, … */
  rcode: string;
  flags: DnsFlags;
  /** The question as echoed, lower-case without the trailing dot; null when absent. */
  question: { name: string; type: string } | null;
  /** Addresses of the asked type, in the order given. */
  addresses: string[];
  /** Names the answer went through (CNAME targets), in order. */
  cnames: string[];
  /** The smallest TTL among the addresses, seconds; null without addresses. */
  ttl: number | null;
  /** True when the answer carried an OPT record (the server speaks EDNS). */
  edns: boolean;
}

/** Options of {@link encodeQuery}. */
export interface QueryOptions {
  /** Add the EDNS(0) OPT record (default true). */
  edns?: boolean;
}

/**
 * Encodes one query.
 *
 * @example
 * ```ts
 * import { encodeQuery } from "./dns_message.ts";
 * encodeQuery(0x1234, "example.com", "AAAA").length; // 40 (29 without the OPT record)
 * ```
 */
export function encodeQuery(
  id: number,
  name: string,
  type: QueryType,
  opts: QueryOptions = {},
): Uint8Array {
  return new Uint8Array(packet.encode({
    type: "query",
    id,
    flags: packet.RECURSION_DESIRED | packet.AUTHENTIC_DATA,
    questions: [{ type, name, class: "IN" }],
    ...(opts.edns === false ? {} : {
      additionals: [{
        type: "OPT",
        name: ".",
        udpPayloadSize: 1232,
        extendedRcode: 0,
        ednsVersion: 0,
        flags: 0,
        flag_do: false,
        options: [],
      }],
    }),
  }));
}

/**
 * Decodes an answer to a query of `type`.
 *
 * @throws {Error} when `bytes` is not a DNS response
 * @example
 * ```ts
 * import { decodeAnswer, encodeQuery } from "./dns_message.ts";
 * try {
 *   decodeAnswer(encodeQuery(1, "example.com", "A"), "A");
 * } catch (e) {
 *   (e as Error).message; // "Not a DNS response: the QR bit is clear"
 * }
 * ```
 */
export function decodeAnswer(bytes: Uint8Array, type: QueryType): DnsAnswer {
  let p: packet.DecodedPacket;
  try {
    p = packet.decode(Buffer.from(bytes));
  } catch (e) {
    throw new Error(`Not a DNS response: ${(e as Error).message}`);
  }
  if (!p.flag_qr) throw new Error("Not a DNS response: the QR bit is clear");
  const records = p.answers ?? [];
  const addresses: string[] = [];
  const cnames: string[] = [];
  let ttl: number | null = null;
  for (const r of records) {
    if (r.type === type && typeof r.data === "string") {
      addresses.push(r.data);
      ttl = Math.min(ttl ?? Infinity, r.ttl ?? 0);
    } else if (r.type === "CNAME" && typeof r.data === "string") cnames.push(norm(r.data));
  }
  const q = p.questions?.[0];
  return {
    id: p.id ?? 0,
    rcode: p.rcode,
    flags: {
      aa: p.flag_aa,
      tc: p.flag_tc,
      rd: p.flag_rd,
      ra: p.flag_ra,
      ad: p.flag_ad,
      cd: p.flag_cd,
    },
    question: q ? { name: norm(q.name), type: q.type } : null,
    addresses,
    cnames,
    ttl,
    edns: (p.additionals ?? []).some((a) => a.type === "OPT"),
  };
}

function norm(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

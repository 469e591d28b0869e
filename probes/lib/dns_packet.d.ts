/**
 * The part of `npm:dns-packet`'s API the kit uses, typed here: the package ships no types,
 * and `@types/dns-packet` pulls in `@types/node`, whose declarations would replace Deno's
 * own `node:` types across the whole program.
 *
 * @module
 */
import type { Buffer } from "node:buffer";

/** A question: a name and a record type. */
export interface Question {
  type: string;
  name: string;
  class?: string;
}

/** A resource record; `data` is the address text of A and AAAA records. */
export interface Answer {
  type: string;
  name: string;
  ttl?: number;
  class?: string;
  data?: unknown;
  /** OPT (EDNS) records only. */
  udpPayloadSize?: number;
  extendedRcode?: number;
  ednsVersion?: number;
  flags?: number;
  flag_do?: boolean;
  options?: unknown[];
}

/** A message to encode. */
export interface Packet {
  type?: "query" | "response";
  id?: number;
  /** Header flag bits, e.g. `RECURSION_DESIRED | AUTHENTIC_DATA`. */
  flags?: number;
  questions?: Question[];
  answers?: Answer[];
  additionals?: Answer[];
  authorities?: Answer[];
}

/** A decoded message, with its header flags spelt out. */
export interface DecodedPacket extends Packet {
  rcode: string;
  flag_qr: boolean;
  flag_aa: boolean;
  flag_tc: boolean;
  flag_rd: boolean;
  flag_ra: boolean;
  flag_z: boolean;
  flag_ad: boolean;
  flag_cd: boolean;
}

export const RECURSION_DESIRED: number;
export const RECURSION_AVAILABLE: number;
export const AUTHENTIC_DATA: number;
export const TRUNCATED_RESPONSE: number;

/** Encodes one message. */
export function encode(packet: Packet): Buffer;
/** Decodes one message. Throws on bytes that are not one. */
export function decode(buf: Buffer): DecodedPacket;

/**
 * Why a speed measurement could not go on, as a kind the result records and a message
 * that names the server and what happened.
 *
 * @module
 */

/** What went wrong, as recorded in results. */
export type SpeedErrorKind =
  | "unreachable"
  | "refused"
  | "timeout"
  | "tls"
  | "reset"
  | "closed"
  | "malformed"
  | "wrong-length"
  | "status"
  | "not-kiriwake"
  | "stalled"
  | "aborted";

/** Every error kind, for schemas. */
export const SPEED_ERROR_KINDS: readonly SpeedErrorKind[] = [
  "unreachable",
  "refused",
  "timeout",
  "tls",
  "reset",
  "closed",
  "malformed",
  "wrong-length",
  "status",
  "not-kiriwake",
  "stalled",
  "aborted",
];

/** A failure of the speed test protocol or of the connection under it. */
export class SpeedError extends Error {
  /** The kind recorded in results. */
  readonly kind: SpeedErrorKind;
  /** @param kind what went wrong @param message names the server and the detail */
  constructor(kind: SpeedErrorKind, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "SpeedError";
    this.kind = kind;
  }
}

/** Maps what Deno throws on a socket to a {@link SpeedError}; keeps SpeedErrors. */
export function toSpeedError(e: unknown, where: string): SpeedError {
  if (e instanceof SpeedError) return e;
  const msg = e instanceof Error ? e.message.replace(/\s*\(os error \d+\)$/, "") : String(e);
  const kind: SpeedErrorKind = e instanceof Deno.errors.ConnectionRefused
    ? "refused"
    : e instanceof Deno.errors.ConnectionReset || e instanceof Deno.errors.BrokenPipe ||
        e instanceof Deno.errors.ConnectionAborted
    ? "reset"
    : e instanceof Deno.errors.TimedOut
    ? "timeout"
    : e instanceof Deno.errors.BadResource || e instanceof Deno.errors.Interrupted
    ? "aborted"
    : e instanceof Deno.errors.UnexpectedEof
    ? "closed"
    : /unreachable|no route|network is down/i.test(msg)
    ? "unreachable"
    : /certificate|tls|handshake|alert/i.test(msg)
    ? "tls"
    : "reset";
  return new SpeedError(kind, `${where}: ${msg}`, { cause: e });
}

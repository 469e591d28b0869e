/**
 * The shapes the watch history stores and returns: sessions with their control, gaps, and
 * the limits on its size.
 *
 * @module
 */

/** A session as created. */
export interface NewSession {
  id: string;
  startedAt: number;
  /** When it should end (ms); null: until stopped. */
  untilAt: number | null;
  everyMs: number;
  /** Everything else the watch needs to resume and report (JSON). */
  settings: Record<string, unknown>;
}

/** A session as stored, with its control state. */
export interface SessionRow extends NewSession {
  endedAt: number | null;
  endReason: string | null;
  pausedUntil: number | null;
  stopRequested: boolean;
  pid: number | null;
  heartbeatAt: number | null;
  nextAt: number | null;
}

/** What can change on a session after it starts. */
export type SessionPatch = Partial<
  Pick<
    SessionRow,
    | "untilAt"
    | "endedAt"
    | "endReason"
    | "pausedUntil"
    | "stopRequested"
    | "pid"
    | "heartbeatAt"
    | "nextAt"
  >
>;

/** A span the watch did not measure. */
export interface Gap {
  from: number;
  to: number;
  /** `paused`, `asleep` (a clock jump or a late wake-up), `restart`. */
  reason: string;
}

/** Limits on the history's size. */
export interface StoreLimits {
  maxBytes: number;
  maxAgeDays: number;
}

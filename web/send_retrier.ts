/**
 * While the app is open, reports waiting in the queue are retried in the background: all of
 * them soon after start (the start of the kit), then every so often each one whose backoff
 * says it is due — and never while a check is measuring (an upload would disturb it).
 *
 * @module
 */
import { deliverPending, type SendEnv } from "../session/send/deliver.ts";

/** A background retry loop. */
export class SendRetrier {
  readonly #env: SendEnv;
  readonly #everyMs: number;
  readonly #paused: () => boolean;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #current: Promise<void> | null = null;
  readonly #abort = new AbortController();

  /**
   * @param everyMs how often to look at the queue
   * @param paused true while a check is measuring
   */
  constructor(env: SendEnv, everyMs: number, paused: () => boolean) {
    if (!(everyMs > 0)) throw new RangeError(`SendRetrier: everyMs must be positive: ${everyMs}`);
    this.#env = env;
    this.#everyMs = everyMs;
    this.#paused = paused;
  }

  /** Starts looking: the first time (every waiting report) after `firstMs`. */
  start(firstMs = 2_000): void {
    this.#schedule(firstMs, true);
  }

  /**
   * One pass over the due entries, or all of them with `force` (skipped while paused or
   * still busy).
   */
  tick(force = false): Promise<void> {
    if (this.#current || this.#paused() || this.#abort.signal.aborted) {
      return this.#current ?? Promise.resolve();
    }
    this.#current = deliverPending(this.#env, { force, signal: this.#abort.signal })
      .then(() => {}, () => {})
      .finally(() => (this.#current = null));
    return this.#current;
  }

  /** Stops the loop and waits for a pass in flight (its uploads are aborted). */
  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#abort.abort();
    await this.#current;
  }

  #schedule(ms: number, force = false): void {
    if (this.#abort.signal.aborted) return;
    this.#timer = setTimeout(async () => {
      // Paused by a measurement, the start's pass waits for the next turn, still forced.
      const missed = force && this.#paused();
      await this.tick(force);
      this.#schedule(this.#everyMs, missed);
    }, ms);
  }
}

/**
 * Token buckets per key (a source address, a licence id): `perMinute` tokens a minute, up
 * to `burst` at once. Memory stays bounded: past `maxKeys` the least recently used keys are
 * forgotten (a forgotten key starts again with a full bucket, which only ever errs toward
 * letting a customer through). Per instance: behind a load balancer over N instances a
 * client gets up to N times the limit; the load balancer's own limit is the global one.
 *
 * @example
 * ```ts
 * const limit = new RateLimiter({ perMinute: 60, burst: 2 });
 * limit.take("10.0.0.1").ok; // true
 * limit.take("10.0.0.1").ok; // true
 * limit.take("10.0.0.1"); // { ok: false, retryAfterS: 1 }
 * ```
 *
 * @module
 */

/** Options of a {@link RateLimiter}. */
export interface RateLimitOptions {
  /** Sustained rate; 0 turns the limit off. */
  perMinute: number;
  /** Most requests at once. */
  burst: number;
  /** Most keys remembered. */
  maxKeys?: number;
  /** Milliseconds, monotonic; injected by tests. */
  now?: () => number;
}

/** The verdict on one request. */
export type RateVerdict = { ok: true } | { ok: false; retryAfterS: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets by key. */
export class RateLimiter {
  readonly #perMs: number;
  readonly #burst: number;
  readonly #maxKeys: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  /** @throws {RangeError} for a negative rate or a burst below 1 */
  constructor(opts: RateLimitOptions) {
    if (!(opts.perMinute >= 0) || !(opts.burst >= 1)) {
      throw new RangeError(
        `A rate limit needs perMinute ≥ 0 and burst ≥ 1: got ${opts.perMinute}/${opts.burst}`,
      );
    }
    this.#perMs = opts.perMinute / 60_000;
    this.#burst = opts.burst;
    this.#maxKeys = opts.maxKeys ?? 100_000;
    this.#now = opts.now ?? (() => performance.now());
  }

  /** Takes one token for `key`. */
  take(key: string): RateVerdict {
    if (this.#perMs === 0) return { ok: true };
    const now = this.#now();
    const b = this.#buckets.get(key) ?? { tokens: this.#burst, at: now };
    b.tokens = Math.min(this.#burst, b.tokens + (now - b.at) * this.#perMs);
    b.at = now;
    // Re-insert: the Map's order is the recency order.
    this.#buckets.delete(key);
    this.#buckets.set(key, b);
    if (this.#buckets.size > this.#maxKeys) {
      this.#buckets.delete(this.#buckets.keys().next().value!);
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - b.tokens) / this.#perMs / 1000)) };
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.#buckets.size;
  }
}

/**
 * Staff passwords, hashed with scrypt (RFC 7914), a memory-hard key derivation function, from
 * `node:crypto`. The default cost is one of OWASP's recommended scrypt settings (Password
 * Storage Cheat Sheet, 2023): N = 2^15 (32 MiB of memory per hash), r = 8, p = 3, a 16-byte
 * random salt and a 32-byte key. The parameters are stored with each hash
 * (`scrypt$N=32768,r=8,p=3$<salt>$<key>`, base64), so a later collector can raise them and
 * re-hash an account at its next sign-in ({@link needsRehash}).
 *
 * This is the collector's only password code; the kit's signatures and digests live in
 * `util/crypto.ts`.
 *
 * @example
 * ```ts
 * import { hashPassword, verifyPassword, TEST_PARAMS } from "./password.ts";
 * const stored = await hashPassword("correct horse battery", TEST_PARAMS);
 * await verifyPassword("correct horse battery", stored); // true
 * await verifyPassword("wrong", stored); // false
 * ```
 *
 * @module
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/** scrypt's cost parameters. */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelisation. */
  p: number;
}

/** The production cost (OWASP): 32 MiB and about 0.1–0.3 s of one core per hash. */
export const DEFAULT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };

/** A cheap cost for tests only (never for real accounts). */
export const TEST_PARAMS: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const FORMAT = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+=*)\$([A-Za-z0-9+/]+=*)$/;

/** The shortest password the console accepts. */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest (scrypt takes any length; this bounds the work a request can ask for). */
export const MAX_PASSWORD_LENGTH = 512;

function derive(password: string, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize("NFKC"),
      salt,
      KEY_BYTES,
      { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 },
      (e, key) => e ? reject(e) : resolve(key),
    )
  );
}

/**
 * Hashes `password` with a fresh salt.
 *
 * @throws {RangeError} when the password is longer than {@link MAX_PASSWORD_LENGTH}
 */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_PARAMS,
): Promise<string> {
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new RangeError(`A password is at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString("base64")}$${
    key.toString("base64")
  }`;
}

/** Checks `password` against a stored hash in constant time. False for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (!m || password.length > MAX_PASSWORD_LENGTH) return false;
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (params.N > 2 ** 20 || params.r > 32 || params.p > 16) return false;
  const want = Buffer.from(m[5], "base64");
  const got = await derive(password, Buffer.from(m[4], "base64"), params);
  return got.length === want.length && timingSafeEqual(got, want);
}

/** True when `stored` was made with a lower cost than `params` (re-hash at next sign-in). */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_PARAMS): boolean {
  const m = FORMAT.exec(stored);
  if (!m) return true;
  return Number(m[1]) < params.N || Number(m[2]) < params.r || Number(m[3]) < params.p;
}

let dummy: Promise<string> | null = null;

/**
 * Spends the time of one verification for an account that does not exist, so a sign-in
 * does not tell by its speed whether a name is known.
 */
export async function verifyNobody(password: string, params = DEFAULT_PARAMS): Promise<void> {
  dummy ??= hashPassword("kiriwake: no such account", params);
  await verifyPassword(password, await dummy);
}

/**
 * A random password to hand to a new or reset account (20 characters of an alphabet without
 * look-alikes; about 113 bits).
 */
export function randomPassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679";
  const out: string[] = [];
  while (out.length < 20) {
    for (const b of randomBytes(32)) {
      if (b < 250 && out.length < 20) out.push(alphabet[b % 50]);
    }
  }
  return out.join("");
}

/**
 * The status document the collector serves, read from a file the provider signs offline
 * (`kiriwake collector status sign`): served byte for byte at `GET /v1/status`, and its
 * revoked licences refused as tenants. Re-read when the file changes, so publishing a new
 * document needs no restart; a broken new file is reported and the last good one stays.
 *
 * Requires `--allow-read` on the file.
 *
 * @module
 */
import { readStatus, type StatusPayload } from "../consent/status_document.ts";
import type { VerifyKey } from "../util/crypto.ts";

/** The document as loaded. */
export interface LoadedStatus {
  /** The exact bytes to serve. */
  text: string;
  payload: StatusPayload;
  revoked: ReadonlySet<string>;
}

/** A status file watched by modification time. */
export class StatusFile {
  readonly path: string | null;
  readonly #keys: readonly VerifyKey[] | null;
  #loaded: LoadedStatus | null = null;
  #mtime = -1;

  /**
   * @param path the file, or null to serve none
   * @param keys the status public keys to verify with (the brand's); null trusts the
   *   provider's own file unverified (a brand without status keys)
   */
  constructor(path: string | null, keys: readonly VerifyKey[] | null) {
    this.path = path;
    this.#keys = keys;
  }

  /** The current document, or null when there is none. */
  get current(): LoadedStatus | null {
    return this.#loaded;
  }

  /** Revoked licence ids of the current document. */
  revoked(): ReadonlySet<string> {
    return this.#loaded?.revoked ?? EMPTY;
  }

  /**
   * Reads the file when it changed. Returns null when all is well, else a message
   * (missing file, bad signature, invalid payload) — the previous document stays in force.
   */
  async refresh(): Promise<string | null> {
    if (!this.path) return null;
    let stat: Deno.FileInfo;
    try {
      stat = await Deno.stat(this.path);
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) {
        this.#loaded = null;
        this.#mtime = -1;
        return null;
      }
      return `Cannot read the status document "${this.path}": ${(e as Error).message}`;
    }
    const mtime = stat.mtime?.getTime() ?? 0;
    if (mtime === this.#mtime && this.#loaded) return null;
    const text = await Deno.readTextFile(this.path);
    const evidence = await readStatus(text, this.#keys);
    if (evidence.state === "rejected") {
      return `The status document "${this.path}" is not used (${evidence.problem}): ${evidence.detail}`;
    }
    this.#mtime = mtime;
    this.#loaded = {
      text,
      payload: evidence.payload,
      revoked: new Set(evidence.payload.revokedLicences),
    };
    return null;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

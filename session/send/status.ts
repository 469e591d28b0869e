/**
 * The provider's signed status document, as the kit uses it: fetched from the brand's
 * collector (`GET …/v1/status`, through the certificate pin, within a few seconds), verified
 * against `brand.status.publicKeys`, and kept in the data folder until it expires, so a
 * suspension learnt online still holds offline. Offline with nothing cached, the kit works as
 * before. A document older than the one kept never replaces it.
 *
 * The request carries nothing about the customer: no licence, no report, no identifier —
 * only what any HTTPS request carries (the address it comes from, the time, and the kit's
 * name and version in `User-Agent`). The licence is checked against the list here.
 *
 * @module
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Brand } from "../../brand/schema.ts";
import type { LicenceStatus } from "../../consent/licence_status.ts";
import {
  announcements,
  evaluateStatus,
  type KitFacts,
  revokedText,
  type StatusMeaning,
} from "../../consent/status_check.ts";
import { readStatus, type StatusPayload } from "../../consent/status_document.ts";
import { atomicWrite } from "../../util/atomic_write.ts";
import { importVerifyKeys } from "../../util/crypto.ts";
import type { Localized } from "../../util/text.ts";
import { VERSION } from "../../util/version.ts";
import { fetchStatusText, type Requester } from "./collector_client.ts";
import { destinationsOf } from "./plan.ts";

/** The cached document's file name in the data folder. */
export const STATUS_CACHE_FILE = "status.json";

/** What the kit learnt. */
export type StatusResult =
  | { source: "none"; why: string }
  | { source: "fetched" | "cached"; payload: StatusPayload; meaning: StatusMeaning; why?: string };

/** What a check needs. */
export interface StatusInput {
  brand: Brand;
  dataDir: string;
  now: Date;
  /** The installed, verified licence's own id. */
  licenceId?: string;
  /** How long to wait for the collector, ms (default 4 s). */
  timeoutMs?: number;
  request?: Requester;
}

/**
 * Fetches (or falls back to the cached) status document and evaluates it. Never throws for
 * the network or a bad document; a brand without status keys or collector fetches nothing.
 * Requires `--allow-net` and read/write on the data folder.
 */
export async function checkStatus(input: StatusInput): Promise<StatusResult> {
  const { brand, now } = input;
  if (brand.status.publicKeys.length === 0 || brand.collector.urls.length === 0) {
    return { source: "none", why: "this kit has no status keys or collector" };
  }
  const keys = await importVerifyKeys(brand.status.publicKeys, "status.publicKeys");
  const usable = async (text: string) => {
    const ev = await readStatus(text, keys);
    if (ev.state !== "ok") return `${ev.problem}: ${ev.detail}`;
    if (ev.payload.product !== brand.id) return `for product "${ev.payload.product}"`;
    if (Date.parse(ev.payload.expiresAt) <= now.getTime()) return "expired";
    return ev.payload;
  };
  const cachePath = join(input.dataDir, STATUS_CACHE_FILE);
  const cachedText = await Deno.readTextFile(cachePath).catch(() => null);
  const cached = cachedText ? await usable(cachedText) : "none cached";
  let why = "";
  for (const dest of destinationsOf(brand, { urls: brand.collector.urls, brandPin: true })) {
    const got = await fetchStatusText(dest, input.timeoutMs ?? 4000, input.request);
    if ("problem" in got) {
      why = got.problem;
      continue;
    }
    const fresh = await usable(got.text);
    if (typeof fresh === "string") {
      why = `${dest.url}: the status document is not usable (${fresh})`;
      continue;
    }
    if (typeof cached !== "string" && Date.parse(cached.issuedAt) > Date.parse(fresh.issuedAt)) {
      why = `${dest.url}: served an older status document than the one kept`;
      break;
    }
    await mkdir(input.dataDir, { recursive: true, mode: 0o700 }).catch(() => {});
    await atomicWrite(cachePath, got.text, 0o600).catch(() => {});
    return { source: "fetched", payload: fresh, meaning: evaluateStatus(fresh, kitFacts(input)) };
  }
  if (typeof cached !== "string") {
    return {
      source: "cached",
      payload: cached,
      meaning: evaluateStatus(cached, kitFacts(input)),
      why,
    };
  }
  return { source: "none", why: why || cached };
}

function kitFacts(input: StatusInput): KitFacts {
  return {
    product: input.brand.id,
    version: VERSION,
    termsVersion: input.brand.terms.version,
    ...(input.licenceId ? { licenceId: input.licenceId } : {}),
  };
}

/** The kit facts of a brand and licence, for the announcements. */
export function kitFactsOf(brand: Brand, licenceId?: string): KitFacts {
  return kitFacts({ brand, dataDir: "", now: new Date(0), licenceId });
}

/** What a face does with the status at start: refuse to measure, or announce. */
export interface StatusVerdict {
  /** Set when the installed licence is suspended: nothing may be measured (exit 3). */
  refusal: Localized | null;
  /** New version, new terms, notices: one line each. */
  announcements: Localized[];
  result: StatusResult;
}

/**
 * Checks the status for a run with `licence` (the run's licence block): the verdict both
 * faces act on. Never throws for the network.
 */
export async function statusVerdict(
  input: Omit<StatusInput, "licenceId"> & { licence: LicenceStatus },
): Promise<StatusVerdict> {
  const licenceId = input.licence.status === "valid" ? input.licence.id : undefined;
  const result = await checkStatus({ ...input, licenceId });
  if (result.source === "none") return { refusal: null, announcements: [], result };
  const kit = kitFactsOf(input.brand, licenceId);
  return {
    refusal: result.meaning.revoked && licenceId ? revokedText(licenceId) : null,
    announcements: announcements(result.meaning, kit),
    result,
  };
}

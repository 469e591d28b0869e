/**
 * What a send would do, before the customer is asked: the verified report, where it goes
 * (and through which pin), the ticket, whether the licence goes with it, and a preview of
 * what leaves the device — what the consent shows and what `send --dry-run` prints. Nothing
 * is written or sent here.
 *
 * @module
 */
import type { Brand } from "../../brand/schema.ts";
import { licencePath, readTokenText } from "../../consent/licence_store.ts";
import { verifyLicenceToken } from "../../consent/licence_token.ts";
import type { Report } from "../../report/schema.ts";
import { receiptsOf } from "../../report/send_record.ts";
import { DEFAULT_MAX_UPLOAD_BYTES, ticketSchema } from "../../report/upload_schema.ts";
import { readVerifiedReport } from "../../report/verify.ts";
import { collectorUrlProblem, isLoopbackHost, originOf } from "../../util/collector_url.ts";
import { importVerifyKeys } from "../../util/crypto.ts";
import type { DataCategory } from "../../util/data_categories.ts";
import { InvalidInputError, UsageError } from "../../util/errors.ts";
import type { Localized } from "../../util/text.ts";
import type { Destination } from "./collector_client.ts";

/** Where a send goes. */
export interface Route {
  /** Base URLs, tried in order; the first is the one shown. */
  urls: string[];
  /** True when they are the brand's own, so its certificate pin applies. */
  brandPin: boolean;
}

/** What leaves the device, as the consent and the dry run show it. */
export interface SendPreview {
  destination: string;
  /** The brand's further collector URLs, tried when the first cannot be reached. */
  alternates: string[];
  /** How the destination is authenticated. */
  trust: "pinned-ca" | "pinned-key" | "pinned-ca-and-key" | "system-roots" | "this-computer";
  reportId: string;
  createdAt: string;
  headline: Localized;
  digest: string;
  granted: DataCategory[];
  refused: DataCategory[];
  /** Identifiers masked in the report, by kind. */
  masked: Record<string, number>;
  ticket: string | null;
  /** The installed licence goes too (its licensee id), so the provider knows the contract. */
  licence: { licensee: string; id: string } | null;
  /** Receipts this report already has. */
  earlierReceipts: string[];
}

/** A send ready to be consented to. */
export interface SendPlan {
  report: Report;
  reportPath: string;
  route: Route;
  ticket?: string;
  /** The licence token's text when a valid licence is installed. */
  licenceText?: string;
  preview: SendPreview;
}

/**
 * The route of a send: `--to URL`, else the brand's collector URLs.
 *
 * @throws {UsageError} for a `--to` that is not an allowed collector URL, or no collector
 *   at all
 */
export function routeOf(brand: Brand, to?: string): Route {
  if (to !== undefined) {
    const why = collectorUrlProblem(to);
    if (why) {
      throw new UsageError({
        ja: `--to "${to}" には送れません: ${why}`,
        en: `Cannot send to --to "${to}": ${why}`,
      });
    }
    const own = brand.collector.urls.some((u) => originOf(u) === originOf(to));
    return { urls: [to], brandPin: own };
  }
  if (brand.collector.urls.length === 0) {
    throw new UsageError({
      ja: "このキットには送信先が設定されていません。--to URL で送信先を指定してください",
      en: "This kit names no collector to send to; name one with --to URL",
    });
  }
  return { urls: [...brand.collector.urls], brandPin: true };
}

/** The destinations of `route`, each with the pin that applies to it. */
export function destinationsOf(brand: Brand, route: Route): Destination[] {
  const pin = route.brandPin && brand.collector.pin ? brand.collector.pin : null;
  return route.urls.map((url) => ({ url, pin: url.startsWith("https:") ? pin : null }));
}

/** What the kit reads to plan a send. */
export interface PlanInput {
  brand: Brand;
  /** The per-user config directory (the installed licence). */
  configDir: string;
  reportPath: string;
  to?: string;
  ticket?: string;
}

/**
 * Plans a send: verifies the report, resolves the route, checks the ticket, reads the
 * licence. Requires `--allow-read`.
 *
 * @throws {InvalidInputError} when the report is not a valid report or is too large
 * @throws {UsageError} for a bad ticket or destination
 */
export async function planSend(input: PlanInput): Promise<SendPlan> {
  const { brand } = input;
  const route = routeOf(brand, input.to);
  if (input.ticket !== undefined && !ticketSchema.safeParse(input.ticket).success) {
    throw new UsageError({
      ja: "--ticket は制御文字を含まない 1〜64 文字で指定してください",
      en: "--ticket must be 1–64 characters without control characters",
    });
  }
  const size = await Deno.stat(input.reportPath).then((s) => s.size).catch(() => 0);
  if (size > DEFAULT_MAX_UPLOAD_BYTES) {
    throw new InvalidInputError({
      ja: `レポート "${input.reportPath}" は大きすぎて送れません (${size} バイト)`,
      en: `Report "${input.reportPath}" is too large to send (${size} bytes)`,
    });
  }
  const report = await readVerifiedReport(input.reportPath);
  const licence = await installedLicence(brand, input.configDir);
  const pin = route.brandPin ? brand.collector.pin : undefined;
  const first = new URL(route.urls[0]);
  const trust = first.protocol === "http:" && isLoopbackHost(first.hostname)
    ? "this-computer"
    : !pin
    ? "system-roots"
    : pin.caCerts.length && pin.spkiSha256.length
    ? "pinned-ca-and-key"
    : pin.caCerts.length
    ? "pinned-ca"
    : "pinned-key";
  return {
    report,
    reportPath: input.reportPath,
    route,
    ticket: input.ticket,
    licenceText: licence?.text,
    preview: {
      destination: route.urls[0],
      alternates: route.urls.slice(1),
      trust,
      reportId: report.id,
      createdAt: report.createdAt,
      headline: report.diagnosis.headline.text,
      digest: report.digest.value,
      granted: report.consent.granted,
      refused: report.consent.refused,
      masked: report.redaction.masked,
      ticket: input.ticket ?? null,
      licence: licence ? { licensee: licence.licensee, id: licence.id } : null,
      earlierReceipts: receiptsOf(report),
    },
  };
}

/** The installed licence, when it verifies against the brand's keys. */
async function installedLicence(brand: Brand, configDir: string) {
  const read = await readTokenText(licencePath(configDir));
  if (!("text" in read)) return null;
  const keys = await importVerifyKeys(brand.licence.publicKeys, "licence.publicKeys");
  const ev = await verifyLicenceToken(read.text, keys);
  if (ev.state !== "verified") return null;
  return { text: read.text, licensee: ev.claims.licensee.id, id: ev.claims.id };
}

/**
 * The brand configuration contract: what a provider sets at build time — names, terms,
 * keys, policy switches, default targets. Validated when the kit starts, so a broken brand
 * file fails before anything is shown or measured.
 *
 * @module
 */
import { z } from "zod";
import { decodePublicKey, fromBase64 } from "../util/crypto.ts";
import { collectorUrlProblem } from "../util/collector_url.ts";
import { formatIssues } from "../util/zod_issues.ts";
import { DATA_CATEGORIES } from "../util/data_categories.ts";

const localized = z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict();
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits");

const publicKey = z.string().refine(
  (k) => decodePublicKey(k) !== null,
  "not a base64 Ed25519 public key",
);
const pemCertificate = z.string().regex(
  /^\s*-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*$/,
  "not one PEM certificate",
);
const spkiPin = z.string().refine(
  (s) => fromBase64(s)?.length === 32,
  "not a base64 SHA-256 of a public key (SubjectPublicKeyInfo)",
);

/**
 * Where reports go and how the kit knows it reached the provider and nobody else: the
 * collector's base URL(s) and the pin of its TLS certificate.
 */
export const collectorBrandSchema = z.object({
  /**
   * Base URLs of the provider's collector (`POST …/v1/reports`, `GET …/v1/status`), tried in
   * order. `https://`, or plain `http://` to loopback only. Empty: this build sends nothing
   * unless the customer names a collector with `send --to`.
   */
  urls: z.array(
    z.string().refine((u) => collectorUrlProblem(u) === null, {
      error: (i) => `${collectorUrlProblem(String(i.input))}`,
    }),
  ).max(4),
  /**
   * The pin of the collectors' TLS certificates: the chain must end at one of `caCerts`
   * (PEM; these replace the system's roots for the collector) and/or carry a public key
   * whose SHA-256 (base64 of the SubjectPublicKeyInfo) is in `spkiSha256`. Required when
   * any URL is `https://`.
   */
  pin: z.object({
    caCerts: z.array(pemCertificate).default([]),
    spkiSha256: z.array(spkiPin).default([]),
  }).strict().refine((p) => p.caCerts.length + p.spkiSha256.length > 0, {
    message: "needs at least one CA certificate or public-key hash",
  }).optional(),
  /** The form of receipt codes the collector hands out (`util/receipt.ts`). */
  receiptStyle: z.enum(["alnum", "digits"]).default("alnum"),
}).strict().refine(
  (c) => c.pin !== undefined || c.urls.every((u) => !u.startsWith("https:")),
  { message: "an https:// collector needs a pin (caCerts or spkiSha256)", path: ["pin"] },
);

/** The brand schema. */
export const brandSchema = z.object({
  /** Short id, used in the config directory name: `[a-z0-9-]+`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** The product name shown to customers. */
  product: z.string().min(1),
  /** The provider that ships it. */
  provider: z.string().min(1),
  /** How to reach support, shown with the verdict. */
  support: localized,
  terms: z.object({
    /** Changing it invalidates every earlier acceptance. */
    version: z.string().regex(/^[\w.-]+$/),
    effectiveDate: z.iso.date(),
    text: localized,
    /** SHA-256 (hex) of each text of this version; the kit refuses texts that do not match. */
    sha256: z.object({ ja: sha256Hex, en: sha256Hex }).strict(),
  }).strict(),
  /** Categories a customer may refuse; the rest are required to run at all. */
  optionalCategories: z.array(z.enum(DATA_CATEGORIES)),
  licence: z.object({
    required: z.boolean(),
    /** Ed25519 public keys (base64 SPKI or raw) that sign licence tokens. */
    publicKeys: z.array(publicKey),
    /** How far the customer's clock may be off either side of a licence's validity. */
    clockSkewSeconds: z.number().int().min(0).max(86400).default(300),
  }).strict(),
  plugins: z.object({
    /** What to do with an unsigned manifest. */
    unsigned: z.enum(["refuse", "warn", "allow"]),
    /** Ed25519 public keys (base64 SPKI or raw) that sign manifests. */
    publicKeys: z.array(
      z.string().refine((k) => decodePublicKey(k) !== null, "not a base64 Ed25519 public key"),
    ),
  }).strict(),
  os: z.object({
    supported: z.array(z.enum(["windows", "darwin", "linux"])).min(1),
    /** On an OS outside `supported`: warn and go on, or refuse. */
    elsewhere: z.enum(["warn", "refuse"]),
  }).strict(),
  /** The provider's collector: where `kiriwake send` delivers reports. */
  collector: collectorBrandSchema.default({ urls: [], receiptStyle: "alnum" }),
  /**
   * The provider's signed status document (`GET …/v1/status` of the collector): the keys it
   * is signed with. Empty: the kit never fetches it.
   */
  status: z.object({
    /** Ed25519 public keys (base64 raw or SPKI) that sign status documents. */
    publicKeys: z.array(publicKey),
  }).strict().default({ publicKeys: [] }),
  /**
   * The run configuration used when no `--config` is given. Checked against the run
   * configuration schema (`probes/config.ts`) when the kit loads it and when a build embeds it.
   */
  defaultConfig: z.record(z.string(), z.unknown()),
}).strict();

/** A brand configuration as written. */
export type BrandInput = z.input<typeof brandSchema>;
/** A validated brand configuration. */
export type Brand = z.infer<typeof brandSchema>;

/**
 * Validates a brand configuration (a `BrandInput`, or parsed JSON of one).
 *
 * @throws {TypeError} naming every wrong field
 */
export function loadBrand(input: unknown): Brand {
  const r = brandSchema.safeParse(input);
  if (!r.success) {
    throw new TypeError(`Invalid brand configuration: ${formatIssues(r.error.issues)}`);
  }
  return r.data;
}

/**
 * The brand configuration contract: what a provider sets at build time — names, terms,
 * keys, policy switches, default targets. Validated when the kit starts, so a broken brand
 * file fails before anything is shown or measured.
 *
 * @module
 */
import { z } from "zod";
import { decodePublicKey } from "../util/crypto.ts";
import { formatIssues } from "../util/zod_issues.ts";
import { DATA_CATEGORIES } from "../util/data_categories.ts";

const localized = z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict();
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits");

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
    publicKeys: z.array(
      z.string().refine((k) => decodePublicKey(k) !== null, "not a base64 Ed25519 public key"),
    ),
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

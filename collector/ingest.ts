/**
 * An upload, from bytes to a report ready to store: JSON, the upload envelope, the report
 * against the kit's own schema, its digest, the tenant from the licence, the search
 * columns. Every refusal is an {@link UploadRejected} with the API error code and the path
 * of the field, so the kit (and the provider's logs) can say exactly what was wrong.
 *
 * @module
 */
import { digestOf } from "../report/digest.ts";
import { REPORT_SCHEMA_ID, reportSchema } from "../report/schema.ts";
import { type ApiErrorCode, uploadSchema } from "../report/upload_schema.ts";
import type { VerifyKey } from "../util/crypto.ts";
import { formatIssues, formatPath } from "../util/zod_issues.ts";
import { extractColumns } from "./extract.ts";
import { Scope } from "./scope.ts";
import type { NewReport } from "./store.ts";
import { decideTenant, type TenantDecision } from "./tenant.ts";

/** An upload refused before anything was stored. */
export class UploadRejected extends Error {
  /** The API error code (see `report/upload_schema.ts`). */
  readonly code: ApiErrorCode;
  /** The field, when one field was wrong. */
  readonly path?: string;
  /** @param message English, for the answer and the logs */
  constructor(code: ApiErrorCode, message: string, path?: string) {
    super(message);
    this.name = "UploadRejected";
    this.code = code;
    this.path = path;
  }
}

/** What ingest needs to know besides the bytes. */
export interface IngestContext {
  /** The brand's licence public keys. */
  licenceKeys: readonly VerifyKey[];
  /** The brand id licences must be for. */
  product: string;
  /** Licence ids revoked by the current status document. */
  revoked(): ReadonlySet<string>;
  /** The zone of the stored hour of day. */
  timeZone: string;
}

/** An upload that passed every check. */
export interface PreparedUpload {
  scope: Scope;
  tenant: TenantDecision;
  report: NewReport;
}

const MAX_MESSAGE = 1_000;

/**
 * Checks an upload body and prepares its report for the store.
 *
 * @throws {UploadRejected} with `invalid-json`, `bad-upload`, `schema` or `digest`
 */
export async function prepareUpload(
  bytes: Uint8Array,
  ctx: IngestContext,
): Promise<PreparedUpload> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (e) {
    throw new UploadRejected("invalid-json", `The body is not UTF-8 JSON: ${(e as Error).message}`);
  }
  const up = uploadSchema.safeParse(json);
  if (!up.success) {
    throw new UploadRejected(
      "bad-upload",
      clip(`Not a kiriwake.upload/v1 body: ${formatIssues(up.error.issues)}`),
      formatPath(up.error.issues[0].path) || undefined,
    );
  }
  const raw = up.data.report;
  if (raw.schema !== REPORT_SCHEMA_ID) {
    throw new UploadRejected(
      "schema",
      `report.schema: expected "${REPORT_SCHEMA_ID}", found ${
        clip(JSON.stringify(raw.schema) ?? "nothing", 100)
      }`,
      "report.schema",
    );
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    const path = formatPath(["report", ...parsed.error.issues[0].path]);
    throw new UploadRejected(
      "schema",
      clip(`The report does not match ${REPORT_SCHEMA_ID}: ${formatIssues(parsed.error.issues)}`),
      path,
    );
  }
  const report = parsed.data;
  const actual = await digestOf(report);
  if (actual !== report.digest.value) {
    throw new UploadRejected(
      "digest",
      `report.digest: the report's SHA-256 is ${actual}, not ${report.digest.value}: it was changed after it was written`,
      "report.digest.value",
    );
  }
  const body = JSON.stringify(raw);
  const nul = body.includes("\\u0000") ? findNul(raw, "report") : null;
  if (nul) {
    throw new UploadRejected("schema", `${nul}: contains U+0000, which cannot be stored`, nul);
  }
  const tenant = await decideTenant(up.data.licence, ctx.licenceKeys, ctx.product, ctx.revoked());
  return {
    scope: Scope.tenant(tenant.tenant),
    tenant,
    report: {
      columns: await extractColumns(report, tenant.tenant, ctx.timeZone),
      digest: report.digest.value,
      ticket: up.data.ticket ?? null,
      licenceId: tenant.licenceId,
      deletionSha256: up.data.deletion.sha256,
      body,
      sizeBytes: bytes.length,
    },
  };
}

/** The path of the first string (or key) holding U+0000, or null. */
export function findNul(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const p = findNul(v, `${path}[${i}]`);
      if (p) return p;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) return path;
      const p = findNul(v, `${path}.${k}`);
      if (p) return p;
    }
  }
  return null;
}

function clip(text: string, max = MAX_MESSAGE): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

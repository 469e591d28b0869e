/**
 * Loads a plugin manifest: checks its signature against the brand's keys and policy,
 * validates it strictly, checks ids, reads every plugin file once and checks its SHA-256.
 * The bytes read here are the bytes that run later: nothing is read again between the
 * check and the use. Every problem is collected and reported at once, each with its path and
 * the plugin's id.
 *
 * @module
 */
import { dirname, isAbsolute, resolve } from "node:path";
import { InvalidInputError, RefusedError } from "../util/errors.ts";
import { formatIssues, formatPath } from "../util/zod_issues.ts";
import type { HostJob } from "./host.ts";
import { type Manifest, manifestSchema, type PluginEntry } from "./manifest_schema.ts";
import { checkIds } from "./manifest_ids.ts";
import { type SignatureCheck, signatureFileSchema, verifyManifest } from "./signature.ts";
import { toSandboxJs } from "./transpile.ts";
import { decideTrust, type UnsignedPolicy } from "./trust.ts";
import { workerSource } from "./worker_main.ts";
import type { Localized } from "../util/text.ts";
import { sha256Hex } from "../util/crypto.ts";

/** One verified plugin, ready to become a probe. */
export interface LoadedPlugin {
  entry: PluginEntry;
  /** The publisher's id: the `source` of its results. */
  publisher: string;
  /** Absolute path of the plugin file. */
  file: string;
  /** The verified bytes, the only copy that is ever run. */
  bytes: Uint8Array;
  /** Module plugins: the Worker module made from `bytes`. */
  workerSource?: string;
  /** Module plugins: declared permissions, paths made absolute. */
  permissions?: HostJob["permissions"];
}

/** A verified manifest. */
export interface LoadedManifest {
  path: string;
  sha256: string;
  publisher: Manifest["publisher"];
  plugins: LoadedPlugin[];
  /** Key id that signed it, or null when unsigned. */
  signedBy: string | null;
  /** Things to tell the user (e.g. unsigned plugins allowed with a warning). */
  warnings: Localized[];
}

/** What loading needs from the brand and the registry. */
export interface LoadOptions {
  unsigned: UnsignedPolicy;
  publicKeys: readonly string[];
  builtinIds: ReadonlySet<string>;
  /** Skip the signature (only to sign the manifest anew). */
  ignoreSignature?: boolean;
}

/**
 * Loads and verifies the manifest at `path`. Requires `--allow-read`.
 *
 * @throws {InvalidInputError} when it cannot be read, is invalid, a hash does not match, or
 *   its signature does not verify
 * @throws {RefusedError} when it is unsigned and the brand refuses unsigned manifests
 */
export async function loadManifest(path: string, opts: LoadOptions): Promise<LoadedManifest> {
  const fail = (en: string, ja: string): never => {
    throw new InvalidInputError({
      ja: `プラグイン マニフェスト "${path}" を読み込めません: ${ja}`,
      en: `Cannot load plugin manifest "${path}": ${en}`,
    });
  };
  const bytes = await readOrNull(path);
  if (!bytes) return fail("file not found", "ファイルがありません");

  const signature = opts.ignoreSignature
    ? null
    : await checkSignature(path, bytes, opts.publicKeys, fail);
  const trust = decideTrust(signature, opts.ignoreSignature ? "allow" : opts.unsigned);
  if (!trust.allowed) {
    const text = {
      ja: `プラグイン マニフェスト "${path}": ${trust.reason.ja}`,
      en: `Plugin manifest "${path}": ${trust.reason.en}`,
    };
    throw trust.kind === "refused" ? new RefusedError(text) : new InvalidInputError(text);
  }

  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return fail(
      `not JSON: ${(e as Error).message}`,
      `JSON ではありません: ${(e as Error).message}`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const text = parsed.error.issues.map((i) =>
      formatIssues([{ ...i, path: [] }]).replace(/^\(top level\)/, where(raw, i.path))
    ).join("; ");
    return fail(text, text);
  }
  const manifest = parsed.data;
  const issues = checkIds(manifest, opts.builtinIds);
  const dir = dirname(resolve(path));
  const plugins: LoadedPlugin[] = [];
  for (const [i, entry] of manifest.probes.entries()) {
    const at = `probes[${i}] (${entry.id})`;
    const spec = entry.module ?? entry.command!;
    const kind = entry.module ? "module" : "command";
    const file = resolve(dir, spec.path);
    const code = await readOrNull(file);
    if (!code) {
      issues.push(`${at}.${kind}.path: file "${spec.path}" not found`);
      continue;
    }
    const actual = await sha256Hex(code);
    if (actual !== spec.sha256) {
      issues.push(
        `${at}.${kind}.sha256: "${spec.path}" has SHA-256 ${actual}, the manifest says ${spec.sha256}`,
      );
      continue;
    }
    const plugin: LoadedPlugin = { entry, publisher: manifest.publisher.id, file, bytes: code };
    if (entry.module) {
      try {
        plugin.workerSource = workerSource(
          toSandboxJs(new TextDecoder("utf-8", { fatal: true }).decode(code), spec.path),
        );
      } catch (e) {
        issues.push(`${at}.module.path: ${(e as Error).message}`);
        continue;
      }
      const p = entry.module.permissions;
      const abs = (list: string[]) => list.map((x) => isAbsolute(x) ? x : resolve(dir, x));
      plugin.permissions = {
        net: p.net,
        read: abs(p.read),
        write: abs(p.write),
        env: p.env,
        run: p.run.map((r) => r.includes("/") || r.includes("\\") ? resolve(dir, r) : r),
      };
    }
    plugins.push(plugin);
  }
  if (issues.length > 0) return fail(issues.join("; "), issues.join("; "));
  return {
    path,
    sha256: await sha256Hex(bytes),
    publisher: manifest.publisher,
    plugins,
    signedBy: trust.signedBy,
    warnings: trust.warning ? [trust.warning] : [],
  };
}

/** The path of a manifest's detached signature. */
export function signaturePath(manifestPath: string): string {
  return `${manifestPath}.sig`;
}

async function checkSignature(
  path: string,
  bytes: Uint8Array,
  keys: readonly string[],
  fail: (en: string, ja: string) => never,
): Promise<SignatureCheck | null> {
  const sigPath = signaturePath(path);
  const sigBytes = await readOrNull(sigPath);
  if (!sigBytes) return null;
  let sigRaw: unknown;
  try {
    sigRaw = JSON.parse(new TextDecoder().decode(sigBytes));
  } catch (e) {
    return fail(
      `signature "${sigPath}" is not JSON: ${(e as Error).message}`,
      `署名 "${sigPath}" が JSON ではありません: ${(e as Error).message}`,
    );
  }
  const sig = signatureFileSchema.safeParse(sigRaw);
  if (!sig.success) {
    const text = formatIssues(sig.error.issues);
    return fail(`signature "${sigPath}": ${text}`, `署名 "${sigPath}": ${text}`);
  }
  return await verifyManifest(bytes, sig.data, keys);
}

/** `probes[2] (acme.x).module.sha256` for a zod path into the raw manifest. */
function where(raw: unknown, path: readonly PropertyKey[]): string {
  if (path[0] === "probes" && typeof path[1] === "number") {
    const id = (raw as { probes?: { id?: unknown }[] })?.probes?.[path[1]]?.id;
    const head = `probes[${path[1]}]${typeof id === "string" ? ` (${id})` : ""}`;
    const rest = formatPath(path.slice(2));
    return rest ? `${head}.${rest}` : head;
  }
  return formatPath(path) || "(top level)";
}

async function readOrNull(path: string): Promise<Uint8Array | null> {
  try {
    return await Deno.readFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound || e instanceof Deno.errors.IsADirectory) return null;
    throw e;
  }
}

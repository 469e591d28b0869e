/**
 * Loads a plugin manifest: checks its signature against the brand's keys and policy,
 * validates it strictly, checks ids, reads every plugin file once and checks its SHA-256.
 * The bytes read here are the bytes that run later: nothing is read again between the
 * check and the use. Every problem is collected and reported at once, each with its path and
 * the plugin's id.
 *
 * @module
 */
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { InvalidInputError, RefusedError } from "../util/errors.ts";
import { formatIssues, formatPath, joinIssues } from "../util/zod_issues.ts";
import { INPUT_LIMITS, InputFileError, readInputFileIfAny } from "../util/read_input.ts";
import { JsonShapeError, parseJson } from "../util/json_text.ts";
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
 * Loads and verifies the manifest at `path`. Requires `--allow-read`. Every file is read
 * through `util/read_input.ts` (regular files within a size cap), and every plugin file must
 * lie inside the manifest's folder, symbolic links resolved.
 *
 * @throws {InvalidInputError} when it cannot be read, is invalid, a hash does not match, a
 *   plugin file lies outside the manifest's folder, or its signature does not verify
 * @throws {RefusedError} when it is unsigned and the brand refuses unsigned manifests
 */
export async function loadManifest(path: string, opts: LoadOptions): Promise<LoadedManifest> {
  const fail = (en: string, ja: string): never => {
    throw new InvalidInputError({
      ja: `プラグイン マニフェスト "${path}" を読み込めません: ${ja}`,
      en: `Cannot load plugin manifest "${path}": ${en}`,
    });
  };
  const bytes = await readOrNull(path, INPUT_LIMITS.manifest, fail);
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

  const raw = jsonOf(bytes, "", fail);
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const text = joinIssues(
      parsed.error.issues.map((i) =>
        formatIssues([{ ...i, path: [] }]).replace(/^\(top level\)/, where(raw, i.path))
      ),
    );
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
    const found = await pluginFile(dir, spec.path);
    if (typeof found === "string") {
      issues.push(`${at}.${kind}.path: file "${spec.path}" ${found}`);
      continue;
    }
    const { file, code } = found;
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
  if (issues.length > 0) return fail(joinIssues(issues), joinIssues(issues));
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
  const sigBytes = await readOrNull(sigPath, INPUT_LIMITS.record, fail, `signature "${sigPath}"`);
  if (!sigBytes) return null;
  const sigRaw = jsonOf(sigBytes, `signature "${sigPath}" `, fail);
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

/** The bytes at `path`, null when there is no such file; any other refusal fails the load. */
async function readOrNull(
  path: string,
  max: number,
  fail: (en: string, ja: string) => never,
  what = "",
): Promise<Uint8Array | null> {
  try {
    return await readInputFileIfAny(path, max);
  } catch (e) {
    const err = e as InputFileError;
    return fail(
      `${what ? `${what} ` : ""}${err.message}`,
      `${what ? `${what} ` : ""}${err.ja ?? err.message}`,
    );
  }
}

/** The JSON in `bytes` (UTF-8), within the depth limit, or a failure naming `what`. */
function jsonOf(bytes: Uint8Array, what: string, fail: (en: string, ja: string) => never): unknown {
  try {
    return parseJson(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (e) {
    const m = (e as Error).message;
    if (e instanceof JsonShapeError) return fail(`${what}breaks a limit: ${m}`, `${what}${e.ja}`);
    return fail(`${what}is not JSON: ${m}`, `${what}JSON ではありません: ${m}`);
  }
}

/**
 * A plugin file inside the manifest's folder `dir`: its real path and bytes, or why not (it
 * does not exist, leaves the folder through a link, or is not a readable regular file).
 */
async function pluginFile(
  dir: string,
  rel: string,
): Promise<{ file: string; code: Uint8Array } | string> {
  let real: string;
  let realDir: string;
  try {
    [real, realDir] = await Promise.all([Deno.realPath(resolve(dir, rel)), Deno.realPath(dir)]);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return "not found";
    if (e instanceof Deno.errors.FilesystemLoop) return "is a loop of symbolic links";
    if (e instanceof Deno.errors.NotADirectory) return "not found";
    return `cannot be read (${(e as Error).message})`;
  }
  const r = relative(realDir, real);
  if (r === "" || r === ".." || r.startsWith(`..${sep}`) || isAbsolute(r)) {
    return "leads outside the manifest's folder";
  }
  try {
    const code = await readInputFileIfAny(real, INPUT_LIMITS.plugin);
    return code ? { file: real, code } : "not found";
  } catch (e) {
    return (e as Error).message;
  }
}

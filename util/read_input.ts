/**
 * The one reader of files a user (or an attacker) hands the kit: reports, configs, manifests
 * and their signatures, consent records, licences, keys, CA and PEM files, plugin files. It
 * reads regular files only, within a size cap, and says why it refuses anything else: a
 * named pipe would block forever, `/dev/zero` would fill memory, a directory or a device is
 * not a file, and a symbolic-link loop is named as one.
 *
 * The file is checked, opened, and checked again through the open handle (so a pipe swapped
 * in after the first check is still refused), then read until the end or the cap, whichever
 * comes first: a file that grows while it is read cannot push past the cap either.
 *
 * @module
 */

/** Why a file was refused; `kind` is what callers branch on. */
export class InputFileError extends Error {
  /**
   * @param kind `missing`, `not-file`, `too-large`, `loop`, `not-text` or `unreadable`
   * @param message the reason in English as a predicate ("is a directory, not a regular file"); callers
   *   put the file's name in front
   * @param ja the same in Japanese
   */
  constructor(
    readonly kind: "missing" | "not-file" | "too-large" | "loop" | "not-text" | "unreadable",
    message: string,
    readonly ja: string,
  ) {
    super(message);
    this.name = "InputFileError";
  }
}

/** Size caps of the kit's input files, in bytes (`docs/limits.md`). */
export const INPUT_LIMITS = {
  /** A report (`report.json`) to verify, show, view or send. */
  report: 32 * 1024 * 1024,
  /** A run configuration. */
  config: 1024 * 1024,
  /** A plugin manifest. */
  manifest: 1024 * 1024,
  /** A plugin file (module or command), hashed and run. */
  plugin: 64 * 1024 * 1024,
  /** Small records: signatures, consent records, licences, keys, lists the kit keeps. */
  record: 1024 * 1024,
  /** A PEM file (CA certificates, a server's certificate or key). */
  pem: 1024 * 1024,
  /** A file a probe reads from the system (`/etc/resolv.conf`, `/sys/…`). */
  system: 1024 * 1024,
} as const;

/**
 * Reads the regular file at `path`, at most `maxBytes` bytes. Requires `--allow-read`.
 *
 * @throws {InputFileError} `missing` when there is no such file; `not-file` for a directory,
 *   pipe, socket or device; `too-large` past `maxBytes`; `loop` for a symbolic-link loop;
 *   `unreadable` for anything else the OS refuses (permission, I/O)
 * @example
 * ```ts
 * import { readInputFile } from "./read_input.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/a.json`, "{}");
 * await readInputFile(`${dir}/a.json`, 1024); // Uint8Array [123, 125]
 * await readInputFile("/dev/zero", 1024).catch((e) => e.kind); // "not-file"
 * ```
 */
export async function readInputFile(path: string, maxBytes: number): Promise<Uint8Array> {
  refuseShape(await attempt(() => Deno.stat(path)), maxBytes);
  const file = await attempt(() => Deno.open(path, { read: true }));
  try {
    refuseShape(await attempt(() => file.stat()), maxBytes);
    return await readAtMost(file, maxBytes);
  } finally {
    file.close();
  }
}

/**
 * Reads the regular file at `path` as UTF-8 text (see {@link readInputFile}). A byte-order
 * mark is dropped.
 *
 * @throws {InputFileError} as {@link readInputFile}, and `not-text` when it is not UTF-8
 */
export async function readInputText(path: string, maxBytes: number): Promise<string> {
  const bytes = await readInputFile(path, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputFileError(
      "not-text",
      "is not UTF-8 text",
      "UTF-8 のテキストではありません",
    );
  }
}

/** Reads `path`, or null when it does not exist (every other refusal still throws). */
export async function readInputFileIfAny(
  path: string,
  maxBytes: number,
): Promise<Uint8Array | null> {
  try {
    return await readInputFile(path, maxBytes);
  } catch (e) {
    if (e instanceof InputFileError && e.kind === "missing") return null;
    throw e;
  }
}

async function attempt<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw translate(e);
  }
}

function refuseShape(info: Deno.FileInfo, maxBytes: number): void {
  if (!info.isFile) {
    const en = info.isDirectory
      ? "is a directory, not a regular file"
      : "is not a regular file (a pipe, socket or device)";
    const ja = info.isDirectory
      ? "ファイルではなくフォルダーです"
      : "通常のファイルではありません (パイプ、ソケット、デバイス)";
    throw new InputFileError("not-file", en, ja);
  }
  if (info.size > maxBytes) throw tooLarge(maxBytes);
}

async function readAtMost(file: Deno.FsFile, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const buf = new Uint8Array(64 * 1024);
  for (;;) {
    const n = await attempt(() => file.read(buf));
    if (n === null) break;
    size += n;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(buf.slice(0, n));
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) out.set(c, at), at += c.length;
  return out;
}

function tooLarge(maxBytes: number): InputFileError {
  return new InputFileError(
    "too-large",
    `is larger than the limit of ${maxBytes} bytes`,
    `上限の ${maxBytes} バイトを超えています`,
  );
}

function translate(e: unknown): InputFileError {
  if (e instanceof InputFileError) return e;
  if (e instanceof Deno.errors.NotFound) {
    return new InputFileError("missing", "does not exist", "ありません");
  }
  if (e instanceof Deno.errors.FilesystemLoop) {
    return new InputFileError(
      "loop",
      "is a loop of symbolic links",
      "シンボリック リンクが循環しています",
    );
  }
  if (e instanceof Deno.errors.IsADirectory) {
    return new InputFileError(
      "not-file",
      "is a directory, not a regular file",
      "ファイルではなくフォルダーです",
    );
  }
  const why = (e as Error)?.message ?? String(e);
  return new InputFileError(
    "unreadable",
    `cannot be read (${why})`,
    `読めません (${why})`,
  );
}

/**
 * Atomic file writes: write a temporary file beside the target, flush it, rename it over
 * the target. A reader sees the old file or the new one, never half of one.
 *
 * @module
 */
import { basename, dirname, join } from "node:path";

/**
 * Writes `data` to `path` atomically. Requires `--allow-write` for the directory.
 *
 * @throws {Deno.errors.NotFound} when the directory does not exist
 * @throws {Deno.errors.PermissionDenied} when it is not writable
 * @example
 * ```ts
 * import { atomicWrite } from "./atomic_write.ts";
 * const dir = await Deno.makeTempDir();
 * await atomicWrite(`${dir}/report.json`, JSON.stringify({ ok: true }));
 * await Deno.readTextFile(`${dir}/report.json`); // '{"ok":true}'
 * ```
 */
export async function atomicWrite(
  path: string,
  data: string | Uint8Array,
  mode?: number,
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${crypto.randomUUID().slice(0, 8)}.tmp`);
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const file = await Deno.open(tmp, { write: true, createNew: true, mode });
  try {
    let written = 0;
    while (written < bytes.length) written += await file.write(bytes.subarray(written));
    await file.sync();
  } catch (e) {
    file.close();
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
  file.close();
  try {
    await Deno.rename(tmp, path);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}

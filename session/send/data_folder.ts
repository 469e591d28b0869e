/**
 * Where the send queue and the status document live: the per-user data folder. A run does
 * not need it (it only looks at the queue), so it gets null where the OS names no folder;
 * `send` does, and says how to name one.
 *
 * @module
 */
import { type EnvGet } from "../../util/config_dir.ts";
import { userDataDir } from "../../util/data_dir.ts";
import { InvalidInputError } from "../../util/errors.ts";

/** The data folder of `brandId`, or null when the OS gives none (no HOME, no LOCALAPPDATA). */
export function dataFolderOrNull(brandId: string, env: EnvGet, os = Deno.build.os): string | null {
  try {
    return userDataDir(brandId, os, env);
  } catch {
    return null;
  }
}

/**
 * The data folder of `brandId`.
 *
 * @throws {InvalidInputError} when the OS gives none, naming `KIRIWAKE_DATA_DIR`
 */
export function dataFolder(brandId: string, env: EnvGet, os = Deno.build.os): string {
  const dir = dataFolderOrNull(brandId, env, os);
  if (dir) return dir;
  throw new InvalidInputError({
    ja:
      "送信待ちを保存するフォルダーが見つかりません (HOME が未設定です)。KIRIWAKE_DATA_DIR で指定してください",
    en:
      "Cannot find the per-user data folder for the send queue (HOME is not set); name one with KIRIWAKE_DATA_DIR",
  });
}

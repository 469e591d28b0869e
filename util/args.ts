/**
 * Argument parsing for commands, over `node:util` `parseArgs`, with errors turned into
 * {@link UsageError}s that name the flag.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors.ts";
import type { Lang } from "./text.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/**
 * Parses `args` strictly against `options` (plus `--lang` and `--help`).
 *
 * @throws {UsageError} for an unknown flag, a missing value or too many arguments
 */
export function parseCommandArgs<O extends Options>(
  command: string,
  args: string[],
  options: O,
  maxPositionals = 0,
) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, "");
    throw new UsageError({ ja: `${command}: ${msg}`, en: `${command}: ${msg}` });
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals.slice(maxPositionals).join(" ");
    throw new UsageError({
      ja: `${command}: 余分な引数があります: ${extra}`,
      en: `${command}: unexpected argument(s): ${extra}`,
    });
  }
  return parsed;
}

/**
 * Picks the language: `--lang`, else the locale in `LC_ALL`/`LC_MESSAGES`/`LANG`, else the
 * OS locale. Anything Japanese gives `ja`.
 *
 * @throws {UsageError} for a `--lang` other than ja or en
 */
export function chooseLang(
  flag: string | undefined,
  env: (n: string) => string | undefined,
): Lang {
  if (flag !== undefined) {
    if (flag === "ja" || flag === "en") return flag;
    throw new UsageError({
      ja: `--lang は ja か en です: "${flag}"`,
      en: `--lang must be ja or en: "${flag}"`,
    });
  }
  const fromEnv = env("LC_ALL") || env("LC_MESSAGES") || env("LANG");
  const locale = fromEnv && fromEnv !== "C" && fromEnv !== "POSIX"
    ? fromEnv
    : Intl.DateTimeFormat().resolvedOptions().locale;
  return /^ja/i.test(locale) ? "ja" : "en";
}

/** Finds `--lang X` or `--lang=X` anywhere, before commands parse their own arguments. */
export function peekLang(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--lang") return args[i + 1];
    if (args[i].startsWith("--lang=")) return args[i].slice(7);
  }
  return undefined;
}

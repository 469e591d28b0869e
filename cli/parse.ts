/**
 * `kiriwake parse KIND [--os windows|darwin|linux] [--encoding utf-8|cp932|auto] [--fields F,…]`: reads a
 * command's output on stdin (what a customer copied from a terminal) and prints the parsed
 * JSON, so support staff can read pasted output the way the probes read it.
 *
 * @module
 */
import { EXIT, InvalidInputError, UsageError } from "../util/errors.ts";
import { decodeOutput, firstInvalidByte, type OutputEncoding } from "../probes/lib/decode.ts";
import { MAX_INPUT_CHARS } from "../probes/parse/input_limits.ts";
import { parseKinds, parserFor } from "../probes/parse/mod.ts";
import { ParseError } from "../probes/parse/parse_error.ts";
import type { Platform } from "../probes/types.ts";
import { parseCommandArgs } from "../util/args.ts";
import type { Command } from "../session/command.ts";
import { jsonSafeForTerminal } from "../util/terminal_text.ts";
import type { Localized } from "../util/text.ts";

const OSES: readonly Platform[] = ["windows", "darwin", "linux"];
const ENCODINGS: readonly OutputEncoding[] = ["auto", "utf-8", "cp932"];

/**
 * The `parse` command. Exit 0 with JSON on stdout; throws {@link UsageError} for an unknown
 * kind, OS or encoding and {@link InvalidInputError} (exit 4, one line) when stdin is not that
 * output: another command's, empty, binary, not the encoding given, or beyond the size limits.
 *
 * @example
 * ```sh
 * ping -c 4 192.0.2.1 | kiriwake parse ping
 * kiriwake parse tracert --encoding cp932 < tracert.txt
 * ```
 */
export const parseCommand: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs("parse", args, {
    os: { type: "string" },
    encoding: { type: "string" },
    fields: { type: "string" },
  }, 1);
  const kinds = parseKinds().join(", ");
  const kind = positionals[0];
  if (kind === undefined) {
    throw new UsageError({
      ja: `parse: 出力の種類を指定してください (${kinds})`,
      en: `parse: name the kind of output (${kinds})`,
    });
  }
  const entry = parserFor(kind);
  if (!entry) {
    throw new UsageError({
      ja: `parse: 不明な種類 "${kind}" です (${kinds})`,
      en: `parse: unknown kind "${kind}" (${kinds})`,
    });
  }
  const os = oneOf("--os", values.os, OSES);
  if (os && !entry.os.includes(os)) {
    throw new UsageError({
      ja: `parse: ${kind} は ${entry.os.join(", ")} の出力です: --os ${os}`,
      en: `parse: ${kind} is output of ${entry.os.join(", ")}, not --os ${os}`,
    });
  }
  const encoding = oneOf("--encoding", values.encoding, ENCODINGS) ?? "auto";
  if (io.stdinIsTty) {
    io.err(
      "Paste the output, then press Ctrl-D (Windows: Ctrl-Z, Enter). / " +
        "出力を貼り付けて Ctrl-D (Windows は Ctrl-Z と Enter) を押してください。\n",
    );
  }
  const text = decodeInput(kind, await io.readAll(), encoding);
  let data: unknown;
  try {
    data = entry.parse(text, {
      os: os ?? (entry.os.length === 1 ? entry.os[0] : undefined),
      // nmcli -t output is only readable knowing the -f field list it was made with.
      ...(values.fields ? { fields: values.fields.split(",").map((f) => f.trim()) } : {}),
    });
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    throw new InvalidInputError(refusal(kind, e), { cause: e });
  }
  io.out(jsonSafeForTerminal(JSON.stringify(data, null, 2)) + "\n");
  return EXIT.ok;
};

/**
 * The text of stdin, or {@link InvalidInputError} when it is larger than the parsers read or
 * is not the encoding asked for (`auto`: neither UTF-8 nor CP932), naming the first bad byte
 * instead of passing U+FFFD replacement characters on to the parser.
 */
function decodeInput(kind: string, bytes: Uint8Array, encoding: OutputEncoding): string {
  if (bytes.length > MAX_INPUT_CHARS) {
    throw new InvalidInputError({
      ja:
        `parse ${kind}: 入力が大きすぎます (${bytes.length} バイト、上限 ${MAX_INPUT_CHARS} バイト)`,
      en:
        `parse ${kind}: the input is too large (${bytes.length} bytes; the limit is ${MAX_INPUT_CHARS})`,
    });
  }
  const decoded = decodeOutput(bytes, encoding);
  const bad = decoded.encoding === "utf-8" && encoding === "auto"
    ? -1
    : firstInvalidByte(bytes, decoded.encoding);
  if (bad >= 0) {
    const what = encoding === "auto" ? "UTF-8 / CP932" : decoded.encoding.toUpperCase();
    const hint = encoding === "auto"
      ? { ja: "", en: "" }
      : { ja: " (--encoding auto を試してください)", en: " (try --encoding auto)" };
    throw new InvalidInputError({
      ja: `parse ${kind}: 入力が ${what} のテキストではありません (${bad} バイト目)${hint.ja}`,
      en: `parse ${kind}: the input is not ${what} text (byte ${bad})${hint.en}`,
    });
  }
  return decoded.text;
}

/** The one-line message for a parser's refusal, in both languages. */
function refusal(kind: string, e: ParseError): Localized {
  const p = e.problem;
  if (!p) {
    const missing = e.missing.join(", ");
    return {
      ja: `parse ${kind}: ${kind} の出力として読めません (見つからないもの: ${missing})`,
      en: `parse ${kind}: not ${kind} output (found no ${missing})`,
    };
  }
  switch (p.reason) {
    case "empty":
      return { ja: `parse ${kind}: 入力が空です`, en: `parse ${kind}: the input is empty` };
    case "binary":
      return {
        ja: `parse ${kind}: 入力はテキストではなくバイナリです (${p.at} 文字目)`,
        en: `parse ${kind}: the input is binary data, not text (character ${p.at})`,
      };
    case "too-large":
      return {
        ja: `parse ${kind}: 入力が大きすぎます (${p.size} 文字、上限 ${p.limit} 文字)`,
        en: `parse ${kind}: the input is too large (${p.size} characters; the limit is ${p.limit})`,
      };
    case "line-too-long":
      return {
        ja: `parse ${kind}: ${p.line} 行目が長すぎます (${p.length} 文字、上限 ${p.limit} 文字)`,
        en:
          `parse ${kind}: line ${p.line} is too long (${p.length} characters; the limit is ${p.limit})`,
      };
  }
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]) {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError({
    ja: `parse: ${flag} は ${allowed.join(", ")} のいずれかです: "${value}"`,
    en: `parse: ${flag} must be one of ${allowed.join(", ")}: "${value}"`,
  });
}

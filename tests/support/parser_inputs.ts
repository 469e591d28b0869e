/**
 * Inputs no parser should choke on, generated at run time: the recorded output of every
 * kind (to be fed to every other kind), empty and blank text, binary garbage decoded the
 * ways `kiriwake parse` decodes it, long lines shaped to make a backtracking regex go
 * quadratic, and very large but valid outputs. Shared by the refusal table test and the
 * `deno task parsers:table` run that measures the worst time per case.
 *
 * @module
 */
import { decodeOutput } from "../../probes/lib/decode.ts";
import { MAX_INPUT_CHARS, MAX_LINE_CHARS } from "../../probes/parse/input_limits.ts";
import { loadFixtures } from "./fixture_files.ts";

/** One input and where it came from. */
export interface ParserInput {
  /** A short name for messages, e.g. `fixture:linux/en/ping/iputils_v4_ok.txt`. */
  name: string;
  text: string;
  /** The kind whose output this is, for fixtures; null for made-up input. */
  kind: string | null;
  /** The OS of a fixture. */
  os?: string;
  /** What the fixture expects from its own kind. */
  expected?: unknown;
  /** Bytes or characters the case is about, checked by the table so a case never shrinks. */
  size: number;
}

/** A small deterministic PRNG (mulberry32), so garbage is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` random bytes from `seed`. */
export function randomBytes(n: number, seed: number): Uint8Array {
  const next = prng(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
  return out;
}

/** Every fixture's decoded text, labelled with its kind. Requires `--allow-read`. */
export function fixtureInputs(): ParserInput[] {
  return loadFixtures().map((f) => {
    const text = decodeOutput(f.bytes, "auto").text;
    return {
      name: `fixture:${f.path}`,
      text,
      kind: f.kind,
      os: f.os,
      expected: f.expected,
      size: f.bytes.length,
    };
  });
}

/** Empty, blank and one-word inputs. */
export function trivialInputs(): ParserInput[] {
  const t = (name: string, text: string): ParserInput => ({
    name,
    text,
    kind: null,
    size: text.length,
  });
  return [
    t("empty", ""),
    t("blank lines", "\n\n   \n\t\n"),
    t("hello", "hello\n"),
    t("one number", "1\n"),
    t("a colon", ":\n"),
    t("NUL bytes", "\0\0\0\0\n\0"),
  ];
}

/** Random bytes of a few sizes, decoded as `auto` would (CP932) and forced as UTF-8. */
export function garbageInputs(): ParserInput[] {
  const out: ParserInput[] = [];
  for (const [n, seed] of [[64, 1], [4096, 2], [65536, 3]]) {
    const bytes = randomBytes(n, seed);
    for (const enc of ["auto", "utf-8"] as const) {
      out.push({
        name: `garbage ${n} bytes (${enc})`,
        text: decodeOutput(bytes, enc).text,
        kind: null,
        size: n,
      });
    }
  }
  // Printable garbage: letters, digits and the punctuation parsers key on, in random lines.
  const next = prng(4);
  const alphabet = "abcdefxyzABCXYZ0123456789 .:-_=[]()<>*!%/\\\t";
  let text = "";
  while (text.length < 65536) {
    text += next() < 0.05 ? "\n" : alphabet[Math.floor(next() * alphabet.length)];
  }
  out.push({ name: "printable garbage 64 KiB", text, kind: null, size: text.length });
  return out;
}

/** The length of the long lines below: the 64 KiB that took the old tracert header 26 s. */
export const LONG_LINE = 65536;

/**
 * One very long line per shape that has made a backtracking regex slow (runs of one
 * character class, of separators, of half-open brackets, of repeated tokens), at the line
 * limit (so every pattern of the parser runs over it) and at 64 KiB (refused as too long).
 */
export function longLineInputs(): ParserInput[] {
  return [...shapedLines(MAX_LINE_CHARS), ...shapedLines(LONG_LINE)];
}

function shapedLines(n: number): ParserInput[] {
  /** `head`, then `unit` repeated, then `tail`: exactly `n` characters. */
  const line = (unit: string, head = "", tail = "") => {
    const body = n - head.length - tail.length;
    return head + unit.repeat(Math.ceil(body / unit.length)).slice(0, body) + tail;
  };
  const shapes: [string, string][] = [
    ["non-space", line("x")],
    ["spaces then x", line(" ", "", "x")],
    ["digits", line("1")],
    ["digit space", line("1 ")],
    ["dotted digits", line("1.")],
    ["colons", line("a:")],
    ["equals", line("=")],
    ["open brackets", line("[")],
    ["open parens", line("(")],
    ["bracketed words", line("x [")],
    ["addresses", line("192.0.2.1 ")],
    ["ms tokens", line("1 ms ")],
    ["stars", line("* ")],
    ["tracert header", line("x", "Tracing route to ")],
    ["ping header", line("(", "PING ")],
    ["percent", line("1%")],
    ["hex pairs", line("0a-")],
    ["dashes", line(" ", "---")],
    ["key value", line("Name : ")],
    ["indent then colon", line(" ", "", ":")],
    ["close parens", line(")", "", "a")],
    ["close brackets", line("]", "", "a")],
    ["letters then spaces", line(" ", "a", "b")],
    ["words and spaces", line("ab  ")],
    ["digits then ms", line("1", "", " ms")],
    ["colon space runs", line("a: ")],
    ["REG_ names", line("x  ", " ")],
    ["dots", line(". ", " ")],
    ["TTL then stars", line(" *", "1 ")],
    ["TTL then names", line(" a", "1 ")],
    ["tracepath hop", line(" 1.0ms", " 1:  x")],
  ];
  return shapes.map(([shape, text]) => ({
    name: `long line (${n}): ${shape}`,
    text: `${text}\n`,
    kind: null,
    size: text.length,
  }));
}

/** Replies in a generated iputils ping, past the ~125k where spreading them crashed. */
export const HUGE_PING_REPLIES = 200_000;

/** Very large outputs that are still valid: every parser must parse or refuse them whole. */
export function hugeInputs(): ParserInput[] {
  const lines = ["PING 192.0.2.1 (192.0.2.1) 56(84) bytes of data."];
  for (let i = 1; i <= HUGE_PING_REPLIES; i++) {
    lines.push(`64 bytes from 192.0.2.1: icmp_seq=${i} ttl=64 time=${(i % 50) / 10 + 1} ms`);
  }
  lines.push(
    "",
    "--- 192.0.2.1 ping statistics ---",
    `${HUGE_PING_REPLIES} packets transmitted, ${HUGE_PING_REPLIES} received, 0% packet loss, time 1ms`,
    "rtt min/avg/max/mdev = 1.000/3.450/5.900/1.443 ms",
  );
  const ping = lines.join("\n") + "\n";
  const manyLines = "1\n".repeat(1 << 20);
  const blankLines = " \n".repeat(1 << 19) + "x\n";
  return [
    {
      name: `iputils ping, ${HUGE_PING_REPLIES} replies`,
      text: ping,
      kind: null,
      size: ping.length,
    },
    { name: "a million short lines", text: manyLines, kind: null, size: manyLines.length },
    {
      name: "half a million blank lines, then x",
      text: blankLines,
      kind: null,
      size: blankLines.length,
    },
    {
      name: "just past the size limit",
      text: "x".repeat(MAX_INPUT_CHARS + 1),
      kind: null,
      size: MAX_INPUT_CHARS + 1,
    },
  ];
}

/** Every input above. */
export function allParserInputs(): ParserInput[] {
  return [
    ...fixtureInputs(),
    ...trivialInputs(),
    ...garbageInputs(),
    ...longLineInputs(),
    ...hugeInputs(),
  ];
}

/**
 * The terminal as commands see it: injected so every command can be tested by feeding
 * stdin and reading what it wrote, with no real terminal.
 *
 * @module
 */

import type { Brand } from "../brand/schema.ts";
import type { Lang } from "../util/text.ts";
import { terminalSafeKeepingProgress } from "../util/terminal_text.ts";

/** Where a command reads and writes. */
export interface Io {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error (progress, prompts, messages). */
  err(text: string): void;
  /** Reads one line from standard input; null at end of input. */
  readLine(): Promise<string | null>;
  /** Reads all of standard input as bytes. */
  readAll(): Promise<Uint8Array>;
  /** True when stdin is a terminal (prompts are allowed). */
  stdinIsTty: boolean;
  /** True when stderr is a terminal (a live progress bar is drawn). */
  stderrIsTty: boolean;
  /** Environment variables. */
  env(name: string): string | undefined;
}

/** A command: parses its own arguments, returns the exit code. Throws domain errors. */
export type Command = (args: string[], io: Io, ctx: CommandContext) => Promise<number>;

/** What every command gets besides its arguments. */
export interface CommandContext {
  /** The language chosen by `--lang` or the locale. */
  lang: Lang;
  /** The brand of this build (tests may pass another). */
  brand: Brand;
  /** The per-user config directory of this brand. */
  configDir: string;
  /** The current time; fixed in tests. */
  now(): Date;
}

/**
 * The real terminal. Writing never throws: a closed pipe (`kiriwake run | head -1`), a full
 * disk (`2>/dev/full`) or any other write error silences that stream for the rest of the run
 * instead of stopping it — the report on disk is what matters. On a terminal, what is
 * written is made inert (`util/terminal_text.ts`) but for the progress bar's own sequences.
 */
export function denoIo(): Io {
  let buffered = "";
  const reader = Deno.stdin.readable.getReader();
  let done = false;
  return {
    out: writer(Deno.stdout),
    err: writer(Deno.stderr),
    async readLine() {
      const dec = new TextDecoder();
      while (!buffered.includes("\n") && !done) {
        const r = await reader.read();
        if (r.done) done = true;
        else buffered += dec.decode(r.value, { stream: true });
      }
      if (buffered === "" && done) return null;
      const nl = buffered.indexOf("\n");
      const line = nl < 0 ? buffered : buffered.slice(0, nl);
      buffered = nl < 0 ? "" : buffered.slice(nl + 1);
      return line.replace(/\r$/, "");
    },
    async readAll() {
      const chunks: Uint8Array[] = [new TextEncoder().encode(buffered)];
      buffered = "";
      while (!done) {
        const r = await reader.read();
        if (r.done) done = true;
        else chunks.push(r.value);
      }
      const size = chunks.reduce((n, c) => n + c.length, 0);
      const all = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) all.set(c, at), at += c.length;
      return all;
    },
    stdinIsTty: Deno.stdin.isTerminal(),
    stderrIsTty: Deno.stderr.isTerminal(),
    env: (name) => Deno.env.get(name),
  };
}

/** A write function for `stream` that never throws and gives up on a broken stream. */
export function writer(stream: { writeSync(p: Uint8Array): number; isTerminal(): boolean }) {
  const enc = new TextEncoder();
  let broken = false;
  let terminal = false;
  try {
    terminal = stream.isTerminal();
  } catch { /* not a terminal */ }
  return (text: string): void => {
    if (broken) return;
    const bytes = enc.encode(terminal ? terminalSafeKeepingProgress(text) : text);
    try {
      let at = 0;
      while (at < bytes.length) {
        const n = stream.writeSync(bytes.subarray(at));
        if (n <= 0) throw new Error("nothing written");
        at += n;
      }
    } catch {
      broken = true;
    }
  };
}

/** An in-memory terminal for tests: `input` is what the user types. */
export function memoryIo(
  input: string | Uint8Array = "",
  opts: { tty?: boolean; env?: Record<string, string> } = {},
): Io & {
  stdout: string;
  stderr: string;
} {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  let text = new TextDecoder().decode(bytes);
  let rawUsed = false;
  const io = {
    stdout: "",
    stderr: "",
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
    readLine() {
      if (text === "") return Promise.resolve(null);
      const nl = text.indexOf("\n");
      const line = nl < 0 ? text : text.slice(0, nl);
      text = nl < 0 ? "" : text.slice(nl + 1);
      return Promise.resolve(line.replace(/\r$/, ""));
    },
    readAll() {
      const out = rawUsed ? new TextEncoder().encode(text) : bytes;
      rawUsed = true;
      text = "";
      return Promise.resolve(out);
    },
    stdinIsTty: opts.tty ?? false,
    stderrIsTty: opts.tty ?? false,
    env: (name: string) => opts.env?.[name],
  };
  return io;
}

import assert from "node:assert/strict";
import { writer } from "./command.ts";

function stream(opts: { tty?: boolean; fail?: Error; chunk?: number } = {}) {
  const written: string[] = [];
  let calls = 0;
  return {
    written,
    calls: () => calls,
    isTerminal: () => opts.tty ?? false,
    writeSync(p: Uint8Array): number {
      calls++;
      if (opts.fail) throw opts.fail;
      const n = Math.min(p.length, opts.chunk ?? p.length);
      written.push(new TextDecoder().decode(p.subarray(0, n)));
      return n;
    },
  };
}

Deno.test("writer() never throws: a broken pipe or a full disk silences the stream", () => {
  for (const fail of [new Deno.errors.BrokenPipe("gone"), new Error("No space left on device")]) {
    const s = stream({ fail });
    const w = writer(s);
    w("first\n");
    w("second\n");
    assert.equal(s.calls(), 1, "gave up after the first failure");
  }
});

Deno.test("writer() writes everything, however little each call takes", () => {
  const s = stream({ chunk: 3 });
  writer(s)("0123456789");
  assert.equal(s.written.join(""), "0123456789");
});

Deno.test("writer() makes text inert on a terminal, keeping the progress bar's own sequence", () => {
  const tty = stream({ tty: true });
  writer(tty)("\r\x1b[2K[##] x\x1b]0;owned\x07y\n");
  assert.equal(tty.written.join(""), "\r\x1b[2K[##] xy\n");
  const pipe = stream();
  writer(pipe)("a\x1b[31mb");
  assert.equal(pipe.written.join(""), "a\x1b[31mb", "a pipe gets the bytes as they are");
});

/**
 * Reading a child's output without trusting it: memory stays bounded however much it
 * writes, and crossing a cap calls back at once so the caller can kill the child.
 *
 * @module
 */

/** Counts of what a stream carried. */
export interface ReadTotals {
  /** Bytes seen in all. */
  bytes: number;
  /** True when the cap was crossed. */
  overflow: boolean;
}

/**
 * Reads `stream` keeping at most `keep` bytes, calling `onOverflow` once when more than
 * `max` bytes arrive. Keeps draining afterwards so the writer is never blocked before it is
 * killed. When `stop` aborts, reading ends with what arrived (a pipe still held open by a
 * process that got away must not keep the reader waiting for ever).
 */
export async function readCapped(
  stream: ReadableStream<Uint8Array>,
  keep: number,
  max: number,
  onOverflow: () => void,
  stop?: AbortSignal,
): Promise<ReadTotals & { head: Uint8Array }> {
  const head = new Uint8Array(keep);
  let kept = 0;
  let bytes = 0;
  let overflow = false;
  const reader = stream.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  if (stop?.aborted) cancel();
  stop?.addEventListener("abort", cancel, { once: true });
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      const chunk = r.value;
      if (kept < keep) {
        const n = Math.min(keep - kept, chunk.length);
        head.set(chunk.subarray(0, n), kept);
        kept += n;
      }
      bytes += chunk.length;
      if (bytes > max && !overflow) {
        overflow = true;
        onOverflow();
      }
    }
  } catch {
    /* torn down by a kill: keep what arrived */
  } finally {
    stop?.removeEventListener("abort", cancel);
    reader.releaseLock();
  }
  return { head: head.subarray(0, kept), bytes, overflow };
}

/**
 * Reads newline-framed output: lines that start with `<nonce> ` are parsed as JSON frames and
 * passed to `onFrame`; anything else is stray output, of which the first `strayKeep`
 * characters are kept. A line longer than `maxLine` or more than `max` bytes in all calls
 * `onOverflow` once.
 */
export async function readFrames(
  stream: ReadableStream<Uint8Array>,
  opts: {
    nonce: string;
    max: number;
    maxLine: number;
    strayKeep: number;
    onFrame(frame: unknown): void;
    onOverflow(what: "line" | "total"): void;
    /** Ends reading with what arrived (see {@link readCapped}). */
    stop?: AbortSignal;
  },
): Promise<ReadTotals & { stray: string }> {
  const prefix = `${opts.nonce} `;
  const decoder = new TextDecoder();
  let pending = "";
  let stray = "";
  let bytes = 0;
  let overflow = false;
  const flag = (what: "line" | "total") => {
    if (overflow) return;
    overflow = true;
    opts.onOverflow(what);
  };
  const line = (text: string) => {
    if (text.startsWith(prefix)) {
      try {
        opts.onFrame(JSON.parse(text.slice(prefix.length)));
      } catch { /* a frame the host wrote is always JSON; ignore anything else */ }
    } else if (stray.length < opts.strayKeep) {
      stray += `${text}\n`.slice(0, opts.strayKeep - stray.length);
    }
  };
  const reader = stream.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  if (opts.stop?.aborted) cancel();
  opts.stop?.addEventListener("abort", cancel, { once: true });
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      const chunk = r.value;
      bytes += chunk.length;
      if (bytes > opts.max) flag("total");
      if (overflow) continue; // keep draining until the kill lands
      pending += decoder.decode(chunk, { stream: true });
      let nl: number;
      while ((nl = pending.indexOf("\n")) >= 0) {
        line(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
      }
      if (pending.length > opts.maxLine) {
        pending = "";
        flag("line");
      }
    }
  } catch {
    /* torn down by a kill */
  } finally {
    opts.stop?.removeEventListener("abort", cancel);
    reader.releaseLock();
  }
  if (!overflow && pending) line(pending);
  return { bytes, overflow, stray };
}

import assert from "node:assert/strict";
import { memoryIo } from "../session/command.ts";
import type { ProbeResult } from "../probes/types.ts";
import { progressRenderer } from "./progress.ts";

const result = (summary: string): ProbeResult => ({
  id: "t.plugin",
  title: { ja: "t", en: "t" },
  segment: "service",
  status: "ok",
  startedAt: "2026-01-01T00:00:00Z",
  durationMs: 12,
  summary: { ja: summary, en: summary },
  data: {},
  evidence: [],
  source: "t",
});

Deno.test("progressRenderer() draws a plugin's words inert, on one line", () => {
  for (const tty of [false, true]) {
    const io = memoryIo("", { tty });
    const render = progressRenderer(io, "en");
    render({
      type: "plan",
      probes: [{ id: "t.plugin", title: { ja: "t", en: "t" }, segment: "service" }],
    });
    render({ type: "progress", id: "t.plugin", note: "\x1b]0;title\x07half\nway" });
    render({
      type: "result",
      result: result("ok\x1b[2J\x1b[H\u202efake\rVALID"),
      done: 1,
      total: 1,
    });
    render({ type: "done", interrupted: false });
    const withoutBar = io.stderr.replaceAll("\r\x1b[2K", "");
    // deno-lint-ignore no-control-regex -- what must not reach the terminal
    assert.doesNotMatch(withoutBar, /[\x1b\r\u202e\x07]/, JSON.stringify(io.stderr));
    assert.match(withoutBar, /okfake VALID/);
  }
});

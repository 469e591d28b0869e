/**
 * Shows a run's progress: a live bar on a terminal, one plain line per finished probe
 * otherwise (logs, pipes, CI). Probe ids, notes and summaries can come from plugins: they are
 * cleaned of escape sequences and line breaks before they are drawn, so the only control
 * sequence on the line is the bar's own.
 *
 * @module
 */
import type { RunnerEvent } from "../probes/runner.ts";
import type { Io } from "../session/command.ts";
import type { Lang } from "../util/text.ts";
import { CLEAR_LINE, terminalSafe } from "../util/terminal_text.ts";

const WIDTH = 24;

/** Returns a listener that renders runner events on `io.err` in `lang`. */
export function progressRenderer(io: Io, lang: Lang): (e: RunnerEvent) => void {
  const running = new Map<string, string>();
  let done = 0;
  let total = 0;
  const draw = () => {
    const filled = total ? Math.round((done / total) * WIDTH) : 0;
    const now = [...running.values()].slice(0, 2).join(", ");
    const line = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${done}/${total} ${now}`;
    io.err(`${CLEAR_LINE}${line.slice(0, 100)}`);
  };
  return (e) => {
    switch (e.type) {
      case "plan":
        total = e.probes.length;
        io.err(lang === "ja" ? `${total} 項目を測定します\n` : `Measuring ${total} probes\n`);
        if (io.stderrIsTty) draw();
        break;
      case "start":
        running.set(e.id, flat(e.id));
        if (io.stderrIsTty) draw();
        break;
      case "progress":
        running.set(e.id, flat(e.note ? `${e.id} (${e.note})` : e.id));
        if (io.stderrIsTty) draw();
        break;
      case "result": {
        done = e.done;
        running.delete(e.result.id);
        const r = e.result;
        const why = flat(r.summary?.[lang] ?? r.reason?.[lang] ?? "");
        const line = `${r.status.padEnd(7)} ${flat(r.id).padEnd(18)} ${
          String(Math.round(r.durationMs)).padStart(6)
        } ms  ${why}`;
        if (io.stderrIsTty) io.err(`${CLEAR_LINE}${line}\n`), draw();
        else io.err(`${line}\n`);
        break;
      }
      case "done":
        if (io.stderrIsTty) io.err(CLEAR_LINE);
        if (e.interrupted) {
          io.err(
            lang === "ja"
              ? "中断しました。途中までの結果を保存します\n"
              : "Interrupted: saving what was measured\n",
          );
        }
        break;
    }
  };
}

/** One inert line of at most 500 characters. */
function flat(text: string): string {
  const t = terminalSafe(text.replace(/\s*[\r\n]+\s*/g, " "));
  return t.length > 500 ? `${t.slice(0, 499)}…` : t;
}

/**
 * The state of a run as the progress page draws it, folded from its events. The same fold
 * runs in the browser (live) and on the server (first paint, and pages without script).
 *
 * @module
 */
import type { ProbeStatus } from "../../probes/types.ts";
import type { WebEvent } from "../runs.ts";
import type { Localized } from "../../util/text.ts";

/** One probe's line. */
export interface ProbeLine {
  id: string;
  title: Localized;
  state: ProbeStatus | "pending" | "running";
  note: string;
  summary: Localized | null;
}

/** The whole run. */
export interface ProgressState {
  lines: ProbeLine[];
  done: number;
  total: number;
  finished: { ref: string | null; partial: boolean } | null;
  failed: Localized | null;
}

/** Folds `events` into the state. Pure. */
export function progressState(events: readonly WebEvent[]): ProgressState {
  const s: ProgressState = { lines: [], done: 0, total: 0, finished: null, failed: null };
  const line = (id: string) => s.lines.find((l) => l.id === id);
  for (const e of events) {
    switch (e.type) {
      case "plan":
        s.lines = e.probes.map((p) => ({
          id: p.id,
          title: p.title,
          state: "pending",
          note: "",
          summary: null,
        }));
        s.total = e.probes.length;
        break;
      case "start": {
        const l = line(e.id);
        if (l) l.state = "running";
        break;
      }
      case "progress": {
        const l = line(e.id);
        if (l && e.note) l.note = e.note;
        break;
      }
      case "result": {
        const l = line(e.id);
        if (l) Object.assign(l, { state: e.status, summary: e.summary, note: "" });
        s.done = e.done;
        s.total = e.total;
        break;
      }
      case "finished":
        s.finished = { ref: e.ref, partial: e.partial };
        break;
      case "failed":
        s.failed = e.message;
        break;
    }
  }
  return s;
}

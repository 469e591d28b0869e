/**
 * The per-user OS schedule of `kiriwake watch install`: a systemd user timer on Linux, a
 * launchd agent on macOS, a Task Scheduler task on Windows. Each fires `kiriwake watch tick`
 * every interval (with the OS's own random delay where it has one), so between samples no
 * kiriwake process runs at all; each survives sleep and reboots the OS's way (systemd's
 * monotonic timer pauses while asleep, launchd runs a missed interval on waking, Task
 * Scheduler starts a missed run when available). This file is the dispatcher; the generators
 * are pure, one per OS, and tested against golden files.
 *
 * @module
 */
import { launchdSchedule } from "./schedule_launchd.ts";
import { systemdSchedule } from "./schedule_systemd.ts";
import { windowsSchedule } from "./schedule_windows.ts";

/** What every generator is given. */
export interface ScheduleSpec {
  /** The brand's id: names the files and the task (`kiriwake-watch`). */
  name: string;
  /** The product, for descriptions. */
  product: string;
  /** The program and its arguments, ending in `watch tick`. */
  argv: string[];
  everyMs: number;
  /** The most the OS may delay each run at random, ms. */
  randomDelayMs: number;
  /** Environment the tick needs (its config and data folders when overridden). */
  env: Record<string, string>;
  /** The user's home (Linux, macOS) or the folder for the task file (Windows). */
  home: string;
  /** Where the tick's output goes (macOS writes it to files). */
  logDir: string;
  /** When the schedule starts (Windows needs a start boundary) and ends, ms; end null: never. */
  startAt: number;
  endAt: number | null;
  /** Numeric user id (macOS's `launchctl` domain). */
  uid?: number;
}

/** A file to write: its absolute path, its bytes or text. */
export interface ScheduleFile {
  path: string;
  content: string | Uint8Array;
}

/** What to write and which commands register or remove it. */
export interface SchedulePlan {
  files: ScheduleFile[];
  install: string[][];
  uninstall: string[][];
}

/**
 * The plan for `os`.
 *
 * @throws {RangeError} for an OS without a per-user scheduler the kit knows
 */
export function schedulePlan(os: string, spec: ScheduleSpec): SchedulePlan {
  if (os === "linux") return systemdSchedule(spec);
  if (os === "darwin") return launchdSchedule(spec);
  if (os === "windows") return windowsSchedule(spec);
  throw new RangeError(`No per-user scheduler is known for "${os}"`);
}

/**
 * The shapes the OS schedule generators share: what they are given and what they return.
 *
 * @module
 */

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

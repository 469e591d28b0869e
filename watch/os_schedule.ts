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
import type { SchedulePlan, ScheduleSpec } from "./schedule_spec.ts";

export type { ScheduleFile, SchedulePlan, ScheduleSpec } from "./schedule_spec.ts";

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

/**
 * CPU time of processes from `/proc` (Linux): what the collector and PostgreSQL spend per
 * report, a figure that holds on a busy shared machine where wall-clock rates do not.
 *
 * @module
 */

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux the bench runs on

/** Fields of `/proc/PID/stat` after the command name. */
function statFields(pid: number): string[] | null {
  try {
    const text = Deno.readTextFileSync(`/proc/${pid}/stat`);
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/**
 * CPU seconds (user + system) of `pid`; with `children`, plus its reaped children's and
 * the CPU of its live children (PostgreSQL's backends are children of the postmaster).
 */
export function cpuSeconds(pid: number, children = false): number {
  const f = statFields(pid);
  if (!f) return 0;
  // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  let ticks = Number(f[11]) + Number(f[12]);
  if (children) {
    ticks += Number(f[13]) + Number(f[14]);
    for (const e of Deno.readDirSync("/proc")) {
      if (!/^\d+$/.test(e.name)) continue;
      const c = statFields(Number(e.name));
      if (c && Number(c[1]) === pid) ticks += Number(c[11]) + Number(c[12]);
    }
  }
  return ticks / TICKS_PER_SECOND;
}

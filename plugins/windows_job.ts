/**
 * A Windows job object around a plugin process: every process it starts joins the job (a
 * child cannot break away unless the job allows it, and this one does not), terminating the
 * job ends them all, and the job is set to kill-on-close, so the plugin's whole tree dies
 * with the kit's handle even when the kit itself is killed.
 *
 * It needs the Win32 API (`kernel32.dll`) through Deno's FFI, which runs only when the kit
 * has `--allow-ffi`; without it, {@link openKernel32} gives null and the kit falls back to
 * `taskkill /T /F /PID`, which ends the tree by parent process ids. The calls are made through
 * the small {@link Kernel32} interface, so a test proves their order and arguments on any OS.
 *
 * @module
 */

/** The handful of kernel32 functions a job needs (handles are opaque pointers). */
export interface Kernel32 {
  CreateJobObjectW(attributes: null, name: null): Deno.PointerValue;
  SetInformationJobObject(
    job: Deno.PointerValue,
    infoClass: number,
    info: Uint8Array<ArrayBuffer>,
    size: number,
  ): number;
  OpenProcess(access: number, inherit: number, pid: number): Deno.PointerValue;
  AssignProcessToJobObject(job: Deno.PointerValue, process: Deno.PointerValue): number;
  TerminateJobObject(job: Deno.PointerValue, exitCode: number): number;
  CloseHandle(handle: Deno.PointerValue): number;
}

/** `JobObjectExtendedLimitInformation`, the information class set on the job. */
export const JOB_OBJECT_EXTENDED_LIMIT_INFORMATION = 9;
/** Kill every process in the job when its last handle closes. */
export const JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000;
/** `sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION)` on 64-bit Windows. */
export const EXTENDED_LIMIT_INFORMATION_SIZE = 144;
/** Offset of `BasicLimitInformation.LimitFlags` in it (after two LARGE_INTEGERs). */
export const LIMIT_FLAGS_OFFSET = 16;
/** `PROCESS_SET_QUOTA | PROCESS_TERMINATE`: what assigning a process to a job requires. */
export const ASSIGN_ACCESS = 0x0100 | 0x0001;

/** The limit information that makes a job kill-on-close. */
export function killOnCloseInformation(): Uint8Array<ArrayBuffer> {
  const info = new Uint8Array(EXTENDED_LIMIT_INFORMATION_SIZE);
  new DataView(info.buffer).setUint32(LIMIT_FLAGS_OFFSET, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, true);
  return info;
}

/** One job holding one plugin's processes. */
export class WindowsJob {
  #k32: Kernel32;
  #job: Deno.PointerValue;

  private constructor(k32: Kernel32, job: Deno.PointerValue) {
    this.#k32 = k32;
    this.#job = job;
  }

  /** Creates a kill-on-close job; null when Windows refuses. */
  static create(k32: Kernel32): WindowsJob | null {
    const job = k32.CreateJobObjectW(null, null);
    if (job === null) return null;
    const info = killOnCloseInformation();
    if (
      !k32.SetInformationJobObject(job, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION, info, info.length)
    ) {
      k32.CloseHandle(job);
      return null;
    }
    return new WindowsJob(k32, job);
  }

  /** Puts process `pid` (and so everything it starts from now on) into the job. */
  assign(pid: number): boolean {
    if (this.#job === null) return false;
    const process = this.#k32.OpenProcess(ASSIGN_ACCESS, 0, pid);
    if (process === null) return false;
    try {
      return this.#k32.AssignProcessToJobObject(this.#job, process) !== 0;
    } finally {
      this.#k32.CloseHandle(process);
    }
  }

  /** Ends every process in the job and lets go of it. Idempotent. */
  terminate(): void {
    if (this.#job === null) return;
    this.#k32.TerminateJobObject(this.#job, 1);
    this.#k32.CloseHandle(this.#job);
    this.#job = null;
  }
}

/** The `taskkill` command line that ends `pid` and its descendants: the fallback. */
export function taskkillArgs(pid: number): { cmd: string; args: string[] } {
  return { cmd: "taskkill", args: ["/T", "/F", "/PID", String(pid)] };
}

const SYMBOLS = {
  CreateJobObjectW: { parameters: ["pointer", "pointer"], result: "pointer" },
  SetInformationJobObject: { parameters: ["pointer", "i32", "buffer", "u32"], result: "i32" },
  OpenProcess: { parameters: ["u32", "i32", "u32"], result: "pointer" },
  AssignProcessToJobObject: { parameters: ["pointer", "pointer"], result: "i32" },
  TerminateJobObject: { parameters: ["pointer", "u32"], result: "i32" },
  CloseHandle: { parameters: ["pointer"], result: "i32" },
} as const;

let kernel32: Kernel32 | null | undefined;

/**
 * kernel32 through FFI, or null off Windows, without `--allow-ffi`, or when it cannot be
 * loaded. Opened once.
 */
export function openKernel32(): Kernel32 | null {
  if (kernel32 !== undefined) return kernel32;
  kernel32 = null;
  if (Deno.build.os !== "windows") return null;
  try {
    if (Deno.permissions.querySync({ name: "ffi" }).state !== "granted") return null;
    kernel32 = Deno.dlopen("kernel32.dll", SYMBOLS).symbols as unknown as Kernel32;
  } catch {
    kernel32 = null;
  }
  return kernel32;
}

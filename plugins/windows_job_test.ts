import assert from "node:assert/strict";
import {
  ASSIGN_ACCESS,
  EXTENDED_LIMIT_INFORMATION_SIZE,
  JOB_OBJECT_EXTENDED_LIMIT_INFORMATION,
  JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
  type Kernel32,
  LIMIT_FLAGS_OFFSET,
  taskkillArgs,
  WindowsJob,
} from "./windows_job.ts";

/** A kernel32 that records every call, with handles as small fake pointers. */
function fakeKernel32(fail: Partial<Record<keyof Kernel32, boolean>> = {}) {
  const calls: string[] = [];
  let infoSeen: Uint8Array | null = null;
  const handle = (n: number) => Deno.UnsafePointer.create(BigInt(n));
  const k32: Kernel32 = {
    CreateJobObjectW:
      () => (calls.push("CreateJobObjectW"), fail.CreateJobObjectW ? null : handle(100)),
    SetInformationJobObject: (_job, cls, info, size) => {
      calls.push(`SetInformationJobObject ${cls} ${size}`);
      infoSeen = info;
      return fail.SetInformationJobObject ? 0 : 1;
    },
    OpenProcess: (access, inherit, pid) => {
      calls.push(`OpenProcess ${access} ${inherit} ${pid}`);
      return fail.OpenProcess ? null : handle(200);
    },
    AssignProcessToJobObject:
      () => (calls.push("AssignProcessToJobObject"), fail.AssignProcessToJobObject ? 0 : 1),
    TerminateJobObject: (_job, code) => (calls.push(`TerminateJobObject ${code}`), 1),
    CloseHandle: (h) => (calls.push(`CloseHandle ${Deno.UnsafePointer.value(h)}`), 1),
  };
  return { k32, calls, info: () => infoSeen };
}

Deno.test("WindowsJob makes a kill-on-close job, puts the plugin in it and ends it whole", () => {
  const { k32, calls, info } = fakeKernel32();
  const job = WindowsJob.create(k32)!;
  assert.ok(job.assign(4242));
  job.terminate();
  job.terminate(); // idempotent
  assert.deepEqual(calls, [
    "CreateJobObjectW",
    `SetInformationJobObject ${JOB_OBJECT_EXTENDED_LIMIT_INFORMATION} ${EXTENDED_LIMIT_INFORMATION_SIZE}`,
    `OpenProcess ${ASSIGN_ACCESS} 0 4242`,
    "AssignProcessToJobObject",
    "CloseHandle 200",
    "TerminateJobObject 1",
    "CloseHandle 100",
  ]);
  const flags = new DataView(info()!.buffer).getUint32(LIMIT_FLAGS_OFFSET, true);
  assert.equal(flags, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE);
  assert.equal(ASSIGN_ACCESS, 0x0101);
});

Deno.test("WindowsJob gives up cleanly when Windows refuses a step", () => {
  assert.equal(WindowsJob.create(fakeKernel32({ CreateJobObjectW: true }).k32), null);
  const refused = fakeKernel32({ SetInformationJobObject: true });
  assert.equal(WindowsJob.create(refused.k32), null);
  assert.ok(refused.calls.includes("CloseHandle 100"));
  const noProcess = fakeKernel32({ OpenProcess: true });
  assert.equal(WindowsJob.create(noProcess.k32)!.assign(1), false);
  const noAssign = fakeKernel32({ AssignProcessToJobObject: true });
  assert.equal(WindowsJob.create(noAssign.k32)!.assign(1), false);
  assert.ok(noAssign.calls.includes("CloseHandle 200"));
});

Deno.test("taskkillArgs() ends the process tree by force", () => {
  assert.deepEqual(taskkillArgs(77), { cmd: "taskkill", args: ["/T", "/F", "/PID", "77"] });
});

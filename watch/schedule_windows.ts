/**
 * A Task Scheduler task (registered with `schtasks /Create /XML`): a time trigger repeating
 * every interval (elements in the order Task Scheduler exports them) with Task Scheduler's `RandomDelay` as jitter, run only while the user is
 * logged on (no stored password, least privilege), started when available after a missed run
 * (asleep), never twice at once, on battery too, stopped after five minutes. The XML is
 * UTF-16 with a byte-order mark, as Task Scheduler writes it itself.
 *
 * @module
 */
import { join } from "node:path";
import type { SchedulePlan, ScheduleSpec } from "./schedule_spec.ts";

/** The task XML (UTF-16LE bytes) and the `schtasks` commands. */
export function windowsSchedule(spec: ScheduleSpec): SchedulePlan {
  const task = `${spec.name}-watch`;
  const path = join(spec.home, `${task}.xml`);
  const [command, ...args] = spec.argv;
  const xml = `<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>${
    x(`${spec.product} watch: one sample of the connection every ${
      Math.round(spec.everyMs / 60_000)
    } min`)
  }</Description>
    <URI>\\${x(task)}</URI>
  </RegistrationInfo>
  <Triggers>
    <TimeTrigger>
      <Repetition>
        <Interval>${duration(spec.everyMs)}</Interval>
        <StopAtDurationEnd>false</StopAtDurationEnd>
      </Repetition>
      <StartBoundary>${boundary(spec.startAt)}</StartBoundary>
${
    spec.endAt === null
      ? ""
      : `      <EndBoundary>${boundary(spec.endAt)}</EndBoundary>\n`
  }      <Enabled>true</Enabled>
      <RandomDelay>${duration(spec.randomDelayMs)}</RandomDelay>
    </TimeTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <AllowHardTerminate>true</AllowHardTerminate>
    <StartWhenAvailable>true</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>
    <IdleSettings>
      <StopOnIdleEnd>false</StopOnIdleEnd>
      <RestartOnIdle>false</RestartOnIdle>
    </IdleSettings>
    <AllowStartOnDemand>true</AllowStartOnDemand>
    <Enabled>true</Enabled>
    <Hidden>false</Hidden>
    <RunOnlyIfIdle>false</RunOnlyIfIdle>
    <WakeToRun>false</WakeToRun>
    <ExecutionTimeLimit>PT5M</ExecutionTimeLimit>
    <Priority>7</Priority>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>${x(command)}</Command>
      <Arguments>${x(args.map(winQuote).join(" "))}</Arguments>
    </Exec>
  </Actions>
</Task>
`.replaceAll("\n", "\r\n");
  return {
    files: [{ path, content: utf16le(xml) }],
    install: [["schtasks", "/Create", "/XML", path, "/TN", task, "/F"]],
    uninstall: [["schtasks", "/Delete", "/TN", task, "/F"]],
  };
}

/** UTF-16LE bytes with a byte-order mark. */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = c & 0xff;
    out[3 + i * 2] = c >> 8;
  }
  return out;
}

/** An ISO 8601 duration: PT10M, PT2M30S. */
function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${r ? `${r}S` : ""}`;
}

/** A trigger boundary: an xs:dateTime in UTC (Task Scheduler converts it to local time). */
function boundary(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
}

/** Quotes an argument the way the Windows C runtime splits command lines. */
export function winQuote(arg: string): string {
  if (arg !== "" && !/[\s"]/.test(arg)) return arg;
  return `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, "$1$1")}"`;
}

function x(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * The plugin host: the child process (`kiriwake __plugin-host`) that runs one module plugin
 * in a Worker with exactly its declared permissions and relays what it says to the kit.
 *
 * It lives in its own process because `terminate()` does not stop a Worker spinning in a
 * busy loop (Deno 2.9.6): the kit kills the whole process instead. Before the Worker starts,
 * the host revokes every permission kind the plugin did not declare, because module loading
 * inside a Worker is checked against the process's permissions, not the Worker's.
 *
 * Protocol: one JSON job line on stdin; frames `<nonce> <json>\n` on stdout. The nonce is
 * known to the kit and the host only, so whatever the plugin itself writes to stdout cannot
 * pass for a frame. The host exits after the result, or when stdin closes (the kit is gone).
 *
 * @module
 */
import { z } from "zod";
import type { WorkerMessage, WorkerStart } from "./worker_main.ts";
import { JsonShapeError, MAX_RESULT_DEPTH, parseJson } from "../util/json_text.ts";

/** The largest frame (result, checkpoint) the host relays, in bytes of JSON. */
export const MAX_FRAME_BYTES = 1024 * 1024;
/** Log lines relayed per run; later ones are counted, not sent. */
export const MAX_LOG_LINES = 200;

/** The job the kit sends the host. */
export const hostJobSchema = z.object({
  schema: z.literal("kiriwake.plugin-host-job/v1"),
  nonce: z.string().regex(/^[0-9a-f]{32}$/),
  id: z.string(),
  /** The Worker module's JavaScript (the verified plugin, wrapped). */
  source: z.string(),
  permissions: z.object({
    net: z.array(z.string()),
    read: z.array(z.string()),
    write: z.array(z.string()),
    env: z.array(z.string()),
    run: z.array(z.string()),
  }).strict(),
  start: z.custom<WorkerStart>((v) => typeof v === "object" && v !== null),
}).strict();
/** A job for the host. */
export type HostJob = z.infer<typeof hostJobSchema>;

/** Frames the host writes (after the nonce). */
export type HostFrame =
  | Exclude<WorkerMessage, { t: "log" } | { t: "result" } | { t: "error" }>
  | { t: "log"; level: string; text: string }
  | { t: "result"; result: unknown; workerMs: number; dropped: number }
  | { t: "error"; name: string; message: string; workerMs: number };

/** What the host reads and writes; the real one is the process's stdin and stdout. */
export interface HostIo {
  out(text: string): void;
  /** Resolves when stdin closes. */
  closed: Promise<void>;
}

type PermissionKind = "read" | "write" | "net" | "env" | "run" | "sys" | "ffi" | "import";

/**
 * Revokes, in this process, every permission kind `perms` does not use. Kinds with a
 * declared list stay as granted: the Worker narrows them to the list.
 */
export function narrowProcessPermissions(perms: HostJob["permissions"]): PermissionKind[] {
  const revoked: PermissionKind[] = [];
  const kinds: PermissionKind[] = ["read", "write", "net", "env", "run", "sys", "ffi", "import"];
  for (const name of kinds) {
    const declared = (perms as Record<string, string[] | undefined>)[name];
    if (declared && declared.length > 0) continue;
    Deno.permissions.revokeSync({ name } as Deno.PermissionDescriptor);
    revoked.push(name);
  }
  return revoked;
}

/** The Worker's permissions: the declared lists, everything else denied. */
export function workerPermissions(perms: HostJob["permissions"]): Deno.PermissionOptionsObject {
  const list = (l: string[]) => l.length > 0 ? l : false;
  return {
    net: list(perms.net),
    read: list(perms.read),
    write: list(perms.write),
    env: list(perms.env),
    run: list(perms.run),
    sys: false,
    ffi: false,
    import: false,
  } as Deno.PermissionOptionsObject;
}

/**
 * Runs `job` and resolves with the exit code once the result is written or stdin closes.
 * Requires `--unstable-worker-options`.
 */
export function runHost(job: HostJob, io: HostIo): Promise<number> {
  const frame = (f: HostFrame) => {
    const json = JSON.stringify(f);
    io.out(`${job.nonce} ${json}\n`);
  };
  narrowProcessPermissions(job.permissions);
  const t0 = performance.now();
  const workerMs = () => Math.round(performance.now() - t0);
  let logs = 0;
  let dropped = 0;
  return new Promise<number>((resolve) => {
    let done = false;
    const fail = (name: string, message: string): HostFrame => ({
      t: "error",
      name,
      message,
      workerMs: workerMs(),
    });
    const finish = (f: HostFrame | null) => {
      if (done) return;
      done = true;
      if (f) frame(f);
      resolve(0);
    };
    io.closed.then(() => finish(null));
    const url = `data:text/javascript;base64,${base64Utf8(job.source)}`;
    let worker: Worker;
    try {
      worker = new Worker(url, {
        type: "module",
        name: job.id,
        deno: { permissions: workerPermissions(job.permissions) },
      } as WorkerOptions);
    } catch (e) {
      return finish({ t: "error", name: "HostError", message: String(e), workerMs: workerMs() });
    }
    worker.onerror = (e) => {
      e.preventDefault();
      finish({ t: "error", name: "Uncaught", message: e.message, workerMs: workerMs() });
    };
    worker.onmessageerror = () => {
      finish({
        t: "error",
        name: "InvalidResult",
        message: "A message could not be read",
        workerMs: workerMs(),
      });
    };
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (done || typeof m !== "object" || m === null) return;
      if (m.t === "log") {
        if (++logs > MAX_LOG_LINES) dropped++;
        else frame({ t: "log", level: String(m.level), text: String(m.text).slice(0, 2000) });
        return;
      }
      if (m.t === "result") {
        // The Worker sends JSON text; its claims are checked, never trusted.
        const json = m.json;
        if (typeof json !== "string") {
          return finish(fail("InvalidResult", "The result is not JSON"));
        }
        if (json.length > MAX_FRAME_BYTES) {
          return finish(fail(
            "ResultTooLarge",
            `The result is ${json.length} bytes of JSON, more than the limit of ${MAX_FRAME_BYTES}`,
          ));
        }
        try {
          const result = parseJson(json, MAX_RESULT_DEPTH);
          return finish({ t: "result", result, workerMs: workerMs(), dropped });
        } catch (e) {
          const what = e instanceof JsonShapeError ? "breaks a limit" : "is not JSON";
          return finish(fail("InvalidResult", `The result ${what}: ${(e as Error).message}`));
        }
      }
      if (m.t === "error") {
        return finish({
          t: "error",
          name: String(m.name).slice(0, 100),
          message: String(m.message).slice(0, 4000),
          workerMs: workerMs(),
        });
      }
      if (m.t === "progress" || m.t === "checkpoint" || m.t === "identifier") {
        const size = jsonSize(m);
        if (typeof size === "number" && size <= MAX_FRAME_BYTES) frame(m);
        else dropped++;
      }
    };
    worker.postMessage(job.start);
  });
}

/** Bytes of `v` as JSON, or why it is not JSON. */
function jsonSize(v: unknown): number | string {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? "nothing to serialise" : s.length;
  } catch (e) {
    return (e as Error).message;
  }
}

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

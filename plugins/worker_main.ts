/**
 * The code that runs inside a plugin's Worker: it receives the context, builds the
 * {@link PluginContext} (with timed fetch/connect/resolve helpers), runs the plugin, and
 * posts the plugin's result or error back to the plugin host.
 *
 * {@link workerMain} is shipped as its own source text (`Function.prototype.toString`), so it
 * must be self-contained: no imports, no references outside its body. Nothing here is
 * trusted by the host: the plugin shares this realm and can tamper with it, which is why the
 * host and the kit validate everything that comes out.
 *
 * @module
 */
import type { PluginContext, TimedResponse } from "./api.ts";
import type { Lang } from "../util/text.ts";

/** The CommonJS-shaped wrapper of a transpiled plugin. */
export type PluginFactory = (
  module: { exports: Record<string, unknown> },
  exports: Record<string, unknown>,
  require: (specifier: string) => never,
) => void;

/** What the host sends to start the plugin. */
export interface WorkerStart {
  t: "start";
  id: string;
  lang: Lang;
  config: Record<string, unknown>;
  deps: PluginContext["deps"];
  /** The plugin's own signal fires after this many milliseconds. */
  softTimeoutMs: number;
  /** The largest result, in bytes of JSON. */
  maxResultBytes: number;
}

/** Messages from the Worker to the host. */
export type WorkerMessage =
  | { t: "progress"; fraction?: unknown; note?: unknown }
  | { t: "checkpoint"; data: unknown }
  | { t: "identifier"; kind: unknown; value: unknown }
  | { t: "log"; level: string; text: string }
  | { t: "result"; json: unknown }
  | { t: "error"; name: string; message: string };

/**
 * The Worker's entry point. Runs in the Worker realm only.
 */
export function workerMain(factory: PluginFactory): void {
  // Taken before any plugin code runs, so a plugin cannot swap them under us.
  const scope = globalThis as unknown as {
    postMessage(m: unknown): void;
    onmessage: ((e: MessageEvent) => void) | null;
    Worker?: unknown;
  };
  const post = scope.postMessage.bind(scope);
  const realFetch = globalThis.fetch.bind(globalThis);
  const stringify = JSON.stringify;
  // No nested Workers: a Worker loads modules with the host's permissions, not ours.
  delete scope.Worker;
  // What Deno's permissions do not cover (2.9.6), taken away before any plugin code runs:
  // the Web Cache API stores data on disk with no permission at all (unbounded, and an
  // identifier that outlives the run); Deno.cwd() and Deno.execPath() tell paths (with the
  // user's name in them) without read permission; the runtime's internals object holds the
  // executable's path and raw ops.
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of ["caches", "CacheStorage", "Cache"]) {
    if (!Reflect.deleteProperty(g, name)) {
      Object.defineProperty(g, name, { value: undefined, configurable: false, writable: false });
    }
  }
  const ns = Deno as unknown as Record<PropertyKey, unknown>;
  const internal = (Deno as unknown as { internal?: symbol }).internal;
  if (internal !== undefined) Reflect.deleteProperty(ns, internal);
  Reflect.deleteProperty(ns, "internal");
  const readable = (what: string, real: () => string) => () => {
    const path = real();
    if (Deno.permissions.querySync({ name: "read", path }).state !== "granted") {
      throw new Deno.errors.NotCapable(
        `Requires read access to <${what}>, run again with the --allow-read flag`,
      );
    }
    return path;
  };
  const realCwd = Deno.cwd.bind(Deno);
  const realExecPath = Deno.execPath.bind(Deno);
  ns.cwd = readable("CWD", realCwd);
  ns.execPath = readable("exec_path", realExecPath);

  const show = (v: unknown) => {
    if (typeof v === "string") return v;
    try {
      return stringify(v) ?? String(v);
    } catch {
      return String(v);
    }
  };
  const c = console as unknown as Record<string, (...a: unknown[]) => void>;
  for (const level of ["log", "info", "warn", "error", "debug"]) {
    c[level] = (...args: unknown[]) =>
      post({ t: "log", level, text: args.map(show).join(" ").slice(0, 2000) });
  }
  const isPermissionError = (e: unknown) =>
    e instanceof Error && (e.name === "NotCapable" || e.name === "PermissionDenied");
  const errorText = (e: unknown): string => {
    if (!(e instanceof Error)) return String(e);
    // fetch says only "fetch failed"; the reason (refused, reset, TLS) is in the cause.
    return e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message;
  };
  const since = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

  scope.onmessage = async (event: MessageEvent) => {
    scope.onmessage = null;
    const start = event.data as WorkerStart;
    const signal = AbortSignal.timeout(start.softTimeoutMs);
    const within = (ms?: number) =>
      ms ? AbortSignal.any([signal, AbortSignal.timeout(ms)]) : signal;

    const ctx: PluginContext = {
      id: start.id,
      lang: start.lang,
      config: start.config,
      deps: start.deps,
      signal,
      progress: (p) => post({ t: "progress", fraction: p?.fraction, note: p?.note }),
      checkpoint: (data) => post({ t: "checkpoint", data }),
      identifier: (i) => post({ t: "identifier", kind: i?.kind, value: i?.value }),
      now: () => new Date(),
      async fetch(url, opts = {}) {
        const t0 = performance.now();
        const out: TimedResponse = {
          ok: false,
          status: null,
          ms: 0,
          totalMs: 0,
          headers: {},
          body: "",
        };
        const s = within(opts.timeoutMs);
        try {
          const res = await realFetch(url, {
            method: opts.method,
            headers: opts.headers,
            body: opts.body,
            redirect: "manual",
            signal: s,
          });
          out.ok = true;
          out.status = res.status;
          out.ms = since(t0);
          res.headers.forEach((v, k) => void (out.headers[k] = v));
          const max = opts.maxBodyBytes ?? 65536;
          const chunks: Uint8Array[] = [];
          let size = 0;
          if (res.body) {
            const reader = res.body.getReader();
            while (size < max) {
              const r = await reader.read();
              if (r.done) break;
              chunks.push(r.value.subarray(0, max - size));
              size += Math.min(r.value.length, max - size);
            }
            await reader.cancel().catch(() => {});
          }
          const all = new Uint8Array(size);
          let at = 0;
          for (const ch of chunks) all.set(ch, at), at += ch.length;
          out.body = new TextDecoder().decode(all);
        } catch (e) {
          if (isPermissionError(e)) throw e;
          out.error = s.aborted ? "timeout" : errorText(e);
        }
        out.totalMs = since(t0);
        if (!out.ok) out.ms = out.totalMs;
        return out;
      },
      async connect(host, port, opts = {}) {
        const t0 = performance.now();
        const s = within(opts.timeoutMs);
        const attempt = Deno.connect({ hostname: host.replace(/^\[|\]$/g, ""), port });
        const aborted = new Promise<never>((_, reject) => {
          if (s.aborted) reject(new Error("timeout"));
          s.addEventListener("abort", () => reject(new Error("timeout")), { once: true });
        });
        try {
          const conn = await Promise.race([attempt, aborted]);
          conn.close();
          return { ok: true, ms: since(t0) };
        } catch (e) {
          attempt.then((cn) => cn.close(), () => {});
          if (isPermissionError(e)) throw e;
          return { ok: false, ms: since(t0), error: errorText(e) };
        }
      },
      async resolve(name, opts = {}) {
        const t0 = performance.now();
        const s = within(opts.timeoutMs);
        try {
          const ns = opts.nameServer;
          const answers = await Deno.resolveDns(name, opts.type ?? "A", {
            signal: s,
            ...(ns ? { nameServer: { ipAddr: ns.address, port: ns.port ?? 53 } } : {}),
          });
          return { ok: true, ms: since(t0), answers: answers.map((a) => show(a)) };
        } catch (e) {
          if (isPermissionError(e)) throw e;
          return {
            ok: false,
            ms: since(t0),
            answers: [],
            error: s.aborted ? "timeout" : errorText(e),
          };
        }
      },
    };

    try {
      const module = { exports: {} as Record<string, unknown> };
      factory(module, module.exports, (specifier: string) => {
        const e = new Error(`Plugins cannot import modules ("${specifier}")`);
        e.name = "ImportRefused";
        throw e;
      });
      const run = module.exports.default ?? module.exports.run;
      if (typeof run !== "function") {
        throw new TypeError("The module has no default export function (see plugins/api.ts)");
      }
      const result = await (run as (c: PluginContext) => unknown)(ctx);
      // Serialised here, in the plugin's own time: the host then only measures a string.
      let json: string | undefined;
      try {
        json = stringify(result);
      } catch (e) {
        return post({
          t: "error",
          name: "InvalidResult",
          message: `The result is not JSON: ${errorText(e)}`,
        });
      }
      if (json === undefined) {
        return post({
          t: "error",
          name: "InvalidResult",
          message: "The result is not JSON: nothing to serialise",
        });
      }
      if (json.length > start.maxResultBytes) {
        return post({
          t: "error",
          name: "ResultTooLarge",
          message:
            `The result is ${json.length} bytes of JSON, more than the limit of ${start.maxResultBytes}`,
        });
      }
      post({ t: "result", json });
    } catch (e) {
      const name = e instanceof Error ? e.name : "Error";
      post({ t: "error", name, message: errorText(e) });
    }
  };
}

/**
 * The Worker module's source: {@link workerMain} applied to the transpiled plugin.
 *
 * @example
 * ```ts
 * const src = workerSource('exports.default = () => ({ status: "ok" });');
 * ```
 */
export function workerSource(pluginJs: string): string {
  return `(${workerMain.toString()})(function (module, exports, require) {\n${pluginJs}\n});\n`;
}

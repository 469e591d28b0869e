/**
 * `kiriwake speedtest-server [--host H] [--port N] [--tls-cert FILE --tls-key FILE]
 * [--threads N]`: serves the speed test endpoints so a provider can host an on-net server.
 * Listens on loopback unless told otherwise, with one listener per core on Linux; runs until
 * Ctrl-C (or SIGTERM), then shuts down cleanly.
 *
 * @module
 */
import { InvalidInputError, UsageError } from "../util/errors.ts";
import { parseByteSize } from "../speed/budget.ts";
import { speedAppDefaults } from "../speed/server.ts";
import { defaultThreads, servePool, whyOneThread } from "../speed/server_pool.ts";
import { parseCommandArgs } from "../util/args.ts";
import { INPUT_LIMITS, readInputText } from "../util/read_input.ts";
import type { Command } from "../session/command.ts";

/** The default port. */
export const DEFAULT_PORT = 8080;

/** The command, stopping when `stop` aborts (tests) or on SIGINT/SIGTERM. */
export function speedtestServerCommandWith(stop?: AbortSignal): Command {
  return async (args, io, ctx) => {
    const { values } = parseCommandArgs("speedtest-server", args, {
      host: { type: "string" },
      port: { type: "string" },
      "tls-cert": { type: "string" },
      "tls-key": { type: "string" },
      "max-bytes": { type: "string" },
      threads: { type: "string" },
    });
    const usage = (ja: string, en: string) =>
      new UsageError({ ja: `speedtest-server: ${ja}`, en: `speedtest-server: ${en}` });
    const hostname = values.host ?? "127.0.0.1";
    const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw usage(
        `--port は 0〜65535 です: "${values.port}"`,
        `--port must be 0 to 65535: "${values.port}"`,
      );
    }
    if (!values["tls-cert"] !== !values["tls-key"]) {
      throw usage("--tls-cert と --tls-key は両方必要です", "--tls-cert and --tls-key go together");
    }
    let maxBytes = speedAppDefaults.maxBytes;
    if (values["max-bytes"] !== undefined) {
      try {
        maxBytes = parseByteSize(values["max-bytes"]);
      } catch (e) {
        throw usage(`--max-bytes: ${(e as Error).message}`, `--max-bytes: ${(e as Error).message}`);
      }
    }
    const threads = values.threads === undefined ? defaultThreads() : Number(values.threads);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
      throw usage(
        `--threads は 1〜64 です: "${values.threads}"`,
        `--threads must be 1 to 64: "${values.threads}"`,
      );
    }
    const oneThread = whyOneThread();
    if (threads > 1 && oneThread) {
      throw usage(
        `--threads ${threads}: ${oneThread.ja}`,
        `--threads ${threads}: ${oneThread.en}`,
      );
    }
    const cert = values["tls-cert"] ? await readPem("--tls-cert", values["tls-cert"]) : undefined;
    const key = values["tls-key"] ? await readPem("--tls-key", values["tls-key"]) : undefined;

    const ac = new AbortController();
    const onSignal = () => ac.abort();
    const signals: Deno.Signal[] = Deno.build.os === "windows" ? ["SIGINT"] : ["SIGINT", "SIGTERM"];
    for (const s of signals) Deno.addSignalListener(s, onSignal);
    stop?.addEventListener("abort", onSignal, { once: true });
    try {
      let server;
      try {
        server = await servePool({
          hostname,
          port,
          cert,
          key,
          maxBytes,
          threads,
          signal: ac.signal,
        });
      } catch (e) {
        throw usage(
          `${hostname}:${port} で待ち受けできません (${(e as Error).message})`,
          `cannot listen on ${hostname}:${port} (${(e as Error).message})`,
        );
      }
      // The URL alone on stdout, so scripts (and `deno task bench`) can read the port.
      io.out(`${server.url}\n`);
      io.err(
        ctx.lang === "ja"
          ? `速度測定サーバー: ${server.url} (speed/v1/ 以下、${server.threads} スレッド)。Ctrl-C で停止します\n`
          : `Serving the kiriwake speed test at ${server.url} (endpoints under speed/v1/, ${server.threads} thread${
            server.threads === 1 ? "" : "s"
          }); Ctrl-C stops\n`,
      );
      if (oneThread && navigator.hardwareConcurrency > 1) {
        // Say why a multi-core machine serves from one thread: it caps the rate near one core.
        io.err(
          ctx.lang === "ja"
            ? `1 スレッドで配信します: ${oneThread.ja}\n`
            : `Serving from one thread: ${oneThread.en}\n`,
        );
      }
      await server.finished;
      return 0;
    } finally {
      for (const s of signals) Deno.removeSignalListener(s, onSignal);
    }
  };
}

/** `kiriwake speedtest-server`. */
export const speedtestServerCommand: Command = speedtestServerCommandWith();

async function readPem(flag: string, path: string): Promise<string> {
  try {
    return await readInputText(path, INPUT_LIMITS.pem);
  } catch (e) {
    throw new InvalidInputError({
      ja: `${flag} "${path}" を読めません (${(e as Error).message})`,
      en: `Cannot read ${flag} "${path}" (${(e as Error).message})`,
    });
  }
}

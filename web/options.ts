/**
 * Options of the web view's app factory.
 *
 * @module
 */
import type { Brand } from "../brand/schema.ts";
import type { LoadedConfig } from "../probes/config_load.ts";
import type { ExecFn } from "../probes/lib/exec.ts";
import type { Probe } from "../probes/types.ts";
import type { GuardConfig } from "./guards.ts";
import type { ReportLibrary } from "./library.ts";
import type { Lang } from "../util/text.ts";
import type { Requester } from "../session/send/collector_client.ts";

/** What sending from the browser needs (app and view mode alike). */
export interface WebSendOptions {
  /** The per-user data folder (the send queue, the status document). */
  dataDir: string;
  /** The per-user config directory (the installed licence goes with a send). */
  configDir: string;
  /** In app mode, how often waiting reports are retried while the app is open, ms (0: never). */
  autoRetryMs?: number;
  /** Replaces the network in tests. */
  request?: Requester;
}

/** What app mode (running from the browser) needs besides the view. */
export interface AppModeOptions {
  /** The per-user config directory (consent record). */
  configDir: string;
  /** Where each run's report directory is made; a root of the library. */
  outDir: string;
  config: LoadedConfig;
  /** The planned probes (built-in and plugin). */
  probes: readonly Probe[];
  /** Where each probe came from (`builtin` or a plugin's publisher). */
  sourceOf?: (p: Probe) => string;
  /** Replaces OS commands in tests. */
  exec?: ExecFn;
}

/** Options of {@link createApp}. */
export interface AppOptions {
  brand: Brand;
  /** The language until the customer picks one. */
  lang: Lang;
  /** Secrets and port the guards check. */
  guard: GuardConfig;
  library: ReportLibrary;
  /** Present in app mode. */
  app?: AppModeOptions;
  /** Present when reports may be sent to support from these pages. */
  send?: WebSendOptions;
  /** Called when the customer presses Quit (after the page is sent and runs are stopped). */
  onQuit?: () => void;
  /**
   * Filled by the app: what must happen before the process may end (a running check is
   * cancelled and its partial report written). Awaited on Quit, and by `serveApp`'s `stop`.
   */
  beforeQuit?: (() => Promise<void>)[];
  now?: () => Date;
}

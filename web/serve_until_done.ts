/**
 * What `kiriwake app` and `kiriwake view` share: serve, print the URL, open the browser,
 * and wait for Quit in the page or Ctrl-C in the terminal.
 *
 * @module
 */
import type { Io } from "../session/command.ts";
import type { AppOptions } from "./options.ts";
import { openBrowser } from "./open_browser.ts";
import { serveApp } from "./serve.ts";

/** Options of {@link serveUntilDone}. */
export interface ServeCliOptions {
  app: Omit<AppOptions, "guard" | "onQuit" | "beforeQuit">;
  io: Io;
  /** Skip opening the browser (`--no-open`). */
  noOpen: boolean;
  /** Opens the browser; injected in tests. */
  open?: (url: string) => Promise<boolean>;
}

/** Serves until the page's Quit or SIGINT. The URL goes to stdout, the rest to stderr. */
export async function serveUntilDone(opts: ServeCliOptions): Promise<void> {
  const { io } = opts;
  const ja = opts.app.lang === "ja";
  const served = serveApp(opts.app);
  io.err(
    ja
      ? `${opts.app.brand.product} をブラウザーで開きます。開かない場合は次のアドレスを開いてください (1 回だけ有効):\n`
      : `Opening ${opts.app.brand.product} in your browser. If it does not open, visit this address (valid once):\n`,
  );
  io.out(`${served.url}\n`);
  io.err(
    ja
      ? "終わったら画面の「終了」か Ctrl+C で閉じます。\n"
      : "Press Quit in the page, or Ctrl+C here, when you are done.\n",
  );
  if (!opts.noOpen) {
    const opened = await (opts.open ?? openBrowser)(served.url);
    if (!opened) {
      io.err(
        ja
          ? "ブラウザーを開けませんでした。上のアドレスを開いてください。\n"
          : "Could not open a browser; open the address above.\n",
      );
    }
  }
  // Ctrl+C stops a running check first, so its partial report is written before exit.
  const stop = () => void served.stop();
  Deno.addSignalListener("SIGINT", stop);
  try {
    await served.finished;
  } finally {
    Deno.removeSignalListener("SIGINT", stop);
  }
}

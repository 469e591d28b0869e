/**
 * Opens a URL in the default browser: `xdg-open` on Linux, `open` on macOS, `cmd /c start`
 * on Windows.
 *
 * @module
 */

/** The command that opens `url` on `os`. Pure. */
export function browserCommand(os: string, url: string): string[] {
  switch (os) {
    case "windows":
      // `start` treats a first quoted argument as the window title: give it an empty one.
      return ["cmd", "/c", "start", '""', url];
    case "darwin":
      return ["open", url];
    default:
      return ["xdg-open", url];
  }
}

/**
 * Starts the browser; resolves false when the command cannot be started (then the printed
 * URL is the way in).
 *
 * Requires `--allow-run`.
 */
export async function openBrowser(url: string, os: string = Deno.build.os): Promise<boolean> {
  const [cmd, ...args] = browserCommand(os, url);
  try {
    const child = new Deno.Command(cmd, {
      args,
      stdin: "null",
      stdout: "null",
      stderr: "null",
      windowsRawArguments: os === "windows",
    }).spawn();
    const status = await child.status;
    return status.success;
  } catch {
    return false;
  }
}

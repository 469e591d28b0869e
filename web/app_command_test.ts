import assert from "node:assert/strict";
import { main } from "../main.ts";
import { defaultCommand } from "./app_command.ts";
import { memoryIo } from "../session/command.ts";

// The commands read no config directory before failing; any path will do.
const CTX = { configDir: "/nonexistent/kiriwake-config" };

Deno.test("defaultCommand(): the browser on a desktop, the terminal where none can show", () => {
  const env = (vars: Record<string, string>) => (n: string) => vars[n];
  assert.equal(defaultCommand("windows", env({})), "app");
  assert.equal(defaultCommand("darwin", env({})), "app");
  assert.equal(defaultCommand("linux", env({ DISPLAY: ":0" })), "app");
  assert.equal(defaultCommand("linux", env({ WAYLAND_DISPLAY: "wayland-0" })), "app");
  assert.equal(defaultCommand("linux", env({})), "run");
});

Deno.test("kiriwake app: a bad config fails in the terminal, before serving (exit 4)", async () => {
  const io = memoryIo();
  assert.equal(
    await main(["app", "--no-open", "--lang", "en", "--config", "/nonexistent/c.json"], io, CTX),
    4,
  );
  assert.match(io.stderr, /Cannot load config "\/nonexistent\/c\.json"/);
  assert.equal(io.stdout, "");
});

Deno.test("kiriwake app: unknown flags are usage errors (exit 2)", async () => {
  const io = memoryIo();
  assert.equal(await main(["app", "--port", "8080"], io, CTX), 2);
});

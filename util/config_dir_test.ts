import assert from "node:assert/strict";
import { userConfigDir } from "./config_dir.ts";

const env = (vars: Record<string, string>) => (n: string) => vars[n];

Deno.test("userConfigDir() follows each OS's convention", () => {
  assert.equal(
    userConfigDir("kw", "windows", env({ APPDATA: "C:\\Users\\a\\AppData\\Roaming" })).replaceAll(
      "\\",
      "/",
    ),
    "C:/Users/a/AppData/Roaming/kw",
  );
  assert.equal(
    userConfigDir("kw", "darwin", env({ HOME: "/Users/a" })),
    "/Users/a/Library/Application Support/kw",
  );
  assert.equal(
    userConfigDir("kw", "linux", env({ HOME: "/home/a", XDG_CONFIG_HOME: "/x" })),
    "/x/kw",
  );
  assert.equal(userConfigDir("kw", "linux", env({ HOME: "/home/a" })), "/home/a/.config/kw");
});

Deno.test("userConfigDir() honours KIRIWAKE_CONFIG_DIR and fails clearly without a home", () => {
  assert.equal(userConfigDir("kw", "linux", env({ KIRIWAKE_CONFIG_DIR: "/tmp/c" })), "/tmp/c");
  assert.throws(() => userConfigDir("kw", "windows", env({})), /APPDATA is not set/);
});

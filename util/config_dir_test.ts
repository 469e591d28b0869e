import assert from "node:assert/strict";
import { userConfigDir, userDataDir } from "./config_dir.ts";

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

Deno.test("userDataDir() follows each OS's convention for growing data", () => {
  assert.equal(
    userDataDir("kw", "windows", env({ LOCALAPPDATA: "C:\\Users\\a\\AppData\\Local" }))
      .replaceAll("\\", "/"),
    "C:/Users/a/AppData/Local/kw",
  );
  assert.equal(
    userDataDir("kw", "darwin", env({ HOME: "/Users/a" })),
    "/Users/a/Library/Application Support/kw",
  );
  assert.equal(userDataDir("kw", "linux", env({ XDG_DATA_HOME: "/d", HOME: "/h" })), "/d/kw");
  assert.equal(userDataDir("kw", "linux", env({ HOME: "/home/a" })), "/home/a/.local/share/kw");
});

Deno.test("userDataDir() honours KIRIWAKE_DATA_DIR, then KIRIWAKE_CONFIG_DIR, and fails clearly", () => {
  assert.equal(
    userDataDir("kw", "linux", env({ KIRIWAKE_DATA_DIR: "/tmp/d", HOME: "/h" })),
    "/tmp/d",
  );
  assert.equal(userDataDir("kw", "linux", env({ KIRIWAKE_CONFIG_DIR: "/tmp/c" })), "/tmp/c/data");
  assert.throws(() => userDataDir("kw", "windows", env({})), /LOCALAPPDATA is not set/);
});

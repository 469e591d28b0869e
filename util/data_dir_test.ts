import assert from "node:assert/strict";
import { userDataDir } from "./data_dir.ts";

const env = (vars: Record<string, string>) => (n: string) => vars[n];

Deno.test("userDataDir() follows each OS's convention", () => {
  assert.equal(
    userDataDir("kw", "windows", env({ LOCALAPPDATA: "C:\\Users\\a\\AppData\\Local" }))
      .replaceAll("\\", "/"),
    "C:/Users/a/AppData/Local/kw",
  );
  assert.equal(
    userDataDir("kw", "darwin", env({ HOME: "/Users/a" })),
    "/Users/a/Library/Application Support/kw",
  );
  assert.equal(userDataDir("kw", "linux", env({ HOME: "/h", XDG_DATA_HOME: "/x" })), "/x/kw");
  assert.equal(userDataDir("kw", "linux", env({ HOME: "/home/a" })), "/home/a/.local/share/kw");
});

Deno.test("userDataDir() honours KIRIWAKE_DATA_DIR and fails clearly without a home", () => {
  assert.equal(userDataDir("kw", "linux", env({ KIRIWAKE_DATA_DIR: "/tmp/d" })), "/tmp/d");
  assert.throws(() => userDataDir("kw", "linux", env({})), /HOME is not set/);
});

import assert from "node:assert/strict";
import { COLLECTOR_COMMANDS } from "../collector_main.ts";
import { main } from "../main.ts";
import { openDatabase } from "../collector/open_db.ts";
import { testConsole } from "../collector/testing_console.ts";
import { memoryIo } from "../session/command.ts";

const NOW = new Date("2026-12-01T00:00:00Z");

Deno.test("collector user add, list, reset, disable: accounts from the terminal, audited", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kw-user-" });
  const run = async (args: string[], stdin = "") => {
    const io = memoryIo(stdin, { env: { HOME: "/nonexistent" } });
    const code = await main(
      ["collector", "user", ...args, "--data", dir, "--lang", "en"],
      io,
      { now: () => NOW },
      COLLECTOR_COMMANDS,
    );
    return { code, out: io.stdout, err: io.stderr };
  };
  try {
    const add = await run(["add", "Root", "--tenant", "_provider", "--role", "provider-admin"]);
    assert.equal(add.code, 0, add.err);
    const first = add.out.trim();
    assert.match(first, /^[A-Za-z0-9]{20}$/, "the first password, alone on stdout");
    assert.match(add.err, /Hand the first password/);
    const own = await run(
      [
        "add",
        "aiko",
        "--tenant",
        "acme",
        "--role",
        "agent",
        "--name",
        "Aiko",
        "--password-stdin",
        "--json",
      ],
      "a long and private passphrase\n",
    );
    assert.equal(own.code, 0, own.err);
    assert.equal(JSON.parse(own.out).password, undefined, "a chosen password is never echoed");
    assert.equal((await run(["add", "aiko", "--tenant", "globex", "--role", "agent"])).code, 4);
    assert.equal((await run(["add", "x", "--tenant", "acme", "--role", "root"])).code, 2);
    assert.equal(
      (await run(["add", "eve", "--tenant", "acme", "--role", "provider-admin"])).code,
      2,
    );
    const list = await run(["list", "--json"]);
    assert.deepEqual(
      JSON.parse(list.out).map((
        s: { login: string; mustChangePassword: boolean },
      ) => [s.login, s.mustChangePassword]),
      [["root", true], ["aiko", false]],
    );
    const reset = await run(["reset", "root"]);
    assert.match(reset.out.trim(), /^[A-Za-z0-9]{20}$/);
    assert.notEqual(reset.out.trim(), first);
    assert.equal((await run(["disable", "aiko"])).code, 0);
    const db = await openDatabase(undefined, dir);
    try {
      const con = testConsole(db);
      assert.equal((await con.accounts.signIn("root", first, "t")).ok, false);
      assert.equal((await con.accounts.signIn("root", reset.out.trim(), "t")).ok, true);
      assert.equal(
        (await con.accounts.signIn("aiko", "a long and private passphrase", "t")).ok,
        false,
      );
      const log = await db.query<{ action: string; actor_login: string }>(
        "SELECT action, actor_login FROM audit_log WHERE action LIKE 'staff-%' ORDER BY id",
      );
      assert.deepEqual(log.map((r) => `${r.actor_login}:${r.action}`), [
        "cli:staff-add",
        "cli:staff-add",
        "cli:staff-reset",
        "cli:staff-disable",
      ]);
    } finally {
      await db.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/**
 * `kiriwake collector user …`: the console's staff accounts from the provider's terminal
 * (the first provider admin is made here; admins then manage the rest in the console).
 *
 * ```
 * kiriwake collector user add LOGIN --tenant T --role agent|tenant-admin|provider-admin
 *                                   [--name "Display name"] [--password-stdin] [--json]
 * kiriwake collector user disable|enable|reset LOGIN [--json]
 * kiriwake collector user list [--tenant T] [--json]
 *         (each also takes --db URL | --data DIR, as `kiriwake collector` does)
 * ```
 *
 * `add` and `reset` print a random first password once (stdout; the account must change it
 * at its first sign-in); `--password-stdin` reads the password from the first line of standard
 * input instead (scripts), and then no change is demanded. The embedded database allows one
 * process: stop the collector first, or manage accounts in the console.
 *
 * @module
 */
import { join } from "node:path";
import { AccountError, type AccountStore, type StaffAccount } from "../collector/accounts.ts";
import type { Actor } from "../collector/audit_log.ts";
import { SupportConsole } from "../collector/console.ts";
import { migrate } from "../collector/migrate.ts";
import { openDatabase } from "../collector/open_db.ts";
import { isRole, type Role } from "../collector/roles.ts";
import { PROVIDER_TENANT, Scope } from "../collector/scope.ts";
import type { Command, Io } from "../session/command.ts";
import { parseCommandArgs } from "../util/args.ts";
import { userDataDir } from "../util/data_dir.ts";
import { EXIT, InvalidInputError, UsageError } from "../util/errors.ts";
import type { Lang } from "../util/text.ts";

const OPTIONS = {
  db: { type: "string" },
  data: { type: "string" },
  tenant: { type: "string" },
  role: { type: "string" },
  name: { type: "string" },
  "password-stdin": { type: "boolean" },
  json: { type: "boolean" },
} as const;

/** Who acts from the terminal (recorded in the audit log). */
export const OPERATOR: Actor = { id: "cli", login: "cli", tenant: PROVIDER_TENANT };

const USAGE = "collector user add|disable|enable|reset|list";

/** The `collector user` command (`args` start after `user`). */
export const collectorUserCommand: Command = async (args, io, ctx) => {
  const { values, positionals } = parseCommandArgs("collector user", args, OPTIONS, 2);
  const [action, login] = positionals;
  if (!action || !["add", "disable", "enable", "reset", "list"].includes(action)) {
    throw usage(USAGE);
  }
  if (action !== "list" && !login) throw usage(`collector user ${action} LOGIN`);
  if (action === "list" && login) throw usage("collector user list [--tenant T]");
  if (action === "add") checkAdd(values);
  const dataDir = values.data ??
    join(userDataDir(ctx.brand.id, Deno.build.os, io.env), "collector");
  const db = await openDatabase(values.db ?? io.env("KIRIWAKE_COLLECTOR_DB"), dataDir);
  try {
    await migrate(db);
    const con = new SupportConsole({ db, brand: ctx.brand, timeZone: "UTC", trustProxy: false });
    const all = Scope.allTenants("cli:collector user");
    const a = con.accounts;
    try {
      switch (action) {
        case "add":
          return await add(io, ctx.lang, a, all, login!, values);
        case "disable":
        case "enable": {
          const account = await a.setDisabled(all, OPERATOR, login!, action === "disable");
          say(io, values.json, account, null);
          return EXIT.ok;
        }
        case "reset": {
          const r = await a.reset(all, OPERATOR, login!);
          say(io, values.json, r.account, r.password);
          return EXIT.ok;
        }
        default: {
          const list = await a.list(all, values.tenant ?? null);
          if (values.json) io.out(`${JSON.stringify(list.map(shown))}\n`);
          else {
            for (const s of list) {
              io.out(
                `${s.login}\t${s.tenant}\t${s.role}\t${
                  s.disabled ? "disabled" : "active"
                }\t${s.displayName}\n`,
              );
            }
          }
          return EXIT.ok;
        }
      }
    } catch (e) {
      if (e instanceof AccountError) {
        throw new InvalidInputError({ ja: accountErrorJa(e), en: e.message });
      }
      throw e;
    }
  } finally {
    await db.close();
  }
};

async function add(
  io: Io,
  lang: Lang,
  a: AccountStore,
  all: Scope,
  login: string,
  values: {
    tenant?: string;
    role?: string;
    name?: string;
    "password-stdin"?: boolean;
    json?: boolean;
  },
): Promise<number> {
  let password: string | undefined;
  if (values["password-stdin"]) {
    password = (await io.readLine()) ?? "";
  }
  const made = await a.add(all, OPERATOR, {
    tenant: values.tenant!,
    login,
    role: values.role as Role,
    displayName: values.name,
    password,
  });
  say(io, values.json, made.account, password === undefined ? made.password : null);
  if (!values.json && password === undefined) {
    io.err(
      lang === "ja"
        ? "初期パスワードを本人に安全な方法で伝えてください (二度と表示されません。最初のサインインで変更を求めます)\n"
        : "Hand the first password to its owner safely (it is not shown again; it must be changed at the first sign-in)\n",
    );
  }
  return EXIT.ok;
}

/**
 * Checks `add`'s flags before the database is opened.
 *
 * @throws {UsageError} for a missing tenant, an unknown role, or a provider admin elsewhere
 */
function checkAdd(values: { tenant?: string; role?: string }): void {
  if (!values.tenant) throw usage("collector user add LOGIN --tenant T --role ROLE");
  if (!isRole(values.role)) {
    throw new UsageError({
      ja: `--role は agent、tenant-admin、provider-admin のどれかです: "${values.role ?? ""}"`,
      en: `--role is agent, tenant-admin or provider-admin: "${values.role ?? ""}"`,
    });
  }
  if (values.role === "provider-admin" && values.tenant !== PROVIDER_TENANT) {
    throw new UsageError({
      ja: `プロバイダー管理者は --tenant ${PROVIDER_TENANT} に属します`,
      en: `A provider admin belongs to --tenant ${PROVIDER_TENANT}`,
    });
  }
}

function shown(s: StaffAccount) {
  return {
    login: s.login,
    tenant: s.tenant,
    role: s.role,
    displayName: s.displayName,
    disabled: s.disabled,
    mustChangePassword: s.mustChangePassword,
    lastSignIn: s.lastSignIn?.toISOString() ?? null,
  };
}

/** Prints the account (and a one-time password: alone on stdout unless `--json`). */
function say(io: Io, json: boolean | undefined, s: StaffAccount, password: string | null): void {
  if (json) io.out(`${JSON.stringify({ ...shown(s), ...(password ? { password } : {}) })}\n`);
  else if (password) io.out(`${password}\n`);
  else io.err(`${s.login} (${s.tenant}, ${s.role}): ${s.disabled ? "disabled" : "active"}\n`);
}

function accountErrorJa(e: AccountError): string {
  switch (e.code) {
    case "exists":
      return "このユーザー名はすでに使われています";
    case "bad-login":
      return "ユーザー名は英小文字・数字・. _ @ - の 2〜64 文字です";
    case "weak-password":
      return "パスワードは 12 文字以上で、ユーザー名を含まないものにしてください";
    case "not-found":
      return "そのアカウントはありません";
    default:
      return e.message;
  }
}

function usage(form: string): UsageError {
  return new UsageError({ ja: `使い方: kiriwake ${form}`, en: `Usage: kiriwake ${form}` });
}

/**
 * Staff accounts and their sessions: add, disable, reset, sign in, resolve a session, sign
 * out. Managing accounts runs under a {@link Scope} (a tenant admin sees its own tenant's
 * staff only, row-level security included); signing in and resolving a session run under
 * {@link SIGNING_IN}, the one access that finds an account before its tenant is known.
 *
 * Sign-in is password-based today, behind the {@link AuthProvider} seam: an OIDC provider
 * later proves an identity its own way and hands {@link AccountStore.startSession} an
 * account (found by `auth` and `subject`); sessions, roles and scopes stay as they are.
 *
 * Brute force: every wrong password counts against the account; `maxFailures` in a row lock
 * it for `lockMinutes` (the count starts again after the lock). A locked, disabled or
 * unknown account costs the same scrypt time as a real check and gets the same answer, so
 * neither the message nor the timing tells which names exist. Addresses are limited
 * separately by the web layer.
 *
 * @module
 */
import { sha256Hex } from "../util/crypto.ts";
import { type Actor, logEvent, NOBODY, recordEvent } from "./audit_log.ts";
import type { ConsoleSettings } from "./console_options.ts";
import type { Database, Sql } from "./db.ts";
import {
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  needsRehash,
  randomPassword,
  verifyNobody,
  verifyPassword,
} from "./password.ts";
import { mayGrant, type Role, type StaffIdentity } from "./roles.ts";
import { inScope, SIGNING_IN, tenantCondition } from "./scoped.ts";
import { PROVIDER_TENANT, type Scope } from "./scope.ts";

/** A staff account as the console shows it (never its hash). */
export interface StaffAccount extends StaffIdentity {
  displayName: string;
  auth: string;
  disabled: boolean;
  mustChangePassword: boolean;
  failedAttempts: number;
  lockedUntil: Date | null;
  createdAt: Date;
  lastSignIn: Date | null;
}

/** A signed-in session. */
export interface Session {
  staff: StaffAccount;
  /** The token every form of this session carries. */
  csrf: string;
  expiresAt: Date;
}

/** What a sign-in gives: the cookie's token and the session, or why not. */
export type SignInResult =
  | { ok: true; token: string; session: Session }
  | { ok: false; reason: "refused" };

/** A way to prove who signs in. The console has `password`; OIDC would be another. */
export interface AuthProvider {
  /** `password`, or `oidc:<issuer>` later. */
  readonly id: string;
}

/** Why an account change was refused. */
export class AccountError extends Error {
  /** `exists`, `not-found`, `forbidden`, `weak-password`, `bad-login` or `wrong-password`. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "AccountError";
    this.code = code;
  }
}

const STAFF_COLUMNS =
  "id, tenant, login, display_name, role, auth, disabled, must_change_password, failed_attempts, locked_until, created_at, last_sign_in";

/** A sign-in name: lowercase letters, digits and `. _ @ -`, 2–64 characters. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

/** Normalises what a person typed as a sign-in name. */
export function normaliseLogin(text: string): string {
  return text.normalize("NFKC").trim().toLowerCase();
}

/** Accounts and sessions over one database. */
export class AccountStore {
  readonly #db: Database;
  readonly #s: ConsoleSettings;
  readonly #now: () => Date;

  constructor(db: Database, settings: ConsoleSettings, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#s = settings;
    this.#now = now;
  }

  /**
   * Adds an account under `scope`, for `actor` (or a command-line operator). Returns the
   * account and its first password (generated unless given); the account must change it at
   * first sign-in when it was generated.
   *
   * @throws {AccountError} `bad-login`, `exists`, `forbidden` or `weak-password`
   */
  async add(
    scope: Scope,
    actor: Actor & { role?: Role },
    a: { tenant: string; login: string; role: Role; displayName?: string; password?: string },
  ): Promise<{ account: StaffAccount; password: string }> {
    const login = normaliseLogin(a.login);
    if (!LOGIN_PATTERN.test(login)) {
      throw new AccountError(
        "bad-login",
        `A sign-in name is 2–64 lowercase letters, digits or . _ @ -: "${a.login}"`,
      );
    }
    if (a.role === "provider-admin" && a.tenant !== PROVIDER_TENANT) {
      throw new AccountError("forbidden", `A provider admin belongs to ${PROVIDER_TENANT}`);
    }
    if (actor.role && !mayGrant(actor as StaffIdentity, a.tenant, a.role)) {
      throw new AccountError("forbidden", `${actor.login} may not add a ${a.role} to ${a.tenant}`);
    }
    const password = a.password ?? randomPassword();
    checkStrength(password, login);
    const hash = await hashPassword(password, this.#s.passwordParams);
    const id = crypto.randomUUID();
    try {
      return await inScope(this.#db, scope, async (sql) => {
        await sql.query("INSERT INTO tenants (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", [
          a.tenant,
        ]);
        const [row] = await sql.query(
          `INSERT INTO staff (id, tenant, login, display_name, role, password_hash,
                              must_change_password, password_changed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz) RETURNING ${STAFF_COLUMNS}`,
          [
            id,
            a.tenant,
            login,
            (a.displayName ?? "").slice(0, 200),
            a.role,
            hash,
            a.password === undefined,
            this.#now().toISOString(),
          ],
        );
        await recordEvent(sql, {
          tenant: a.tenant,
          actor,
          action: "staff-add",
          detail: { login, role: a.role },
        });
        return { account: accountOf(row), password };
      });
    } catch (e) {
      if ((e as { code?: string }).code === "23505") {
        throw new AccountError("exists", `The sign-in name "${login}" is taken`);
      }
      throw e;
    }
  }

  /** The accounts `scope` may see, optionally of one tenant, by tenant and name. */
  async list(scope: Scope, tenant?: string | null): Promise<StaffAccount[]> {
    return await inScope(this.#db, scope, async (sql) => {
      const params: unknown[] = [];
      const where = tenantCondition(scope, "tenant", params, tenant);
      const rows = await sql.query(
        `SELECT ${STAFF_COLUMNS} FROM staff WHERE ${where} ORDER BY tenant, login LIMIT 5000`,
        params,
      );
      return rows.map(accountOf);
    });
  }

  /** The account `login` if `scope` sees it, else null. */
  async find(scope: Scope, login: string): Promise<StaffAccount | null> {
    return await inScope(this.#db, scope, async (sql) => {
      const params: unknown[] = [normaliseLogin(login)];
      const where = tenantCondition(scope, "tenant", params);
      const [row] = await sql.query(
        `SELECT ${STAFF_COLUMNS} FROM staff WHERE login = $1 AND ${where}`,
        params,
      );
      return row ? accountOf(row) : null;
    });
  }

  /**
   * Disables (or enables) `login`; disabling ends its sessions at once.
   *
   * @throws {AccountError} `not-found` when `scope` does not see it, `forbidden` for oneself
   */
  async setDisabled(
    scope: Scope,
    actor: Actor & { role?: Role },
    login: string,
    disabled: boolean,
  ): Promise<StaffAccount> {
    return await this.#change(scope, actor, login, async (sql, target) => {
      if (target.id === actor.id) {
        throw new AccountError("forbidden", "An account cannot disable itself");
      }
      const [row] = await sql.query(
        `UPDATE staff SET disabled = $2, failed_attempts = 0, locked_until = NULL
          WHERE id = $1 RETURNING ${STAFF_COLUMNS}`,
        [target.id, disabled],
      );
      if (disabled) await sql.query("DELETE FROM staff_sessions WHERE staff_id = $1", [target.id]);
      return { row, action: disabled ? "staff-disable" : "staff-enable" };
    });
  }

  /**
   * Gives `login` a new random password (to be changed at its next sign-in), unlocks it and
   * ends its sessions. Returns the password, to be handed over once.
   *
   * @throws {AccountError} `not-found` when `scope` does not see it
   */
  async reset(
    scope: Scope,
    actor: Actor & { role?: Role },
    login: string,
  ): Promise<{ account: StaffAccount; password: string }> {
    const password = randomPassword();
    const hash = await hashPassword(password, this.#s.passwordParams);
    const account = await this.#change(scope, actor, login, async (sql, target) => {
      const [row] = await sql.query(
        `UPDATE staff SET password_hash = $2, must_change_password = true, failed_attempts = 0,
                          locked_until = NULL, password_changed_at = $3::timestamptz
          WHERE id = $1 RETURNING ${STAFF_COLUMNS}`,
        [target.id, hash, this.#now().toISOString()],
      );
      await sql.query("DELETE FROM staff_sessions WHERE staff_id = $1", [target.id]);
      return { row, action: "staff-reset" };
    });
    return { account, password };
  }

  async #change(
    scope: Scope,
    actor: Actor & { role?: Role },
    login: string,
    f: (
      sql: Sql,
      target: StaffAccount,
    ) => Promise<{ row: unknown; action: "staff-disable" | "staff-enable" | "staff-reset" }>,
  ): Promise<StaffAccount> {
    return await inScope(this.#db, scope, async (sql) => {
      const params: unknown[] = [normaliseLogin(login)];
      const where = tenantCondition(scope, "tenant", params);
      const [found] = await sql.query(
        `SELECT ${STAFF_COLUMNS} FROM staff WHERE login = $1 AND ${where} FOR UPDATE`,
        params,
      );
      if (!found) throw new AccountError("not-found", `No account "${login}" here`);
      const target = accountOf(found);
      if (actor.role && !mayGrant(actor as StaffIdentity, target.tenant, target.role)) {
        throw new AccountError("forbidden", `${actor.login} may not change ${target.login}`);
      }
      const { row, action } = await f(sql, target);
      await recordEvent(sql, {
        tenant: target.tenant,
        actor,
        action,
        detail: { login: target.login },
      });
      return accountOf(row as Record<string, unknown>);
    });
  }

  /**
   * Checks a password and opens a session. Every refusal looks the same to the caller.
   *
   * @param source the client's address, for the audit log
   */
  async signIn(loginText: string, password: string, source: string): Promise<SignInResult> {
    const login = normaliseLogin(loginText).slice(0, 200);
    const now = this.#now();
    const found = await inScope(this.#db, SIGNING_IN, async (sql) => {
      const [row] = await sql.query<Record<string, unknown>>(
        `SELECT ${STAFF_COLUMNS}, password_hash FROM staff WHERE login = $1 AND auth = 'password'`,
        [login],
      );
      return row ?? null;
    });
    const account = found ? accountOf(found) : null;
    const usable = account && !account.disabled &&
      !(account.lockedUntil && account.lockedUntil > now);
    if (!account || !usable) {
      await verifyNobody(password, this.#s.passwordParams);
      await logEvent(this.#db, SIGNING_IN, {
        tenant: account?.tenant ?? PROVIDER_TENANT,
        actor: account ? actorOf(account) : NOBODY,
        action: "sign-in-failed",
        detail: {
          login: login.slice(0, 64),
          why: !account ? "unknown" : account.disabled ? "disabled" : "locked",
          source,
        },
      });
      return { ok: false, reason: "refused" };
    }
    const hash = found!.password_hash as string;
    if (!(await verifyPassword(password, hash))) {
      await this.#countFailure(account, source);
      return { ok: false, reason: "refused" };
    }
    const rehash = needsRehash(hash, this.#s.passwordParams)
      ? await hashPassword(password, this.#s.passwordParams)
      : null;
    return await this.startSession(account, source, rehash);
  }

  async #countFailure(account: StaffAccount, source: string): Promise<void> {
    const now = this.#now();
    const lockUntil = new Date(now.getTime() + this.#s.lockMinutes * 60_000);
    await inScope(this.#db, SIGNING_IN, async (sql) => {
      const [row] = await sql.query<{ failed_attempts: number; locked_until: Date | null }>(
        `UPDATE staff SET
           failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
           locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
         WHERE id = $1 RETURNING failed_attempts, locked_until`,
        [account.id, this.#s.maxFailures, lockUntil.toISOString()],
      );
      const locked = row?.locked_until !== null && row?.locked_until !== undefined &&
        new Date(row.locked_until) > now;
      await recordEvent(sql, {
        tenant: account.tenant,
        actor: actorOf(account),
        action: locked ? "locked" : "sign-in-failed",
        detail: { login: account.login, why: "password", source },
      });
    });
  }

  /**
   * The enabled account an external {@link AuthProvider} (`auth`, e.g. `oidc:<issuer>`) knows
   * as `subject`, or null: what an OIDC callback calls before {@link startSession}. Password
   * accounts are never found this way.
   */
  async findExternal(auth: string, subject: string): Promise<StaffAccount | null> {
    if (auth === "password" || !subject) return null;
    const [row] = await inScope(this.#db, SIGNING_IN, (sql) =>
      sql.query<Record<string, unknown>>(
        `SELECT ${STAFF_COLUMNS} FROM staff WHERE auth = $1 AND subject = $2 AND NOT disabled`,
        [auth, subject],
      ));
    return row ? accountOf(row) : null;
  }

  /**
   * Opens a session for `account`, which an {@link AuthProvider} has vouched for. A fresh
   * random token every time: a session id is never taken from the client (no fixation).
   */
  async startSession(
    account: StaffAccount,
    source: string,
    rehash: string | null = null,
  ): Promise<SignInResult> {
    const now = this.#now();
    const token = randomToken();
    const csrf = randomToken();
    const expiresAt = new Date(now.getTime() + this.#s.sessionHours * 3_600_000);
    await inScope(this.#db, SIGNING_IN, async (sql) => {
      await sql.query(
        `UPDATE staff SET failed_attempts = 0, locked_until = NULL, last_sign_in = $2::timestamptz,
                          password_hash = coalesce($3, password_hash)
          WHERE id = $1`,
        [account.id, now.toISOString(), rehash],
      );
      await sql.query(
        `INSERT INTO staff_sessions (token_sha256, staff_id, tenant, csrf, created_at, seen_at,
                                     expires_at, source)
         VALUES ($1, $2, $3, $4, $5::timestamptz, $5::timestamptz, $6::timestamptz, $7)`,
        [
          await sha256Hex(token),
          account.id,
          account.tenant,
          csrf,
          now.toISOString(),
          expiresAt.toISOString(),
          source.slice(0, 100),
        ],
      );
      await sql.query("DELETE FROM staff_sessions WHERE expires_at < $1::timestamptz", [
        now.toISOString(),
      ]);
      await recordEvent(sql, {
        tenant: account.tenant,
        actor: actorOf(account),
        action: "sign-in",
        detail: { source },
      });
    });
    return { ok: true, token, session: { staff: account, csrf, expiresAt } };
  }

  /** The session of a cookie's token, or null (unknown, expired, idle too long, disabled). */
  async session(token: string | undefined): Promise<Session | null> {
    if (!token || token.length > 200) return null;
    const now = this.#now();
    const idleSince = new Date(now.getTime() - this.#s.sessionIdleMinutes * 60_000);
    const hash = await sha256Hex(token);
    return await inScope(this.#db, SIGNING_IN, async (sql) => {
      const [row] = await sql.query<Record<string, unknown>>(
        `SELECT ${STAFF_COLUMNS.split(", ").map((c) => `s.${c}`).join(", ")},
                x.csrf, x.expires_at, x.seen_at
           FROM staff_sessions x JOIN staff s ON s.id = x.staff_id
          WHERE x.token_sha256 = $1 AND x.expires_at > $2::timestamptz
            AND x.seen_at > $3::timestamptz AND NOT s.disabled`,
        [hash, now.toISOString(), idleSince.toISOString()],
      );
      if (!row) return null;
      // Touch at most once a minute: a page of requests is not a page of writes.
      if (now.getTime() - new Date(row.seen_at as string).getTime() > 60_000) {
        await sql.query(
          "UPDATE staff_sessions SET seen_at = $2::timestamptz WHERE token_sha256 = $1",
          [hash, now.toISOString()],
        );
      }
      return {
        staff: accountOf(row),
        csrf: row.csrf as string,
        expiresAt: new Date(row.expires_at as string),
      };
    });
  }

  /** Ends the session of `token` (sign-out). */
  async endSession(token: string, actor: Actor | null): Promise<void> {
    const hash = await sha256Hex(token);
    await inScope(this.#db, SIGNING_IN, async (sql) => {
      await sql.query("DELETE FROM staff_sessions WHERE token_sha256 = $1", [hash]);
      if (actor) await recordEvent(sql, { tenant: actor.tenant, actor, action: "sign-out" });
    });
  }

  /**
   * Changes the signed-in account's own password after checking the current one; ends its
   * other sessions.
   *
   * @throws {AccountError} `wrong-password` or `weak-password`
   */
  async changePassword(
    account: StaffAccount,
    current: string,
    next: string,
    keepToken: string,
  ): Promise<void> {
    const [row] = await inScope(
      this.#db,
      SIGNING_IN,
      (sql) =>
        sql.query<{ password_hash: string }>("SELECT password_hash FROM staff WHERE id = $1", [
          account.id,
        ]),
    );
    if (!row || !(await verifyPassword(current, row.password_hash))) {
      throw new AccountError("wrong-password", "The current password is wrong");
    }
    checkStrength(next, account.login);
    if (next === current) {
      throw new AccountError("weak-password", "The new password must differ from the current one");
    }
    const hash = await hashPassword(next, this.#s.passwordParams);
    const keep = await sha256Hex(keepToken);
    await inScope(this.#db, SIGNING_IN, async (sql) => {
      await sql.query(
        `UPDATE staff SET password_hash = $2, must_change_password = false,
                          password_changed_at = $3::timestamptz WHERE id = $1`,
        [account.id, hash, this.#now().toISOString()],
      );
      await sql.query("DELETE FROM staff_sessions WHERE staff_id = $1 AND token_sha256 <> $2", [
        account.id,
        keep,
      ]);
      await recordEvent(sql, {
        tenant: account.tenant,
        actor: actorOf(account),
        action: "password-change",
      });
    });
  }
}

/**
 * Refuses a password that is too short or too long, or that contains the sign-in name.
 *
 * @throws {AccountError} `weak-password`
 */
export function checkStrength(password: string, login: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new AccountError(
      "weak-password",
      `A password has ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`,
    );
  }
  if (login.length >= 3 && password.toLowerCase().includes(login)) {
    throw new AccountError("weak-password", "A password must not contain the sign-in name");
  }
}

/** The audit actor of an account. */
export function actorOf(a: StaffIdentity): Actor {
  return { id: a.id, login: a.login, tenant: a.tenant };
}

function randomToken(): string {
  const b = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...b)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const date = (v: unknown) => v === null || v === undefined ? null : new Date(v as string);

function accountOf(r: Record<string, unknown>): StaffAccount {
  return {
    id: r.id as string,
    tenant: r.tenant as string,
    login: r.login as string,
    displayName: (r.display_name as string) ?? "",
    role: r.role as Role,
    auth: r.auth as string,
    disabled: Boolean(r.disabled),
    mustChangePassword: Boolean(r.must_change_password),
    failedAttempts: Number(r.failed_attempts ?? 0),
    lockedUntil: date(r.locked_until),
    createdAt: date(r.created_at)!,
    lastSignIn: date(r.last_sign_in),
  };
}

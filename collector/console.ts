/**
 * The support desk console's state over one collector database: the accounts, the settings,
 * the per-address sign-in limit and the clock. It holds nothing another instance would need
 * (sessions live in the database), so any number of collector instances serve one console.
 *
 * @module
 */
import type { Brand } from "../brand/schema.ts";
import { AccountStore } from "./accounts.ts";
import { type ConsoleSettings, consoleSettingsWith } from "./console_options.ts";
import type { Database } from "./db.ts";
import { RateLimiter } from "./rate_limit.ts";

/** What a console is built from. */
export interface ConsoleParts {
  db: Database;
  /** Whose console: the product and provider names on its pages. */
  brand: Brand;
  /** The collector's time zone (the stored hour of day, the search's dates). */
  timeZone: string;
  /** Read the client's address from `X-Forwarded-For` (behind a load balancer). */
  trustProxy: boolean;
  settings?: Partial<ConsoleSettings>;
  /** The collector's default retention, days (shown beside each tenant's own). */
  retentionDays?: number;
  now?: () => Date;
}

/** One console. */
export class SupportConsole {
  readonly db: Database;
  readonly brand: Brand;
  readonly settings: ConsoleSettings;
  readonly accounts: AccountStore;
  readonly signInLimit: RateLimiter;
  readonly timeZone: string;
  readonly trustProxy: boolean;
  readonly retentionDays: number;
  readonly now: () => Date;

  /** @throws {RangeError} for a bad setting */
  constructor(parts: ConsoleParts) {
    this.db = parts.db;
    this.brand = parts.brand;
    this.settings = consoleSettingsWith(parts.settings);
    this.now = parts.now ?? (() => new Date());
    this.accounts = new AccountStore(parts.db, this.settings, this.now);
    this.signInLimit = new RateLimiter({
      perMinute: this.settings.signInPerMinute,
      burst: this.settings.signInPerMinute,
    });
    this.timeZone = parts.timeZone;
    this.trustProxy = parts.trustProxy;
    this.retentionDays = parts.retentionDays ?? 365;
  }
}

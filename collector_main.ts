/**
 * The provider's entry: every command of the customer's kit plus the collector
 * (`kiriwake collector`), compiled by `deno task build --product collector` into
 * `kiriwake-collector-<target>`. The customer's binary is compiled from `main.ts` and leaves
 * the collector and its database (PGlite, about 25 MB) out: customers never run it, and it
 * would push their download past its size budget (docs/release.md).
 *
 * @module
 */
import { COMMANDS, start } from "./main.ts";
import type { Command } from "./session/command.ts";
import { collectorUserCommand } from "./cli/collector_user.ts";
import { withSubcommands } from "./session/subcommands.ts";
import { collectorCommand } from "./web/collector/command.ts";

/** Every command of the provider's build: the customer's, and the collector's. */
export const COLLECTOR_COMMANDS: Record<string, Command> = {
  ...COMMANDS,
  // `collector user …` is a terminal command (cli/), the collector a server (web/): composed here.
  collector: withSubcommands(collectorCommand, { user: collectorUserCommand }),
};

if (import.meta.main) await start(COLLECTOR_COMMANDS);

/**
 * One command made of another plus subcommands that live elsewhere: the entry composes them,
 * so a face's command can gain a subcommand of the other face without either importing the
 * other (`kiriwake collector user …` is a terminal command in `cli/`, the collector a server
 * in `web/`).
 *
 * @example
 * ```ts
 * import { withSubcommands } from "./subcommands.ts";
 * const base = () => Promise.resolve(0);
 * const user = () => Promise.resolve(7);
 * const both = withSubcommands(base, { user });
 * // both(["user", "list"], io, ctx) runs user(["list"], io, ctx); anything else runs base.
 * ```
 *
 * @module
 */
import type { Command } from "./command.ts";

/** `base`, except that a first argument naming one of `subcommands` runs that one. */
export function withSubcommands(base: Command, subcommands: Record<string, Command>): Command {
  return (args, io, ctx) => {
    const sub = args.length ? subcommands[args[0]] : undefined;
    return sub && Object.hasOwn(subcommands, args[0])
      ? sub(args.slice(1), io, ctx)
      : base(args, io, ctx);
  };
}

/**
 * What the console's routes share (made once by `app.ts`): the page context, who is signed
 * in, their scope, and the answers.
 *
 * @module
 */
import type { Context } from "hono";
import type { Actor } from "../../../collector/audit_log.ts";
import type { SupportConsole } from "../../../collector/console.ts";
import type { Permission } from "../../../collector/roles.ts";
import type { Scope } from "../../../collector/scope.ts";
import type { ConsoleEnv } from "./guard.ts";
import type { PageCtx } from "./layout.tsx";

/** A console request's context. */
export type ConsoleContext = Context<ConsoleEnv>;

/** What routes share: page context, who is signed in, their scope, answers. */
export interface Helpers {
  con: SupportConsole;
  ctx(c: ConsoleContext): PageCtx;
  actor(c: ConsoleContext): Actor;
  scope(c: ConsoleContext): Scope;
  /** The client's address (for the audit log and the sign-in limit). */
  address(c: ConsoleContext): string;
  /** An HTML answer. */
  html(c: ConsoleContext, html: string, status?: number): Response;
  /** A message page. */
  message(c: ConsoleContext, status: number, title: string, text?: string): Promise<Response>;
  /** Null when the signed-in staff may do `what`, else the 403 page. */
  refuseUnless(c: ConsoleContext, what: Permission): Promise<Response | null>;
}

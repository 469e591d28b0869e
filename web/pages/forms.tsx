/**
 * Small form pieces shared by pages.
 *
 * @module
 */
import type { PageCtx } from "../context.ts";

/** The hidden CSRF field every POST form carries. */
export function CsrfField(props: { ctx: PageCtx }) {
  return <input type="hidden" name="csrf" value={props.ctx.csrf} />;
}

/**
 * Every output the kit renders from a report, gathered in one place so the standing
 * redaction test checks all of them: the files a run wrote (whatever their kind) and each
 * renderer applied again to the written report. When a renderer or a served view is added
 * (HTML, the web view), add it to {@link RENDERERS} and the test covers it.
 *
 * @module
 */
import { join, relative } from "node:path";
import type { Report } from "../../report/schema.ts";
import { renderText } from "../../report/text.ts";

/** One rendered output: where it came from, and its text. */
export interface RenderedOutput {
  name: string;
  text: string;
}

/** Renders a report one way. */
export type Renderer = (report: Report) => string | Promise<string>;

/** Every renderer of reports, by name. Issue 6 adds `html` and the web view's pages here. */
export const RENDERERS: Record<string, Renderer> = {
  "text.ja": (r) => renderText(r, "ja"),
  "text.en": (r) => renderText(r, "en"),
  "json": (r) => JSON.stringify(r, null, 2),
};

/**
 * Reads every file under `dir` (recursively) and renders `report.json` with every
 * renderer. Requires `--allow-read`.
 */
export async function collectOutputs(dir: string): Promise<RenderedOutput[]> {
  const out: RenderedOutput[] = [];
  const walk = async (d: string) => {
    for await (const e of Deno.readDir(d)) {
      const p = join(d, e.name);
      if (e.isDirectory) await walk(p);
      else {out.push({
          name: relative(dir, p),
          text: new TextDecoder().decode(await Deno.readFile(p)),
        });}
    }
  };
  await walk(dir);
  const report = JSON.parse(await Deno.readTextFile(join(dir, "report.json"))) as Report;
  for (const [name, render] of Object.entries(RENDERERS)) {
    out.push({ name: `render:${name}`, text: await render(report) });
  }
  return out;
}

/** A value that must not appear, and what it is. */
export interface Secret {
  kind: string;
  value: string;
}

/** Where a secret was found. */
export interface Leak {
  output: string;
  kind: string;
  value: string;
  context: string;
}

/**
 * Finds every secret in every output, after removing the masks themselves (a mask names its
 * kind, e.g. `[redacted:user]`, which must not count as the user called "user"). Matching
 * follows the redaction's rules, as strict as they are: any case; whole words for values
 * under four characters; whole addresses for IP addresses.
 */
export function findLeaks(outputs: readonly RenderedOutput[], secrets: readonly Secret[]): Leak[] {
  const leaks: Leak[] = [];
  for (const o of outputs) {
    const text = o.text.replace(/\[redacted:[a-z0-9-]+\]/g, "[…]");
    for (const s of secrets) {
      const body = s.value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const re = /^[0-9a-f:.]+$/i.test(s.value) && /[.:]/.test(s.value)
        ? new RegExp(`(?<![\\p{L}\\p{N}:.])${body}(?![\\p{L}\\p{N}:]|\\.\\d)`, "giu")
        : s.value.length < 4
        ? new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "giu")
        : new RegExp(body, "gi");
      for (const m of text.matchAll(re)) {
        const at = m.index ?? 0;
        leaks.push({ output: o.name, ...s, context: text.slice(Math.max(0, at - 40), at + 40) });
      }
    }
  }
  return leaks;
}

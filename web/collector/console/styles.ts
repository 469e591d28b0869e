/**
 * The console's own rules, on top of the report pages' stylesheet (`report/html/styles.ts`,
 * whose colours and components it reuses). Inlined in every console page as a second
 * `<style>`; the Content-Security-Policy allows exactly these two texts by hash.
 *
 * @module
 */
import { createHash } from "node:crypto";

/** The stylesheet. */
export const CONSOLE_CSS = `
.who{color:var(--muted);font-size:.9em}
.who strong{color:var(--ink)}
.nav form{display:inline;margin:0}
.nav button{padding:2px 12px;font-size:.9em;border-radius:999px}
.nav a[aria-current=page]{font-weight:700;text-decoration:underline}
.receipt-box{display:flex;gap:10px;flex-wrap:wrap;align-items:flex-end;background:#fff;border:2px solid var(--accent);border-radius:14px;padding:16px 18px;margin:8px 0 16px}
.receipt-box label{flex:1 1 280px;font-weight:700}
.receipt-box input{display:block;width:100%;margin-top:6px;font:inherit;font-size:1.5em;letter-spacing:.08em;padding:8px 12px;border:1px solid var(--line);border-radius:10px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;text-transform:uppercase}
.receipt-box p{flex-basis:100%;margin:0;color:var(--muted);font-size:.88em}
.field-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:10px 14px;margin:10px 0}
.field-grid label,.stack label{display:flex;flex-direction:column;gap:4px;font-size:.9em;color:var(--muted)}
input[type=text],input[type=password],input[type=date],input[type=datetime-local],input[type=number]{font:inherit;padding:6px 8px;border:1px solid var(--line);border-radius:8px;color:var(--ink);max-width:100%}
.stack{display:flex;flex-direction:column;gap:12px;max-width:420px}
.sign-in{max-width:460px;margin:40px auto}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;letter-spacing:.04em;white-space:nowrap}
.receipt-big{font-size:1.6em;font-weight:700}
.results{list-style:none;padding:0;margin:8px 0}
.results>li{background:#fff;border:1px solid var(--line);border-radius:10px;padding:10px 14px;margin:8px 0;display:grid;grid-template-columns:auto 1fr auto;gap:6px 14px;align-items:center}
.results .facts-line{color:var(--muted);font-size:.88em}
.results .pick{display:flex;align-items:center;gap:6px;font-size:.85em;color:var(--muted)}
.results .pick input{width:18px;height:18px}
.mini-path{display:inline-flex;align-items:center;margin:0;padding:0}
.mini-path .mp{display:flex;align-items:center}
.mini-path .st{width:22px;height:22px;border-radius:50%;border:3px solid #b8bec7;background:#fff;font-size:12px;line-height:16px;text-align:center;font-weight:700;color:#fff}
.mini-path .ln{width:12px;height:4px;background:#b8bec7}
.mini-path .v-ok.st{border-color:var(--ok);background:var(--ok)}.mini-path .v-ok.ln{background:var(--ok)}
.mini-path .v-warn.st{border-color:var(--warn);background:var(--warn)}.mini-path .v-warn.ln{background:var(--warn)}
.mini-path .v-fail.st{border-color:var(--fail);background:var(--fail)}.mini-path .v-fail.ln{background:var(--fail)}
.mini-path .v-unknown.st,.mini-path .v-partial.st{color:var(--unknown)}
.mini-path .ln,.mini-path .st{display:inline-block}
.incident{border-radius:12px;padding:12px 16px;margin:12px 0;background:var(--fail-bg);border:2px solid var(--fail);color:#7d1711}
.incident strong{font-size:1.05em}
.incident p{margin:.2em 0}
.report-head{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:baseline;background:#fff;border:1px solid var(--line);border-radius:12px;padding:12px 18px;margin:8px 0}
.report-head dl{display:flex;flex-wrap:wrap;gap:4px 20px;margin:0}
.report-head dt{color:var(--muted);font-size:.8em}
.report-head dd{margin:0}
.reading{border-radius:10px;padding:10px 14px;margin:8px 0;border:1px solid var(--line);background:var(--unknown-bg)}
.reading.k-individual{background:var(--fail-bg);border-color:#f3c4c0}
.reading.k-congestion{background:var(--warn-bg);border-color:#f0d3a0}
.reading.k-typical{background:var(--ok-bg);border-color:#bfe3c9}
.reading p{margin:.2em 0}
.strips{display:grid;grid-template-columns:minmax(9em,auto) 1fr;gap:6px 14px;align-items:center}
.strip-svg{width:100%;height:auto;display:block}
.strip-svg .whisker{stroke:#8a93a0;stroke-width:2}
.strip-svg .box{fill:#dbe7fb;stroke:#8aa8d8}
.strip-svg .median{stroke:var(--accent);stroke-width:3}
.strip-svg .me{stroke:#fff;stroke-width:2}
.strip-svg .me.s-far-below{fill:var(--fail)}.strip-svg .me.s-below{fill:var(--warn)}.strip-svg .me.s-typical,.strip-svg .me.s-above{fill:var(--ok)}.strip-svg .me.s-unknown{fill:var(--unknown)}
.strip-svg text{font-size:11px;fill:var(--muted)}
.strip-note{grid-column:2;margin:-4px 0 6px;font-size:.86em;color:var(--muted)}
.hours-svg{width:100%;height:auto;display:block;margin-top:6px}
.hours-svg .hb{fill:#b9cff3}.hours-svg .hb.now{fill:var(--accent)}
.hours-svg text{font-size:10px;fill:var(--muted)}
.timeline-svg{width:100%;height:auto;display:block}
.timeline-svg .axis{stroke:var(--line);stroke-width:2}
.timeline-svg circle{stroke:#fff;stroke-width:2}
.timeline-svg .v-ok{fill:var(--ok)}.timeline-svg .v-warn{fill:var(--warn)}.timeline-svg .v-fail{fill:var(--fail)}.timeline-svg .v-unknown{fill:var(--unknown)}
.timeline-svg .this{stroke:var(--ink);stroke-width:3}
.timeline-svg text{font-size:11px;fill:var(--muted)}
.tl-list{list-style:none;padding:0;margin:6px 0}
.tl-list li{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center;border-top:1px solid var(--line);padding:6px 0}
.tl-list li.this{font-weight:600}
.one-time{font-size:1.3em;background:#fff;border:2px dashed var(--warn);border-radius:10px;padding:8px 14px;display:inline-block}
.state-disabled{color:var(--fail)}.state-locked{color:var(--warn)}
.audit-detail{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.8em;color:var(--muted);word-break:break-all}
@media (max-width:640px){.results>li{grid-template-columns:1fr}.strips{grid-template-columns:1fr}.strip-note{grid-column:1}}
`.trim();

/** The CSP source that allows exactly {@link CONSOLE_CSS}. */
export const CONSOLE_CSS_HASH_SOURCE = `'sha256-${
  createHash("sha256").update(CONSOLE_CSS).digest("base64")
}'`;

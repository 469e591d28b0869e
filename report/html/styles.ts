/**
 * The one stylesheet of the report pages and the web view, inlined in every page and in the
 * single-file report. The Content-Security-Policy allows exactly this text by its hash, so
 * no other inline style can apply.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { WATCH_CSS } from "./watch_styles.ts";

/** The stylesheet. */
export const CSS = `
html{--ok:#17803d;--ok-bg:#e8f5ec;--warn:#a15c00;--warn-bg:#fff4e0;--fail:#c4261d;--fail-bg:#fdecea;
--unknown:#6b7280;--unknown-bg:#f1f2f4;--ink:#1c2430;--muted:#5b6472;--line:#dde1e6;--bg:#f6f7f9;
--card:#fff;--accent:#1f5fbf;--accent-ink:#fff}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);line-height:1.65;font-size:16px;
font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic UI",Meiryo,"Noto Sans JP","Noto Sans CJK JP","IPAPGothic",sans-serif}
a{color:var(--accent)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.86em}
pre{background:#f3f4f6;border:1px solid var(--line);border-radius:8px;padding:10px 12px;overflow:auto;white-space:pre-wrap;word-break:break-all;max-height:420px}
.topbar{background:#fff;border-bottom:1px solid var(--line)}
.topbar-in{max-width:1040px;margin:0 auto;padding:10px 20px;display:flex;align-items:center;gap:16px;flex-wrap:wrap}
.brand{font-weight:700;font-size:1.1em;color:var(--ink);text-decoration:none;display:flex;align-items:center;gap:8px}
.brand-mark{display:inline-block;width:26px;height:26px;border-radius:7px;background:var(--accent);color:#fff;text-align:center;line-height:26px;font-size:15px}
.brand small{font-weight:400;color:var(--muted)}
.nav{display:flex;gap:14px;margin-left:auto;align-items:center;flex-wrap:wrap}
.nav a{text-decoration:none}
.lang{border:1px solid var(--line);border-radius:999px;padding:2px 12px;font-size:.9em}
main{max-width:1040px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.7em;line-height:1.3;margin:.1em 0 .3em}
h2{font-size:1.2em;margin:1.2em 0 .5em}
h3{font-size:1.05em;margin:0}
.section-title{border-left:4px solid var(--accent);padding-left:10px}
.muted{color:var(--muted)}
.right{margin-left:auto}
.card,.headline,.advice,.finding,.probe,.meta,.panel{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:18px 20px;margin:12px 0}
.headline{display:flex;gap:18px;align-items:flex-start;border-width:2px}
.headline-mark{flex:none;width:56px;height:56px;border-radius:50%;font-size:30px;line-height:56px;text-align:center;color:#fff;font-weight:700}
.tone-ok{border-color:var(--ok)}.tone-ok .headline-mark{background:var(--ok)}
.tone-warn{border-color:var(--warn)}.tone-warn .headline-mark{background:var(--warn)}
.tone-fail{border-color:var(--fail)}.tone-fail .headline-mark{background:var(--fail)}
.tone-unknown .headline-mark,.tone-info .headline-mark{background:var(--unknown)}
.eyebrow{margin:0;color:var(--muted);font-size:.9em;letter-spacing:.04em}
.lead{font-size:1.05em;margin:0}
.advice{background:#f3f7fe;border-color:#cfdcf3}
.advice h2{margin-top:0}
.advice p:last-child{margin-bottom:0}
.path{margin:0;background:var(--card);border:1px solid var(--line);border-radius:12px;padding:8px}
.path-svg{width:100%;height:auto;display:block}
.link{stroke-width:6;stroke-linecap:round}
.link-label{font-size:12px;fill:var(--muted)}
.ring{fill:#fff;stroke-width:4}
.icon{fill:none;stroke:var(--ink);stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round}
.badge-mark{fill:#fff;font-size:13px;font-weight:700}
.station-label{font-size:14px;font-weight:600;fill:var(--ink)}
.station-verdict{font-size:13px}
.v-ok .ring,.link.v-ok{stroke:var(--ok)}.v-ok .badge{fill:var(--ok)}.v-ok .station-verdict{fill:var(--ok)}
.v-warn .ring,.link.v-warn{stroke:var(--warn)}.v-warn .badge{fill:var(--warn)}.v-warn .station-verdict{fill:var(--warn)}
.v-fail .ring,.link.v-fail{stroke:var(--fail)}.v-fail .badge{fill:var(--fail)}.v-fail .station-verdict{fill:var(--fail)}
.v-unknown .ring,.link.v-unknown{stroke:#b8bec7}.v-unknown .badge{fill:#9aa1ab}.v-unknown .station-verdict{fill:var(--unknown)}
.link.v-unknown{stroke-dasharray:2 8}
.segments{list-style:none;padding:0;margin:12px 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:8px}
.segment{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px;display:flex;gap:10px;align-items:center;flex-wrap:wrap;justify-content:space-between}
.segment-note{flex-basis:100%;color:var(--muted);font-size:.9em}
.pill{display:inline-block;border-radius:999px;padding:1px 10px;font-size:.82em;font-weight:600;white-space:nowrap;background:var(--unknown-bg);color:var(--unknown)}
.v-ok .pill,.st-ok.pill{background:var(--ok-bg);color:var(--ok)}
.v-warn .pill,.st-warn.pill,.sev-warn .pill{background:var(--warn-bg);color:var(--warn)}
.v-fail .pill,.st-fail.pill,.st-error.pill,.st-timeout.pill,.sev-fail .pill{background:var(--fail-bg);color:var(--fail)}
.finding header,.probe header{display:flex;gap:10px;align-items:center;flex-wrap:wrap;margin-bottom:6px}
.finding h3{flex-basis:100%}
.probe header{margin-bottom:0}
.probe-id{margin:0 0 8px;font-size:.9em}
.sev-fail{border-left:5px solid var(--fail)}.sev-warn{border-left:5px solid var(--warn)}.sev-info{border-left:5px solid var(--unknown)}
.finding-advice{background:#f3f7fe;border-radius:8px;padding:8px 12px}
.evidence-list{margin:.4em 0;padding-left:1.2em}
details{margin:8px 0}
summary{cursor:pointer;color:var(--accent)}
.kv,.grid-table{border-collapse:collapse;width:100%;font-size:.92em}
.kv th{text-align:left;font-weight:600;color:var(--muted);width:28%;vertical-align:top;padding:4px 10px 4px 0;word-break:break-word}
.kv td{padding:4px 0;vertical-align:top;word-break:break-word}
.kv .kv{margin:0}
.kv tr+tr>*{border-top:1px solid #eef0f3}
.table-wrap{overflow-x:auto}
.grid-table th,.grid-table td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
.grid-table th{background:#f8f9fb;font-weight:600;white-space:nowrap}
.grid-table td{min-width:3.5em}
.record-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:10px}
.record-card{border:1px solid var(--line);border-radius:8px;padding:8px 12px;background:#fcfcfd}
.record-title{margin:0 0 4px;font-weight:600;word-break:break-all}
.record-card .kv th{width:40%}
.panel>h2:first-child,.card>h2:first-child{margin-top:0}
.num{text-align:right;font-variant-numeric:tabular-nums}
.chart{margin:12px 0;border:1px solid var(--line);border-radius:10px;padding:10px 12px;background:#fcfcfd}
.chart figcaption{font-weight:600;margin-bottom:4px}
.chart-label{font-weight:400;color:var(--muted);margin-left:10px;font-size:.9em}
.chart-svg{width:100%;height:auto;display:block;font-size:12px}
.chart-svg text{fill:var(--muted)}
.grid{stroke:#e6e8ec;stroke-width:1}
.line{fill:none;stroke:var(--accent);stroke-width:2}
.area{fill:#dbe7fb}
.dot{fill:var(--accent)}
.avg{stroke:var(--warn);stroke-dasharray:5 4;stroke-width:1.5}
.bar{fill:#b9cff3}
.chart-svg .lost{fill:var(--fail);font-weight:700}
.chart-svg .hop-ttl{fill:var(--ink);font-weight:600}
.chart-svg .hop-addr{fill:var(--ink)}
.ph-dns{fill:#5b8def}.ph-tcp{fill:#2fa39a}.ph-tls{fill:#9467d6}.ph-ttfb{fill:#f0a040}
.error{background:var(--fail-bg);border-color:#f3c4c0}
.meta dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:6px 20px;margin:0}
.meta dt{color:var(--muted);font-size:.85em}
.meta dd{margin:0;word-break:break-all}
.verified{color:var(--ok);font-weight:600;margin:0 0 8px}
.banner{border-radius:10px;padding:12px 16px;margin:12px 0;background:var(--warn-bg);color:#6b3d00;border:1px solid #f0d3a0}
.banner.error{background:var(--fail-bg);color:#7d1711;border-color:#f3c4c0}
.actions{display:flex;gap:10px;flex-wrap:wrap;align-items:center;margin:12px 0}
.button,button{display:inline-block;font:inherit;border-radius:10px;padding:10px 20px;border:1px solid var(--accent);background:var(--accent);color:var(--accent-ink);text-decoration:none;cursor:pointer;font-weight:600}
.button.secondary,button.secondary{background:#fff;color:var(--accent)}
button.danger{background:#fff;color:var(--fail);border-color:var(--fail)}
.button.big,button.big{font-size:1.15em;padding:14px 34px}
.downloads{display:flex;gap:10px;flex-wrap:wrap}
.terms-text{white-space:pre-wrap;background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 18px;max-height:420px;overflow:auto;font-size:.95em}
.checks{list-style:none;padding:0;margin:0}
.checks li{padding:10px 12px;border:1px solid var(--line);border-radius:10px;margin:8px 0;background:#fff}
.checks label{display:flex;gap:10px;align-items:flex-start;cursor:pointer}
.checks input{margin-top:6px;width:18px;height:18px}
.steps{display:flex;gap:8px;list-style:none;padding:0;margin:0 0 16px;flex-wrap:wrap;font-size:.9em}
.steps li{padding:4px 12px;border-radius:999px;background:#e9edf3;color:var(--muted)}
.steps li.now{background:var(--accent);color:#fff}
.steps li.done{background:var(--ok-bg);color:var(--ok)}
progress{width:100%;height:14px;accent-color:var(--accent)}
.run-list{list-style:none;padding:0;margin:12px 0}
.run-list li{display:flex;gap:12px;align-items:center;padding:8px 12px;border-bottom:1px solid var(--line);background:#fff}
.run-list li:first-child{border-radius:10px 10px 0 0}.run-list li:last-child{border-radius:0 0 10px 10px;border-bottom:0}
.run-list .state{min-width:6em}
.run-list .note{color:var(--muted);font-size:.9em;margin-left:auto;text-align:right}
.st-pending .pill{background:var(--unknown-bg)}
.st-running .pill{background:#e3ecfb;color:var(--accent)}
.compare-grid{display:grid;grid-template-columns:1fr 1fr;gap:14px}
.compare-table{table-layout:fixed}
.compare-table th:first-child{width:24%}
.compare-table td.changed{background:#fff8e6}
.report-list{list-style:none;padding:0}
.report-list li{background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 14px;margin:8px 0;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
.dots{display:inline-flex;gap:4px}
.dots span{width:12px;height:12px;border-radius:50%;display:inline-block;background:#c5cad2}
.dots .v-ok{background:var(--ok)}.dots .v-warn{background:var(--warn)}.dots .v-fail{background:var(--fail)}
form.inline{display:inline}
select{font:inherit;padding:6px 8px;border-radius:8px;border:1px solid var(--line);max-width:100%}
footer.page{max-width:1040px;margin:0 auto;padding:0 20px 40px;color:var(--muted);font-size:.85em}
@media (max-width:640px){.compare-grid{grid-template-columns:1fr}h1{font-size:1.35em}.headline-mark{width:44px;height:44px;line-height:44px;font-size:24px}}
@media print{.topbar .nav,.actions,.downloads,form{display:none}body{background:#fff}details{display:block}}
${WATCH_CSS}`.trim();

/** The CSP source that allows exactly {@link CSS}: `'sha256-…'`. */
export const CSS_HASH_SOURCE = `'sha256-${createHash("sha256").update(CSS).digest("base64")}'`;

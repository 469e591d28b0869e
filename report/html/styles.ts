/**
 * The one stylesheet of the report pages and the web view, inlined in every page and in the
 * single-file report. The Content-Security-Policy allows exactly this text by its hash, so
 * no other inline style can apply.
 *
 * @module
 */
import { createHash } from "node:crypto";

/** The stylesheet. */
export const CSS = `
html{--ok:#106b32;--ok-bg:#e6f4ea;--warn:#8a4a00;--warn-bg:#fff3dc;--fail:#b3221a;--fail-bg:#fdeceb;
--unknown:#545b66;--unknown-bg:#eef0f3;--ink:#1c2430;--muted:#515a67;--line:#d9dde3;--bg:#f6f7f9;
--card:#fff;--accent:#1f5fbf;--accent-ink:#fff;--s-a:#1f5fbf;--s-b:#c2410c}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);line-height:1.65;font-size:16px;overflow-wrap:break-word;
font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic UI",Meiryo,"Noto Sans JP","Noto Sans CJK JP","IPAPGothic",sans-serif}
a{color:var(--accent)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.86em}
code{overflow-wrap:anywhere}
pre{background:#f3f4f6;border:1px solid var(--line);border-radius:8px;padding:10px 12px;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere;max-height:420px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.topbar{background:#fff;border-bottom:1px solid var(--line)}
.topbar-in{max-width:1040px;margin:0 auto;padding:10px 20px;display:flex;align-items:center;gap:8px 16px;flex-wrap:wrap}
.brand{font-weight:700;font-size:1.1em;color:var(--ink);text-decoration:none;display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.brand-mark{display:inline-block;width:26px;height:26px;border-radius:7px;background:var(--accent);color:#fff;text-align:center;line-height:26px;font-size:15px}
.brand small{font-weight:400;color:var(--muted)}
.nav{display:flex;gap:14px;margin-left:auto;align-items:center;flex-wrap:wrap}
.nav a{text-decoration:none}
.lang{border:1px solid var(--line);border-radius:999px;padding:2px 12px;font-size:.9em}
main{max-width:1040px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.7em;line-height:1.3;margin:.1em 0 .3em}
h2{font-size:1.2em;margin:1.2em 0 .5em}
h3{font-size:1.05em;margin:0}
.page-title{font-size:1.5em}
.section-title{border-left:4px solid var(--accent);padding-left:10px}
.muted{color:var(--muted)}
.small{font-size:.88em}
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
.path{list-style:none;margin:0;padding:18px 8px 14px;display:flex;background:var(--card);border:1px solid var(--line);border-radius:12px}
.path .station{flex:1 1 0;min-width:0;position:relative;display:flex;flex-direction:column;align-items:center;text-align:center;gap:6px}
.path .station+.station::before{content:"";position:absolute;top:25px;right:50%;width:100%;height:6px;border-radius:3px;background:var(--c)}
.path .node{position:relative;z-index:1;width:56px;height:56px;border-radius:50%;border:4px solid var(--c);background:#fff;display:flex;align-items:center;justify-content:center}
.path .badge{position:absolute;top:-8px;right:-10px;width:22px;height:22px;border-radius:50%;background:var(--c);color:#fff;font-size:13px;font-weight:700;line-height:22px;text-align:center}
.path .station-text{display:flex;flex-direction:column;line-height:1.35}
.path .station-label{font-weight:600;font-size:.92em}
.path .station-verdict{font-size:.86em;color:var(--cw)}
.path .link-label{position:absolute;top:-16px;right:50%;width:100%;text-align:center;font-size:11px;color:var(--muted);white-space:nowrap}
.icon{fill:none;stroke:var(--ink);stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round}
.v-ok{--c:var(--ok);--cw:var(--ok)}.v-warn{--c:#b86e00;--cw:var(--warn)}.v-fail{--c:var(--fail);--cw:var(--fail)}
.v-unknown,.v-partial{--c:#9aa1ab;--cw:var(--unknown)}

.path .station.v-unknown::before,.path .station.v-partial::before{background:repeating-linear-gradient(90deg,#9aa1ab 0 6px,transparent 6px 12px)!important}
.segments{list-style:none;padding:0;margin:12px 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,300px),1fr));gap:8px}
.segment{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px;display:flex;gap:10px;align-items:center;flex-wrap:wrap;justify-content:space-between}
.segment-note{flex-basis:100%;color:var(--muted);font-size:.9em}
.not-measured{color:var(--unknown)}
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
.support-evidence pre{margin:4px 0}
details{margin:8px 0}
summary{cursor:pointer;color:var(--accent)}
.kv,.grid-table{border-collapse:collapse;width:100%;font-size:.92em}
.kv th{text-align:left;font-weight:600;color:var(--muted);vertical-align:top;padding:4px 12px 4px 0;min-width:8em}
.kv td{padding:4px 0;vertical-align:top}
.kv tr+tr>*{border-top:1px solid #eef0f3}
.table-wrap{overflow-x:auto;margin:8px 0;max-width:100%}
.table-wrap:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.grid-table th,.grid-table td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
.grid-table th{background:#f8f9fb;font-weight:600}
.grid-table .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.grid-table tr.row-fail td{background:#fff7f6}
.grid-table tr.row-warn td{background:#fffaf0}
.panel>h2:first-child,.card>h2:first-child{margin-top:0}
.num{font-variant-numeric:tabular-nums}
.v{overflow-wrap:anywhere}
.bad{color:var(--fail);font-weight:600}
.mark{white-space:normal}
.mark>span{font-weight:700}
.t-ok{color:var(--ok)}.t-warn{color:var(--warn)}.t-fail{color:var(--fail)}.t-unknown{color:var(--unknown)}
.mark.t-ok,.mark.t-warn,.mark.t-fail,.mark.t-unknown{font-weight:500}
.sub{font-size:1em;margin:16px 0 6px;display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline}
.sub-note{font-weight:400;font-size:.88em;color:var(--muted)}
.say{margin:6px 0 8px;padding:8px 12px;border-radius:8px;background:var(--unknown-bg);color:var(--ink)}
.say.t-ok{background:var(--ok-bg)}.say.t-warn{background:var(--warn-bg)}.say.t-fail{background:var(--fail-bg)}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,220px),1fr));gap:6px 20px;margin:8px 0}
.facts dt{color:var(--muted);font-size:.85em}
.facts dd{margin:0}
.facts.compact{grid-template-columns:repeat(auto-fill,minmax(min(100%,180px),1fr));gap:2px 16px;font-size:.92em}
.addr-list{display:flex;flex-wrap:wrap;gap:2px 12px}
.addr-rows{display:flex;flex-direction:column}
ul.plain{list-style:none;padding:0;margin:0}
.dns-cell{display:flex;flex-direction:column;gap:0;line-height:1.4}
.dns-cell .answers{display:flex;flex-wrap:wrap;gap:0 8px;font-size:.85em;color:var(--muted)}
.tchart{margin:8px 0 12px}
.tchart-svg{display:block;overflow:visible}
.tchart .tick,.signal .tick{fill:var(--muted);font-size:11px}
.grid{stroke:#e3e6ea;stroke-width:1}
.series line{stroke:var(--sc);stroke-width:2}
.series circle,.series rect{fill:var(--sc)}
.s-a{--sc:var(--s-a)}.s-b{--sc:var(--s-b)}.lost{--sc:var(--fail)}.b-idle{--sc:#6b7280}
.lost-mark line{stroke:var(--fail);stroke-width:1;stroke-dasharray:3 3;opacity:.6}
.lost-mark text{fill:var(--fail);font-weight:700;font-size:13px}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.85em;color:var(--muted);margin:2px 0}
.key{display:inline-flex;align-items:center;gap:6px}
.rangebar{display:block;min-width:80px}
.rangebar .track{stroke:#eceef1;stroke-width:2}
.rangebar .range{stroke:#8fb0e6;stroke-width:6;stroke-linecap:round}
.rangebar .mid{fill:var(--accent)}
.rangebar.t-fail .range{stroke:#ec9a94}.rangebar.t-fail .mid{fill:var(--fail)}
.bars{display:grid;grid-template-columns:minmax(7em,max-content) minmax(60px,1fr) max-content;gap:6px 10px;align-items:center;font-size:.92em}
.bar-row{display:contents}
.bar-svg{display:block}
.bar{fill:var(--sc,#8fb0e6)}
.bar-value{font-variant-numeric:tabular-nums}
.chart-block{margin:10px 0}
.chart-block figcaption{font-size:.9em;color:var(--muted);margin-bottom:4px}
.phasebar{display:block;min-width:80px}
.ph-0{--sc:#5b8def;fill:#5b8def}.ph-1{--sc:#2a9d8f;fill:#2a9d8f}.ph-2{--sc:#8e5bd0;fill:#8e5bd0}.ph-3{--sc:#e08a1e;fill:#e08a1e}
.signal{margin:6px 0}
.signal .band.t-ok{fill:#cfe9d7}.signal .band.t-warn{fill:#fbe3b6}.signal .band.t-fail{fill:#f6cbc7}
.signal .now{fill:var(--accent);stroke:#fff;stroke-width:2}
.signal .noise{stroke:var(--ink);stroke-width:2;stroke-dasharray:2 2}
.generic .tree{margin:4px 0;display:grid;grid-template-columns:minmax(6em,max-content) minmax(0,1fr);gap:2px 14px}
.generic .tree>div{display:contents}
.generic .tree dt{color:var(--muted);font-size:.9em;overflow-wrap:anywhere}
.generic .tree dd{margin:0;min-width:0}
.generic .tree .branch>dd{border-left:2px solid #e6e9ee;padding-left:10px}
.tree-list,.tree-cards{margin:4px 0;padding-left:1.4em}
.tree-cards>li{border:1px solid var(--line);border-radius:8px;padding:6px 10px;margin:6px 0;background:#fcfcfd}
.chart{margin:10px 0}
.error{background:var(--fail-bg);border-color:#f3c4c0}
.meta dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,260px),1fr));gap:6px 20px;margin:0}
.meta dt{color:var(--muted);font-size:.85em}
.meta dd{margin:0;overflow-wrap:anywhere}
.integrity{margin-top:12px;border-top:1px solid var(--line);padding-top:8px}
.digest{overflow-wrap:anywhere}
.verified{color:var(--ok);font-weight:600;margin:0 0 4px}
.banner{border-radius:10px;padding:12px 16px;margin:12px 0;background:var(--warn-bg);color:#5c3300;border:1px solid #f0d3a0}
.receipt{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:2.4em;font-weight:700;letter-spacing:.08em;margin:4px 0;color:var(--ink)}
.preview{display:grid;grid-template-columns:minmax(8em,max-content) 1fr;gap:6px 18px;margin:12px 0}
.preview dt{color:var(--muted)}
.preview dd{margin:0;word-break:break-word}
.preview div{display:contents}
.send-form input[type=text]{font:inherit;padding:8px 10px;border:1px solid var(--line);border-radius:8px;width:min(100%,24em)}
.send+.send{border-top:1px solid var(--line);margin-top:12px;padding-top:8px}
.send-facts{font-size:.9em;margin:4px 0}
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
.run-list li{display:flex;gap:4px 12px;align-items:center;flex-wrap:wrap;padding:8px 12px;border-bottom:1px solid var(--line);background:#fff}
.run-list li:first-child{border-radius:10px 10px 0 0}.run-list li:last-child{border-radius:0 0 10px 10px;border-bottom:0}
.run-list .state{min-width:6em}
.run-list .note{color:var(--muted);font-size:.9em;margin-left:auto;text-align:right}
.st-pending .pill{background:var(--unknown-bg)}
.st-running .pill{background:#e3ecfb;color:var(--accent)}
.compare-grid{display:grid;grid-template-columns:1fr 1fr;gap:14px}
.compare-grid>*{min-width:0}
.compare-table th:first-child{width:24%}
.compare-table td.changed{background:#fff8e6}
.report-list{list-style:none;padding:0}
.report-list li{background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 14px;margin:8px 0;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
.report-list li>span{min-width:0}
.dots{display:inline-flex;gap:4px}
.dots span{width:12px;height:12px;border-radius:50%;display:inline-block;background:#c5cad2}
.dots .v-ok{background:var(--ok)}.dots .v-warn{background:var(--warn)}.dots .v-fail{background:var(--fail)}
form.inline{display:inline}
form label{display:inline-flex;flex-wrap:wrap;gap:4px;align-items:center;max-width:100%}
select{font:inherit;padding:6px 8px;border-radius:8px;border:1px solid var(--line);max-width:100%;min-width:0}
footer.page{max-width:1040px;margin:0 auto;padding:0 20px 40px;color:var(--muted);font-size:.85em}
.appendix-title{font-size:1.35em;margin-top:2em;padding-top:12px;border-top:3px solid var(--accent)}
@media (max-width:640px){
main{padding:16px 12px 40px}
.topbar-in{padding:8px 12px}
.compare-grid{grid-template-columns:1fr}
h1{font-size:1.35em}
.headline{padding:14px}
.headline-mark{width:44px;height:44px;line-height:44px;font-size:24px}
.card,.headline,.advice,.finding,.probe,.meta,.panel{padding:14px}
.path{flex-direction:column;padding:8px 14px;gap:14px}
.path .station{flex-direction:row;text-align:left;gap:14px;align-items:center}
.path .station+.station::before{top:auto;bottom:calc(50% + 22px);left:20px;right:auto;width:6px;height:calc(100% - 30px)}
.path .station.v-unknown::before,.path .station.v-partial::before{background:repeating-linear-gradient(180deg,#9aa1ab 0 6px,transparent 6px 12px)!important}
.path .node{width:46px;height:46px;flex:none}
.path .link-label{position:static;order:3;width:auto;font-size:.8em;margin-left:auto}
.path .station-text{flex-direction:row;flex-wrap:wrap;gap:0 10px}
table.reflow,table.reflow tbody,table.reflow tr,table.reflow td{display:block;width:100%}
table.reflow thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.reflow tr{border:1px solid var(--line);border-radius:8px;margin:8px 0;padding:6px 10px;background:#fff}
table.reflow td{border:0;padding:3px 0;display:grid;grid-template-columns:minmax(5.5em,34%) minmax(0,1fr);gap:10px;text-align:left}
table.reflow td.num{text-align:left;white-space:normal}
table.reflow td::before{content:attr(data-label);color:var(--muted);font-size:.85em;font-weight:600}
table.reflow td>.cell{min-width:0}
.generic .tree{grid-template-columns:minmax(0,1fr)}
.generic .tree dd{padding-left:10px}
.bars{grid-template-columns:minmax(0,1fr) max-content}
.bar-name{grid-column:1/-1;margin-bottom:-6px}
.kv th{min-width:0;width:40%}
}
@page{size:A4;margin:14mm 12mm}
@media print{
body{background:#fff;font-size:10pt;line-height:1.5}
.headline-mark,.path .station::before,.path .badge,.pill,.say,.brand-mark,.grid-table tr.row-fail td,.finding-advice,.advice{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.topbar .nav,.actions,.downloads-panel,form,footer.page form,.send-slot{display:none!important}
main{max-width:none;padding:0}
.card,.headline,.advice,.finding,.probe,.meta,.panel,.path,.segment{box-shadow:none;break-inside:avoid;padding:8px 12px;margin:6px 0}
.probe,.finding{break-inside:auto}
h1{font-size:1.5em}h2{margin:.8em 0 .3em}
.segments{grid-template-columns:repeat(3,1fr);gap:4px}
.segment{padding:4px 8px}
.finding-evidence,.raw{display:none}
details::details-content{content-visibility:visible;display:contents}
details>summary{list-style:none;color:var(--ink);font-weight:600}
.table-wrap{overflow:visible}
pre{max-height:none;overflow:visible}
a{color:inherit;text-decoration:none}
.appendix{break-before:page}
.probe-index{break-after:avoid}
tr,.tchart,.signal,.bars{break-inside:avoid}
}
`.trim();

/** The CSP source that allows exactly {@link CSS}: `'sha256-…'`. */
export const CSS_HASH_SOURCE = `'sha256-${createHash("sha256").update(CSS).digest("base64")}'`;

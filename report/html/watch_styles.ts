/**
 * The watch section's styles, appended to the one stylesheet (`styles.ts`), so the pages'
 * Content-Security-Policy hash still covers every rule.
 *
 * @module
 */

/** Rules for timelines, event bands and the events table. */
export const WATCH_CSS = `
.watch-verdict{font-size:1.15em;font-weight:600}
.timeline .busy{fill:#f4f1fb}
.timeline .band{opacity:.55}
.timeline .band-fail{fill:#f7c9c5}.timeline .band-warn{fill:#fbe2b8}.timeline .band-info{fill:#e3e6eb}
.timeline .band-gap{fill:#eceef1;opacity:.8}
.line.s0{stroke:var(--accent)}.line.s1{stroke:#0f8a6c}.line.s2{stroke:#8a4fbf}.line.s3{stroke:#b06000}
.dot.s0{fill:var(--accent)}.dot.s1{fill:#0f8a6c}
.chart-svg .legend{font-weight:600}
.chart-svg .legend.s0{fill:var(--accent)}.chart-svg .legend.s1{fill:#0f8a6c}.chart-svg .legend.s2{fill:#8a4fbf}.chart-svg .legend.s3{fill:#b06000}
.loss-tick{stroke:var(--fail);stroke-width:2}
.events tr.sev-fail td:first-child{border-left:5px solid var(--fail)}
.events tr.sev-warn td:first-child{border-left:5px solid var(--warn)}
.events tr.sev-info td:first-child{border-left:5px solid var(--unknown)}
.events td:first-child{white-space:nowrap}
.watch-offer{border-left:5px solid var(--accent)}
`;

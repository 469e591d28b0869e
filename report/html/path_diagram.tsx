/**
 * The path of the connection as a picture: this device → Wi-Fi/LAN → router → provider →
 * DNS → internet → service, each station and the link into it coloured by its segment's
 * verdict, with a mark and a word too so the meaning never rests on colour alone. It is an
 * ordered list drawn by the stylesheet: a row on a desk and on paper, a column on a phone,
 * where a row would shrink its labels to nothing.
 *
 * @module
 */
import { type Segment, SEGMENT_NAMES } from "../../probes/types.ts";
import { UI, VERDICT_TEXT } from "./i18n.ts";
import type { Lang, Localized } from "../../util/text.ts";
import type { Verdict } from "../../diagnosis/schema.ts";

interface Station {
  key: string;
  segment: Segment;
  label: Localized;
  icon: string;
}

const STATIONS: Station[] = [
  { key: "device", segment: "device", label: SEGMENT_NAMES.device, icon: "device" },
  { key: "router", segment: "lan", label: { ja: "ルーター", en: "Router" }, icon: "router" },
  { key: "isp", segment: "isp", label: { ja: "プロバイダー", en: "Provider" }, icon: "isp" },
  { key: "dns", segment: "dns", label: SEGMENT_NAMES.dns, icon: "dns" },
  { key: "internet", segment: "internet", label: SEGMENT_NAMES.internet, icon: "internet" },
  { key: "service", segment: "service", label: SEGMENT_NAMES.service, icon: "service" },
];

const MARK: Record<Verdict | "partial", string> = {
  ok: "✓",
  warn: "!",
  fail: "✕",
  unknown: "?",
  partial: "?",
};

/**
 * The path picture for `verdicts` (what each segment shows): a row of stations on a desk,
 * a vertical list on a phone (the same list, laid out by the stylesheet), each with its
 * mark and verdict word.
 */
export function PathDiagram(props: { verdicts: Record<Segment, Verdict | "partial">; lang: Lang }) {
  const { lang } = props;
  return (
    <ol class="path" aria-label={UI.pathTitle[lang]}>
      {STATIONS.map((s, i) => {
        const verdict = props.verdicts[s.segment];
        return (
          <li class={`station v-${verdict}`}>
            {i === 1 ? <span class="link-label" aria-hidden="true">Wi-Fi / LAN</span> : null}
            <span class="node" aria-hidden="true">
              <svg width="28" height="28" viewBox="0 0 24 24">
                <Icon name={s.icon} x={12} y={12} />
              </svg>
              <span class="badge">{MARK[verdict]}</span>
            </span>
            <span class="station-text">
              <span class="station-label">{s.label[lang]}</span>
              <span class="station-verdict">{VERDICT_TEXT[verdict][lang]}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Simple line icons, drawn around (x, y). */
function Icon(props: { name: string; x: number; y: number }) {
  const t = `translate(${props.x - 12} ${props.y - 12})`;
  switch (props.name) {
    case "device":
      return (
        <g transform={t} class="icon">
          <rect x="2" y="3" width="20" height="13" rx="1.5" />
          <path d="M0 20h24M8 16v4M16 16v4" />
        </g>
      );
    case "router":
      return (
        <g transform={t} class="icon">
          <rect x="2" y="13" width="20" height="8" rx="2" />
          <path d="M7 13l-2-7M17 13l2-7M6 17h2M10 17h2" />
        </g>
      );
    case "isp":
      return (
        <g transform={t} class="icon">
          <path d="M4 22V8l8-5 8 5v14M9 22v-6h6v6M8 11h2M14 11h2" />
        </g>
      );
    case "dns":
      return (
        <g transform={t} class="icon">
          <rect x="3" y="3" width="18" height="7" rx="1.5" />
          <rect x="3" y="14" width="18" height="7" rx="1.5" />
          <path d="M7 6.5h2M7 17.5h2" />
        </g>
      );
    case "internet":
      return (
        <g transform={t} class="icon">
          <circle cx="12" cy="12" r="10" />
          <path d="M2 12h20M12 2c3 3 4 6.5 4 10s-1 7-4 10c-3-3-4-6.5-4-10s1-7 4-10z" />
        </g>
      );
    default:
      return (
        <g transform={t} class="icon">
          <rect x="2" y="3" width="20" height="18" rx="2" />
          <path d="M2 8h20M5 5.5h1M8 5.5h1M7 13l3 3 6-6" />
        </g>
      );
  }
}

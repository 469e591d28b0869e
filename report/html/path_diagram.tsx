/**
 * The path of the connection as a picture: this device → Wi-Fi/LAN → router → provider →
 * DNS → internet → service, each station and link coloured by its segment's verdict, with
 * a mark and a word too so the meaning never rests on colour alone.
 *
 * @module
 */
import { type Segment, SEGMENT_NAMES } from "../../probes/types.ts";
import { UI, VERDICT_TEXT } from "./i18n.ts";
import type { Lang, Localized } from "../../util/text.ts";
import type { Diagnosis, Verdict } from "../../diagnosis/schema.ts";

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

const MARK: Record<Verdict, string> = { ok: "✓", warn: "!", fail: "✕", unknown: "?" };
const W = 760;
const H = 170;
const STEP = (W - 100) / (STATIONS.length - 1);
const cx = (i: number) => 50 + i * STEP;
const CY = 62;

/** The path picture for `segments`. */
export function PathDiagram(props: { segments: Diagnosis["segments"]; lang: Lang }) {
  const v = (s: Segment) => props.segments[s].verdict;
  return (
    <figure class="path">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={UI.pathTitle[props.lang]}
        class="path-svg"
      >
        {STATIONS.slice(1).map((s, i) => {
          // The link into a station carries that station's segment (device→router is the LAN).
          const verdict = v(s.segment);
          return (
            <g>
              <line
                x1={cx(i) + 30}
                x2={cx(i + 1) - 30}
                y1={CY}
                y2={CY}
                class={`link v-${verdict}`}
              />
              {i === 0
                ? (
                  <text x={(cx(0) + cx(1)) / 2} y={CY - 10} text-anchor="middle" class="link-label">
                    Wi-Fi / LAN
                  </text>
                )
                : null}
            </g>
          );
        })}
        {STATIONS.map((s, i) => {
          const verdict = v(s.segment);
          return (
            <g class={`station v-${verdict}`}>
              <title>{`${s.label[props.lang]}: ${VERDICT_TEXT[verdict][props.lang]}`}</title>
              <circle cx={cx(i)} cy={CY} r="28" class="ring" />
              <Icon name={s.icon} x={cx(i)} y={CY} />
              <circle cx={cx(i) + 20} cy={CY - 20} r="10" class="badge" />
              <text x={cx(i) + 20} y={CY - 16} text-anchor="middle" class="badge-mark">
                {MARK[verdict]}
              </text>
              <text x={cx(i)} y={CY + 50} text-anchor="middle" class="station-label">
                {s.label[props.lang]}
              </text>
              <text x={cx(i)} y={CY + 70} text-anchor="middle" class="station-verdict">
                {VERDICT_TEXT[verdict][props.lang]}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
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

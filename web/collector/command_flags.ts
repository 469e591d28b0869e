/**
 * The collector's settings from its command-line flags, each checked with a message that
 * names the flag.
 *
 * @module
 */
import { type CollectorSettings, settingsWith } from "../../collector/options.ts";
import { UsageError } from "../../util/errors.ts";

/** The flags that carry settings. */
export interface SettingFlags {
  "retention-days"?: string;
  "max-upload"?: string;
  receipts?: string;
  "time-zone"?: string;
  "rate-source"?: string;
  "rate-licence"?: string;
  "trust-proxy"?: boolean;
}

/**
 * Settings from flags (the rest default).
 *
 * @throws {UsageError} naming the flag with a bad value
 */
export function settingsFromFlags(f: SettingFlags): Partial<CollectorSettings> {
  const over: Partial<CollectorSettings> = {};
  if (f["retention-days"] !== undefined) {
    over.retentionDays = whole("--retention-days", f["retention-days"], 1);
  }
  if (f["max-upload"] !== undefined) {
    over.maxUploadBytes = whole("--max-upload", f["max-upload"], 1);
  }
  if (f.receipts !== undefined) {
    if (f.receipts !== "alnum" && f.receipts !== "digits") {
      throw bad("--receipts", f.receipts, "alnum か digits", "alnum or digits");
    }
    over.receiptStyle = f.receipts;
  }
  if (f["time-zone"] !== undefined) over.timeZone = f["time-zone"];
  if (f["rate-source"] !== undefined) over.rateSource = rate("--rate-source", f["rate-source"]);
  if (f["rate-licence"] !== undefined) over.rateLicence = rate("--rate-licence", f["rate-licence"]);
  if (f["trust-proxy"]) over.trustProxy = true;
  try {
    settingsWith(over);
  } catch (e) {
    throw new UsageError({ ja: (e as Error).message, en: (e as Error).message });
  }
  return over;
}

/** `N` uploads a minute, with a burst of half a minute's worth; 0 turns the limit off. */
function rate(flag: string, text: string) {
  const perMinute = whole(flag, text, 0);
  return { perMinute, burst: Math.max(1, Math.ceil(perMinute / 2)) };
}

function whole(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min) {
    throw bad(flag, text, `${min} 以上の整数`, `a whole number ≥ ${min}`);
  }
  return n;
}

function bad(flag: string, value: string, ja: string, en: string): UsageError {
  return new UsageError({
    ja: `${flag} は${ja}で指定してください: "${value}"`,
    en: `${flag} must be ${en}: "${value}"`,
  });
}

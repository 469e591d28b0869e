/**
 * The words of the report pages and the web view, in Japanese and English. Text measured
 * or supplied by probes never comes from here: it comes from the report and is escaped.
 *
 * @module
 */
import type { ProbeStatus } from "../../probes/types.ts";
import type { Lang, Localized } from "../../util/text.ts";
import type { Verdict } from "../../diagnosis/schema.ts";

/** Fixed UI text, by key. */
export const UI = {
  reportTitle: { ja: "診断レポート", en: "Diagnosis report" },
  verdict: { ja: "診断結果", en: "Verdict" },
  whatToDo: { ja: "次にすること", en: "What to do next" },
  pathTitle: { ja: "接続の経路", en: "The path of your connection" },
  findings: { ja: "見つかったこと", en: "Findings" },
  noFindings: { ja: "問題は見つかりませんでした。", en: "Nothing wrong was found." },
  details: { ja: "測定の詳細", en: "Measurement details" },
  evidence: { ja: "根拠", en: "Evidence" },
  rawEvidence: { ja: "生の出力", en: "Raw output" },
  rawData: { ja: "測定データ (JSON)", en: "Measured data (JSON)" },
  forSupport: { ja: "サポート向け", en: "For support" },
  confidence: { ja: "確からしさ", en: "Confidence" },
  consequence: { ja: "次の問題の影響です", en: "A consequence of" },
  partial: {
    ja: "途中までの結果です (測定が中断されました)",
    en: "Partial results: the run was interrupted",
  },
  integrityChecked: {
    ja: "このレポートは開いたときに検証済みです: 内容が SHA-256 ダイジェストと一致しました。",
    en: "Checked when this report was opened: its content matches its SHA-256 digest.",
  },
  integrityHowTo: {
    ja:
      "この HTML ファイルは自分で改ざんの有無を証明できません。確かめるには、同じレポートの JSON ファイルを次のコマンドで検証し、ダイジェストが下の値と一致することを確認してください。",
    en:
      "This HTML file cannot vouch for itself. To check the report was not altered, verify its JSON file with the command below and compare the digest with this one.",
  },
  aboutReport: { ja: "このレポートについて", en: "About this report" },
  created: { ja: "作成日時", en: "Created" },
  reportId: { ja: "レポート ID", en: "Report ID" },
  tool: { ja: "ツール", en: "Tool" },
  environment: { ja: "環境", en: "Environment" },
  consent: { ja: "同意したデータ区分", en: "Consented data" },
  refused: { ja: "記録しなかった区分", en: "Not recorded" },
  terms: { ja: "同意した規約", en: "Accepted terms" },
  duration: { ja: "所要時間", en: "Duration" },
  status: { ja: "状態", en: "Status" },
  downloads: { ja: "保存・共有", en: "Save and share" },
  downloadJson: { ja: "レポート (JSON)", en: "Report (JSON)" },
  downloadHtml: { ja: "レポート (HTML 1 ファイル)", en: "Report (single HTML file)" },
  downloadText: { ja: "要約 (テキスト)", en: "Summary (text)" },
  savedAt: { ja: "この端末に保存済みです", en: "Saved on this computer" },
  downloadHint: {
    ja: "サポート窓口には JSON ファイルを送ってください。HTML はメールに添付してそのまま読めます。",
    en:
      "Send the JSON file to the support desk. The HTML file can be attached to an email and read as is.",
  },
  compare: { ja: "比較", en: "Compare" },
  compareTitle: { ja: "2 つのレポートを比較", en: "Compare two reports" },
  compareButton: { ja: "比較する", en: "Compare" },
  before: { ja: "比較元", en: "Before" },
  after: { ja: "比較先", en: "After" },
  changed: { ja: "変化あり", en: "changed" },
  reports: { ja: "レポート一覧", en: "Reports" },
  noReports: { ja: "レポートはまだありません。", en: "No reports yet." },
  open: { ja: "開く", en: "Open" },
  showDetails: { ja: "測定の詳細を見る", en: "See the measurement details" },
  backToVerdict: { ja: "診断結果に戻る", en: "Back to the verdict" },
  home: { ja: "ホーム", en: "Home" },
  language: { ja: "English", en: "日本語" },
  segment: { ja: "区間", en: "Segment" },
  probe: { ja: "測定項目", en: "Probe" },
  value: { ja: "値", en: "Value" },
  name: { ja: "項目", en: "Name" },
  samples: { ja: "応答時間の推移", en: "Response time, sample by sample" },
  hops: { ja: "経路上の各ルーターまでの応答時間", en: "Response time to each router on the path" },
  throughput: { ja: "通信速度の推移", en: "Throughput over time" },
  phases: { ja: "接続の段階ごとの時間", en: "Time spent in each phase of a request" },
  lost: { ja: "応答なし", en: "no reply" },
  total: { ja: "合計", en: "Total" },
  plugin: { ja: "プラグイン", en: "plugin" },
  notMeasured: { ja: "測定していない項目", en: "Not measured" },
  probeIndex: { ja: "測定項目ごとの結果", en: "Each measurement" },
  findingId: { ja: "判定の ID", en: "Finding" },
  technical: { ja: "サポート向けの技術情報 (英語)", en: "Technical line for support" },
  appendix: { ja: "付録: 測定の根拠", en: "Appendix: the evidence" },
  appendixNote: {
    ja:
      "ここから先はサポート窓口向けの詳しい測定結果です。生の出力と測定データ (JSON) はレポートの JSON ファイルにあります。",
    en:
      "What follows is the detailed evidence for the support desk. Raw output and measured data (JSON) are in the report's JSON file.",
  },
  hop: { ja: "ホップ", en: "Hop" },
  address: { ja: "アドレス", en: "Address" },
  rttRange: { ja: "往復時間の幅", en: "RTT range" },
  median: { ja: "中央値", en: "Median" },
  average: { ja: "平均", en: "average" },
  footer: {
    ja: "このレポートはお客さまの端末で作成されました。送付しない限り、誰にも送られません。",
    en: "This report was made on your device. Nobody receives it unless you send it.",
  },
} as const satisfies Record<string, Localized>;

/**
 * Verdict words, shown next to colours so meaning never rests on colour alone. `partial`:
 * fine as far as it was measured, but the run stopped before some of its probes.
 */
export const VERDICT_TEXT: Record<Verdict | "partial", Localized> = {
  ok: { ja: "問題なし", en: "OK" },
  warn: { ja: "注意", en: "Attention" },
  fail: { ja: "問題あり", en: "Fault" },
  unknown: { ja: "未測定", en: "Not measured" },
  partial: { ja: "一部未測定", en: "Partly measured" },
};

/** Short names of the data categories (consent). */
export const CATEGORY_NAMES: Record<string, Localized> = {
  device: { ja: "端末情報", en: "device" },
  network: { ja: "ネットワーク情報", en: "network" },
  identifiers: { ja: "識別子", en: "identifiers" },
  measurements: { ja: "測定値", en: "measurements" },
};

/** Probe status words. */
export const STATUS_TEXT: Record<ProbeStatus, Localized> = {
  ok: { ja: "正常", en: "OK" },
  warn: { ja: "注意", en: "Warning" },
  fail: { ja: "異常", en: "Failed" },
  error: { ja: "エラー", en: "Error" },
  timeout: { ja: "時間切れ", en: "Timed out" },
  skipped: { ja: "省略", en: "Skipped" },
};

/** Severity words of findings. */
export const SEVERITY_TEXT: Record<"info" | "warn" | "fail", Localized> = {
  info: { ja: "情報", en: "Info" },
  warn: { ja: "注意", en: "Warning" },
  fail: { ja: "問題", en: "Fault" },
};

/** Confidence words of findings. */
export const CONFIDENCE_TEXT: Record<"low" | "medium" | "high", Localized> = {
  low: { ja: "低", en: "low" },
  medium: { ja: "中", en: "medium" },
  high: { ja: "高", en: "high" },
};

/** Returns a lookup of {@link UI} text in `lang`. */
export function words(lang: Lang): Record<keyof typeof UI, string> {
  return Object.fromEntries(Object.entries(UI).map(([k, v]) => [k, v[lang]])) as Record<
    keyof typeof UI,
    string
  >;
}

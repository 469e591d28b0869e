/**
 * `kiriwake --help` in Japanese and English.
 *
 * @module
 */
import type { Lang } from "../util/text.ts";

/** The help text in `lang` for a product called `product`. */
export function helpText(lang: Lang, product: string): string {
  return lang === "ja" ? HELP_JA.replaceAll("{p}", product) : HELP_EN.replaceAll("{p}", product);
}

const HELP_EN = `{p} — find which part of your connection is at fault

Usage:
  {p}                          open the check in your browser (app mode; on Linux
                               without a display: the terminal run)
  {p} app [--config FILE] [--out DIR] [--no-open]
                               the check in the browser, served on 127.0.0.1
  {p} view FILE|DIR… [--no-open]
                               open received reports in the browser
  {p} run [options]            measure in the terminal and write a report
  {p} send REPORT [--ticket T] [--to URL] [--yes] [--json] [--dry-run]
                               send a report to your provider's support desk;
                               you get a receipt code to read out on the phone
  {p} send --pending | --list | --cancel ID | --withdraw RECEIPT
                               send what waits now, see the queue, cancel, withdraw
  {p} terms show|status|revoke  read the terms, see or withdraw your acceptance
  {p} terms accept VERSION [--consent LIST]
  {p} license status|install FILE|remove
                                see or install the licence from your provider
  {p} license keygen --out KEYFILE | issue --key KEYFILE --licensee ID
        --services A,B --not-after DATE [--not-before DATE] [--out FILE]
                                (provider) make a key pair, issue a licence
  {p} probes [--json]           list what is measured
  {p} report verify FILE        check a report's schema and digest
  {p} report show FILE          print a report's summary
  {p} plugins list|verify [FILE] show or check the plugin manifest
  {p} plugins new NAME          scaffold a plugin (see plugins/README.md)
  {p} plugins keygen --out FILE | sign MANIFEST --key FILE
  {p} --version | --help

Options of run:
  --config FILE          run configuration (JSON); default: the built-in targets
  --out DIR              where report.json and report.txt go
                         (default: ~/kiriwake-reports/<id>)
  --accept-terms VERSION accept the terms of that exact version (non-interactive use)
  --consent all|LIST     data categories that may be recorded, comma separated:
                         device, network, identifiers, measurements
  --json                 print a machine-readable summary on stdout
  --quiet                no progress
  --dry-run              show what would be recorded and skipped; measure nothing
  --manifest FILE        plugin manifest (default: manifest.json beside the
                         executable, else in the config directory)
  --lang ja|en           language (default: from the locale)

Exit codes:
  0 report written, nothing wrong found     1 report written, a fault found
  2 usage error                             3 terms, consent, licence or OS refused
  4 invalid input file                      5 internal error
  130 interrupted (a partial report was written)
`;

const HELP_JA = `{p} — 接続のどこに問題があるかを切り分けます

使い方:
  {p}                          ブラウザーで診断を開きます (アプリモード。画面のない
                               Linux では端末での測定)
  {p} app [--config ファイル] [--out ディレクトリ] [--no-open]
                               ブラウザーで診断 (127.0.0.1 で表示)
  {p} view ファイル|フォルダー… [--no-open]
                               受け取ったレポートをブラウザーで開く
  {p} run [オプション]          端末で測定してレポートを書きます
  {p} send レポート [--ticket 番号] [--to URL] [--yes] [--json] [--dry-run]
                               レポートをサポート窓口に送信し、受付番号を表示
  {p} send --pending | --list | --cancel ID | --withdraw 受付番号
                               送信待ちを今送る、一覧、取りやめ、取り下げ
  {p} terms show|status|revoke  規約を読む、同意の確認・取り消し
  {p} terms accept 版 [--consent 区分]
  {p} license status|install ファイル|remove
                                ライセンスの確認・インストール
  {p} license keygen --out 鍵 | issue --key 鍵 --licensee ID
        --services A,B --not-after 日付 [--not-before 日付] [--out ファイル]
                                (提供者向け) 鍵の作成、ライセンスの発行
  {p} probes [--json]           測定項目の一覧
  {p} report verify ファイル    レポートの形式とダイジェストを確認
  {p} report show ファイル      レポートの要約を表示
  {p} plugins list|verify [ファイル] プラグイン マニフェストの表示・確認
  {p} plugins new 名前          プラグインのひな形を作成 (plugins/README.md)
  {p} plugins keygen --out ファイル | sign マニフェスト --key ファイル
  {p} --version | --help

run のオプション:
  --config ファイル      測定設定 (JSON)。省略時は組み込みの宛先
  --out ディレクトリ     report.json と report.txt の保存先
                         (省略時: ~/kiriwake-reports/<id>)
  --accept-terms 版      その版の規約に同意します (非対話での実行用)
  --consent all|区分     記録してよいデータ区分 (カンマ区切り):
                         device, network, identifiers, measurements
  --json                 機械可読な要約を標準出力に出します
  --quiet                進捗を表示しません
  --dry-run              記録・省略される内容を表示するだけで測定しません
  --manifest ファイル    プラグイン マニフェスト (省略時: 実行ファイルと同じ
                         場所、次に設定ディレクトリの manifest.json)
  --lang ja|en           表示言語 (省略時はロケールから)

終了コード:
  0 レポート作成、問題なし          1 レポート作成、問題あり
  2 使い方の誤り                    3 規約・同意・ライセンス・OS により拒否
  4 入力ファイルが不正              5 内部エラー
  130 中断 (途中までのレポートを保存済み)
`;

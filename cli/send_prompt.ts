/**
 * Asking for the consent to send, on a terminal, and the dry run: both show the same rows
 * of what leaves the device (`session/send/preview_text.ts`), and the whole report as it
 * would be sent on request.
 *
 * @module
 */
import type { Io } from "../session/command.ts";
import type { SendPlan } from "../session/send/plan.ts";
import { previewRows, SEND_WORDS } from "../session/send/preview_text.ts";
import type { Lang } from "../util/text.ts";

const YES = /^(y|yes|はい|ok)$/i;
const SHOW = /^(s|show|v|view|表示)$/i;

/** Text from a report, safe on a terminal: control characters (escapes) become spaces. */
export function terminalSafe(text: string): string {
  return text.replace(/\p{Cc}/gu, " ");
}

/** Prints the rows of what leaves the device. */
export function printPreview(io: Io, lang: Lang, plan: SendPlan): void {
  const rows = previewRows(plan.preview, lang);
  const width = Math.max(...rows.map(([k]) => k.length));
  io.err(`\n${SEND_WORDS.leaves[lang]}\n\n`);
  for (const [k, v] of rows) io.err(`  ${k.padEnd(width)}  ${terminalSafe(v)}\n`);
  io.err(`\n${SEND_WORDS.consentNote[lang]}\n`);
}

/**
 * Shows what would leave the device and asks. `show` prints the report exactly as it would
 * be sent, then asks again. Returns true only for an explicit yes.
 */
export async function askSendConsent(io: Io, lang: Lang, plan: SendPlan): Promise<boolean> {
  printPreview(io, lang, plan);
  for (let i = 0; i < 5; i++) {
    io.err(
      lang === "ja"
        ? `\n${SEND_WORDS.question.ja} [yes/no/show (内容を表示)]: `
        : `\n${SEND_WORDS.question.en} [yes/no/show (print it)]: `,
    );
    const line = (await io.readLine())?.trim() ?? null;
    if (line === null) return false;
    if (YES.test(line)) return true;
    if (SHOW.test(line)) {
      io.err(`${JSON.stringify(uploadPreview(plan), null, 2)}\n`);
      continue;
    }
    return false;
  }
  return false;
}

/** Prints what a send would do, sending and writing nothing. */
export function printDryRun(io: Io, lang: Lang, plan: SendPlan, json: boolean): void {
  if (json) {
    io.out(
      JSON.stringify(
        {
          dryRun: true,
          sent: false,
          destination: plan.preview.destination,
          preview: plan.preview,
          upload: uploadPreview(plan),
        },
        null,
        2,
      ) + "\n",
    );
    return;
  }
  io.err(
    lang === "ja"
      ? "\n送信の下見です。何も送信・保存しません。\n"
      : "\nA dry run: nothing is sent or written.\n",
  );
  printPreview(io, lang, plan);
  io.err(
    lang === "ja"
      ? `\n送られる内容の全体は --dry-run --json で表示できます (レポート本体: ${plan.reportPath})\n`
      : `\nThe whole of what would be sent: --dry-run --json (the report itself: ${plan.reportPath})\n`,
  );
}

/** The upload as it would go, minus what only exists once the customer says yes. */
function uploadPreview(plan: SendPlan) {
  const { send: _earlier, ...consent } = plan.report.consent;
  return {
    schema: "kiriwake.upload/v1",
    report: { ...plan.report, consent },
    ...(plan.ticket ? { ticket: plan.ticket } : {}),
    ...(plan.licenceText ? { licence: plan.licenceText } : {}),
    deletion: { sha256: "(made when sending; the token stays on this computer)" },
    addedWhenSending: ["report.consent.send: this send's record (destination, time, method)"],
  };
}

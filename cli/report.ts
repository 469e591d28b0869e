/**
 * `kiriwake report verify|show FILE`: what support does with a received report.
 *
 * @module
 */
import { EXIT, UsageError } from "../util/errors.ts";
import { renderText } from "../report/text.ts";
import { readVerifiedReport } from "../report/verify.ts";
import { sendsOf } from "../report/send_record.ts";
import { parseCommandArgs } from "../util/args.ts";
import type { Command } from "../session/command.ts";

/** The `report` command. */
export const reportCommand: Command = async (args, io, ctx) => {
  const { values, positionals } = parseCommandArgs(
    "report",
    args,
    { json: { type: "boolean" } },
    2,
  );
  const [sub, file] = positionals;
  if ((sub !== "verify" && sub !== "show") || !file) {
    throw new UsageError({
      ja: "report: 使い方は kiriwake report verify|show FILE です",
      en: "report: usage is kiriwake report verify|show FILE",
    });
  }
  const report = await readVerifiedReport(file);
  if (sub === "show") {
    io.out(renderText(report, ctx.lang));
    return EXIT.ok;
  }
  const info = {
    valid: true,
    file,
    id: report.id,
    createdAt: report.createdAt,
    partial: report.partial,
    schema: report.schema,
    digest: report.digest.value,
    headline: report.diagnosis.headline.segment,
    // Recorded after the report was written: valid against the schema, outside the digest.
    sends: sendsOf(report).map((s) => ({
      status: s.status,
      receipt: s.receipt ?? null,
      destination: s.destination,
      consentedAt: s.consentedAt,
      sentAt: s.sentAt ?? null,
    })),
  };
  if (values.json) io.out(JSON.stringify(info, null, 2) + "\n");
  else {
    io.out(
      ctx.lang === "ja"
        ? `有効なレポートです: ${report.id} (${report.createdAt}${
          report.partial ? "、途中まで" : ""
        })\nSHA-256 一致: ${report.digest.value}\n`
        : `Valid report: ${report.id} (${report.createdAt}${
          report.partial ? ", partial" : ""
        })\nSHA-256 matches: ${report.digest.value}\n`,
    );
    if (info.sends.length > 0) {
      io.out(
        ctx.lang === "ja"
          ? `送信の記録 (${info.sends.length} 件、作成後に追記されるため SHA-256 の対象外):\n`
          : `Sends recorded (${info.sends.length}; added after the report was written, so outside the SHA-256):\n`,
      );
      for (const s of info.sends) {
        io.out(`  ${s.status} ${s.receipt ?? "-"} ${s.destination} ${s.sentAt ?? s.consentedAt}\n`);
      }
    }
  }
  return EXIT.ok;
};

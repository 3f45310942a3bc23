/** Any failure as a sentence the user can read, in the pane's language. */
import { LocalizedError, type Lang } from "../core/message";
import type { Strings } from "./i18n";

/** Office.js errors (OfficeExtension.Error) carry a code such as "InvalidArgument" next to the message. */
function officeCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && code !== "" ? code : null;
}

export function describeError(e: unknown, lang: Lang, t: Strings): string {
  // A refusal, a file that is no workbook, a missing choice: words written for the user.
  if (e instanceof LocalizedError) return e[lang];
  const message = e instanceof Error ? e.message : String(e);
  const code = officeCode(e);
  return code ? t.excelError(`${message} (${code})`) : t.unexpectedError(message);
}

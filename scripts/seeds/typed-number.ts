/**
 * What a number typed the Polish way in the seeds ("5 120", "9,54%", "-0,92") is as a true number, with the
 * number format that makes Excel (Polish locale) display it as typed. Anything else (text, "b.d.", "x", a cell with
 * two values) is not a number and gives null.
 */
export interface TypedNumber {
  value: number;
  numFmt: string;
}

const NUMBER = /^(-?)(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,(\d+))?(%?)$/;

export function typedNumber(text: string): TypedNumber | null {
  const m = NUMBER.exec(text.trim());
  if (!m) return null;
  const [, sign, whole, fraction = "", percent] = m;
  const grouped = /[ \u00a0]/.test(whole!);
  const digits = whole!.replace(/[ \u00a0]/g, "");
  // Parsing "9.54e-2" rounds once, to the double nearest 0.0954; dividing 9.54 by 100 would not always.
  const value = Number(`${sign}${digits}.${fraction || "0"}e${percent ? -2 : 0}`);
  return { value, numFmt: numberFormat(grouped, fraction.length, percent === "%") };
}

function numberFormat(grouped: boolean, decimals: number, percent: boolean): string {
  if (!grouped && decimals === 0 && !percent) return "General";
  const integer = grouped ? "#,##0" : "0";
  const fraction = decimals > 0 ? `.${"0".repeat(decimals)}` : "";
  return `${integer}${fraction}${percent ? "%" : ""}`;
}

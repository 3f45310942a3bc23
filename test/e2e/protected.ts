/**
 * The 2023 annex coloured by the add-in and then protected (no password), as a colleague may hand it on:
 * "Cofnij zmiany dodatku" plans to put the fills back, and the host must refuse to write on the protected sheet.
 */
import { Reference } from "./reference";
import { seedBuffer } from "./workbooks";

export async function colouredThenProtected(): Promise<Buffer> {
  const reference = await Reference.open(seedBuffer("annex-2023-typed.xlsx"));
  await reference.act("color");
  await reference.host.workbook.worksheets[0]!.protect("", {});
  return Buffer.from(await reference.host.workbook.xlsx.writeBuffer());
}

/** Text for the user, always in both languages (Polish first): the one declaration the layers share. */
export type Lang = "pl" | "en";

export interface Message {
  pl: string;
  en: string;
}

/** Text that reads the same in both languages: a cell's displayed text, a formula, a figure. */
export function verbatim(text: string): Message {
  return { pl: text, en: text };
}

/**
 * An error whose message is for the user, in both languages: the one localized error type. A subclass exists only
 * where a caller does something different with it: HostError (a plan refused: the CLI exits with 1), BackupRefusal
 * (the backup cannot be trusted: exit 2), the CLI's FileError (exit 2) and UsageError (exit 2, the usage text after).
 * Anything else (a file that is no workbook, a choice the user has not made) is a plain LocalizedError.
 */
export class LocalizedError extends Error implements Message {
  constructor(
    readonly pl: string,
    readonly en: string,
  ) {
    super(en);
    this.name = new.target.name;
  }
}

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
 * An error whose message is for the user, in both languages. The adapters' and the CLI's errors are this type;
 * their subclasses only say what the caller does with it (the CLI's exit code, the usage text after it).
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

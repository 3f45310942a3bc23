/**
 * The pre-write check every plan that changes existing cells goes through: a cell is left alone, with the reason
 * in the preview, when the write would lose something its backup cannot give back exactly.
 *
 * The backup keeps a cell's value, formula, number format and one solid RGB fill. So:
 * - a value, formula or format write is refused over rich text (the runs would flatten), a hyperlink (its text
 *   would change under it) and part of an array formula (Excel refuses to change part of one);
 * - a fill write is refused over a pattern, a gradient, or a theme colour or tint (restore could write only a solid
 *   RGB fill, and Office.js cannot set a gradient or a theme colour at all).
 * Restore itself is not guarded: it writes back what the add-in's own guarded write replaced.
 */
import { imageOf, sheetIdentity, type ImagePart } from "./backup";
import { appendJournal } from "./journal";
import type { Message } from "./message";
import { editWrites, type CellBackup, type Change, type EditPlan, type Journal, type SheetEdit } from "./plan";
import type { CellFeature, SheetSnapshot, WorkbookSnapshot } from "./snapshot";

type Reason = CellFeature;

const REASONS: Record<Reason, Message> = {
  richText: { pl: "tekst z formatowaniem fragmentów", en: "text with formatted runs" },
  hyperlink: { pl: "hiperłącze", en: "a hyperlink" },
  arrayFormula: { pl: "część formuły tablicowej", en: "part of an array formula" },
  patternFill: { pl: "wypełnienie deseniem", en: "a pattern fill" },
  gradientFill: { pl: "wypełnienie gradientowe", en: "a gradient fill" },
  themeFill: { pl: "kolor motywu lub jego odcień", en: "a theme colour or tint" },
};

const VALUE_BLOCKERS: readonly Reason[] = ["richText", "hyperlink", "arrayFormula"];
const FILL_BLOCKERS: readonly Reason[] = ["patternFill", "gradientFill", "themeFill"];

/** The line shown for a cell the plan leaves alone. */
export function guardedLine(reason: Reason): Message {
  return { pl: `bez zmian: ${REASONS[reason].pl}`, en: `left as is: ${REASONS[reason].en}` };
}

/** Why a write of these parts must leave the cell alone, or null. */
function blocker(sheet: SheetSnapshot, address: string, parts: "value" | "fill"): Reason | null {
  const features = sheet.features?.[address] ?? [];
  return (parts === "value" ? VALUE_BLOCKERS : FILL_BLOCKERS).find((k) => features.includes(k)) ?? null;
}

/** The plan without the writes its backup could not undo exactly; those cells are listed and explained. */
export function guardPlan(wb: WorkbookSnapshot, plan: EditPlan): EditPlan {
  if (plan.refusal || plan.action === "restore") return plan;
  const blocked = new Map<string, Reason>();
  const key = (sheet: string, address: string) => `${sheet}\u0000${address}`;
  for (const edit of plan.edits) {
    const sheet = wb.sheets.find((s) => s.name === edit.sheet);
    if (!sheet) continue;
    for (const c of edit.cells) {
      const why = blocker(sheet, c.address, "value");
      if (why) blocked.set(key(edit.sheet, c.address), why);
    }
    for (const f of edit.fills)
      for (const a of f.addresses) {
        const why = blocked.has(key(edit.sheet, a)) ? null : blocker(sheet, a, "fill");
        if (why) blocked.set(key(edit.sheet, a), why);
      }
  }
  if (blocked.size === 0) return plan;

  const free = (sheet: string, address: string) => !blocked.has(key(sheet, address));
  const edits: SheetEdit[] = plan.edits
    .map((e) => ({
      ...e,
      cells: e.cells.filter((c) => free(e.sheet, c.address)),
      fills: e.fills
        .map((f) => ({ ...f, addresses: f.addresses.filter((a) => free(e.sheet, a)) }))
        .filter((f) => f.addresses.length > 0),
    }))
    .filter(editWrites);
  const changes: Change[] = plan.changes.map((c) => {
    const why = blocked.get(key(c.sheet, c.address));
    if (!why) return c;
    return { ...c, after: guardedLine(why) };
  });
  const counts = new Map<Reason, string[]>();
  for (const [k, why] of blocked) {
    const cells = counts.get(why);
    if (cells) cells.push(k.replace("\u0000", "!"));
    else counts.set(why, [k.replace("\u0000", "!")]);
  }
  const notes = [...counts].map(([why, cells]) => ({
    pl: `Komórki zawierające ${REASONS[why].pl} zostają bez zmian (${cells.length}, np. ${cells[0]}): kopia zapasowa nie umiałaby ich przywrócić dokładnie.`,
    en: `Cells holding ${REASONS[why].en} are left as they are (${cells.length}, e.g. ${cells[0]}): the backup could not put them back exactly.`,
  }));
  return {
    ...plan,
    edits,
    changes,
    expect: plan.expect?.filter((e) => free(e.sheet, e.address)),
    notes: [...plan.notes, ...notes],
    journal: plan.journal === wb.journal ? plan.journal : journalWithout(wb, plan, edits),
  };
}

/**
 * The plan's journal entry again, with records for the cells still written only: each record as the plan made it
 * (its row and what it writes), its before-image from the snapshot, appended to the journal the plan started from.
 * The sheets it put rules on stay named: the guard never blocks rules.
 */
function journalWithout(wb: WorkbookSnapshot, plan: EditPlan, edits: SheetEdit[]): Journal {
  const { entries } = plan.journal;
  const entry = entries[entries.length - 1];
  if (!entry) return wb.journal; // no entry, no records: nothing of the plan's to keep
  const recorded = new Map<string, CellBackup>();
  for (const e of entries) for (const c of e.cells) recorded.set(`${c.sheet}\u0000${c.address}`, c);
  const cells: CellBackup[] = [];
  for (const edit of edits) {
    const sheet = wb.sheets.find((s) => s.name === edit.sheet);
    if (!sheet) continue;
    const parts = new Map<string, ImagePart[]>();
    for (const c of edit.cells) parts.set(c.address, ["value", "formula", "numberFormat"]);
    for (const f of edit.fills) for (const a of f.addresses) parts.set(a, [...(parts.get(a) ?? []), "fill"]);
    for (const [address, want] of parts) {
      const record = recorded.get(`${edit.sheet}\u0000${address}`);
      if (!record) continue;
      const written = want.filter((p) => p in record.after);
      const after = Object.fromEntries(written.map((p) => [p, record.after[p]]));
      cells.push({
        sheet: edit.sheet,
        address,
        before: imageOf(sheet, address, written),
        after,
        ...(record.row ? { row: record.row } : {}),
      });
    }
  }
  // An entry with rules is kept without cells: restore deletes the rules by it.
  if (cells.length === 0 && entry.rules === undefined) return wb.journal;
  const named = new Set([...cells.map((c) => c.sheet), ...(entry.rules ?? [])]);
  return appendJournal(wb.journal, {
    ...entry,
    cells,
    addedSheets: [],
    sheets: [...named].map((name) => sheetIdentity(wb, name)),
  });
}

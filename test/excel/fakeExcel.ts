/**
 * A typed, recording stand-in for the part of Office.js the Excel adapter uses. office-addin-mock has no
 * collections, records no calls and returns a string for unloaded properties; this fake keeps a real
 * workbook state, counts syncs and calls, throws on a property read before load + sync (as Office.js
 * does), and refuses writes that Excel refuses (a protected sheet, part of a merged area).
 */
import { Buffer } from "buffer";
import { columnLetters, parseA1, parseRange, toA1, type CellPos } from "../../src/core/address";
import { ruleRange } from "../../src/core/rules";
import type { RawValue, SheetSnapshot } from "../../src/core/snapshot";

export interface FakeCell {
  value: RawValue;
  text: string;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  /** Excel's fill pattern where it is not a plain solid colour ("Gray25", "LinearGradient"); a tint of a theme colour. */
  pattern?: string;
  tintAndShade?: number;
  hyperlink?: { address?: string; documentReference?: string };
}

export interface FakeSheetState {
  /** Office's worksheet id: kept through renames and moves. */
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  merges: string[];
  protected: boolean;
  visibility: string;
  hyperlinks: Record<string, { documentReference?: string; textToDisplay?: string }>;
  columnWidths: Record<string, number>;
  frozenRows: number;
  tables: { range: string; name: string; style: string }[];
  charts: { type: string; source: string; title: string; anchor: string }[];
  orientation: string;
  /** Print setup and the reviewer's columns of a findings sheet. */
  printTitleRows?: string;
  printArea?: string;
  paperSize?: string;
  hiddenColumns?: string[];
  validations?: Record<string, string>;
  /** Conditional formats, oldest first: custom (formula) ones with their format, other kinds by type only. */
  conditionalFormats: FakeConditionalFormatState[];
}

export interface FakeConditionalFormatState {
  range: string;
  type: string;
  formula: string | null;
  fill: string | null;
  numberFormat: string | null;
}

/** Excel's longest formula: a rule's formula past it is refused, as a cell's is. */
export const MAX_FORMULA_CHARS = 8192;

const blankCell = (): FakeCell => ({
  value: "",
  text: "",
  formula: null,
  numberFormat: "General",
  fill: null,
  bold: false,
});

/** What a grid reads where the sheet holds no cell: never written to. */
const BLANK: Readonly<FakeCell> = Object.freeze(blankCell());

/** Cell addresses parsed once: the fake looks at every cell of a sheet on each used-range read. */
const POSITIONS = new Map<string, CellPos>();
function positionOf(address: string): CellPos {
  let p = POSITIONS.get(address);
  if (!p) POSITIONS.set(address, (p = parseA1(address)));
  return p;
}

let nextSheetId = 1;

export function fakeSheet(name: string, protectedSheet = false): FakeSheetState {
  return {
    id: `{00000000-0000-0000-0000-${String(nextSheetId++).padStart(12, "0")}}`,
    name,
    cells: new Map(),
    merges: [],
    protected: protectedSheet,
    visibility: "Visible",
    hyperlinks: {},
    columnWidths: {},
    frozenRows: 0,
    tables: [],
    charts: [],
    orientation: "Portrait",
    conditionalFormats: [],
  };
}

/** A sheet state holding exactly what a snapshot says. */
export function sheetFromSnapshot(s: SheetSnapshot): FakeSheetState {
  const sheet = fakeSheet(s.name, s.protected);
  sheet.merges = [...s.merges];
  // The add-in's rules, over the range their marker names.
  sheet.conditionalFormats = (s.ownRules ?? []).map((formula) => ({
    range: ruleRange(formula) ?? "A1",
    type: "Custom",
    formula,
    fill: null,
    numberFormat: null,
  }));
  s.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell: FakeCell = {
        value: value ?? "",
        text: s.text[r]![c]!,
        formula: s.formulas[r]![c]!,
        numberFormat: s.numberFormat[r]![c]!,
        fill: s.fill[r]![c]!,
        bold: s.bold[r]![c]!,
      };
      if (!isBlank(cell)) sheet.cells.set(toA1(s.top + r, s.left + c), cell);
    }),
  );
  return sheet;
}

function isBlank(c: FakeCell): boolean {
  return (
    c.value === "" && c.formula === null && c.numberFormat === "General" && c.fill === null && !c.bold && !c.hyperlink
  );
}

/** Every cell of a rectangle ("A1:C3") in row order. */
function cellsOf(address: string): { row: number; col: number }[] {
  const { start, end } = parseRange(address);
  const out: { row: number; col: number }[] = [];
  for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) out.push({ row: r, col: c });
  return out;
}

export class FakeExcel {
  readonly sheets: FakeSheetState[];
  active: string;
  structureProtected = false;
  syncs = 0;
  /** Method calls and property writes, in order, e.g. "getRanges", "set formulas". */
  calls: string[] = [];
  selected: { sheet: string; address: string } | null = null;
  /** The workbook's defined names (a table may not take one). */
  definedNames: string[] = [];
  /** Like Excel on the web's 5 MB response limit: a sync that would return more cells than this fails. */
  maxCellsPerSync = Infinity;
  /**
   * Excel on the web refuses a request, or a response, of more than 5 MB. The fake measures each sync's payload in
   * bytes of JSON (UTF-8): what its calls send (values, formats, address lists) and what its loads return. It applies
   * calls as they are made, so a refused sync here has already taken effect: tests assert it never happens.
   */
  maxPayloadBytes = 5 * 1024 * 1024;
  /** Bytes sent and returned by each sync, in order, and whether either was over the limit (the sync failed). */
  payloads: { sent: number; returned: number; refused: boolean }[] = [];
  /**
   * Fault injection: every logged call and every sync is a step; the step numbered `failAt` throws before it takes
   * effect (Office.js has no transactions: what the batch did before it stays done). Null never fails.
   */
  failAt: number | null = null;
  steps = 0;
  /** Handlers registered on worksheets.onSelectionChanged. */
  selectionHandlers: ((event: { address: string; worksheetId: string; type: string }) => Promise<unknown>)[] = [];
  private pending: { obj: Loadable; props: string[] }[] = [];
  private pendingCells = 0;
  private sent = 0;

  constructor(sheets: FakeSheetState[], active = sheets[0]!.name) {
    this.sheets = sheets;
    this.active = active;
  }

  /** The user selects cells of the active sheet: every registered handler hears of it. */
  async userSelects(address: string): Promise<void> {
    const sheet = this.sheet(this.active)!;
    for (const handler of this.selectionHandlers)
      await handler({ address, worksheetId: sheet.id, type: "WorksheetSelectionChanged" });
  }

  /** Excel.run over this workbook: a fresh context per batch, as Office.js gives. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(new FakeContext(this) as unknown as Excel.RequestContext);

  sheet(name: string): FakeSheetState | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  count(call: string): number {
    return this.calls.filter((c) => c === call).length;
  }

  log(call: string): void {
    this.step(call);
    this.calls.push(call);
  }

  private step(what: string): void {
    this.steps++;
    if (this.steps === this.failAt)
      throw Object.assign(new Error(`fake Office: injected failure at step ${this.steps} (${what})`), {
        code: "GeneralException",
      });
  }

  /** A call's payload: its arguments as JSON. */
  send(payload: unknown): void {
    this.sent += bytes(payload);
  }

  track(obj: Loadable, props: string[], cells = 0): void {
    this.pending.push({ obj, props });
    this.pendingCells += cells;
  }

  async sync(): Promise<void> {
    this.step("sync");
    this.syncs++;
    this.calls.push("sync");
    const [pending, cells, sent] = [this.pending, this.pendingCells, this.sent];
    this.pending = [];
    this.pendingCells = 0;
    this.sent = 0;
    if (sent > this.maxPayloadBytes) {
      this.payloads.push({ sent, returned: 0, refused: true });
      throw Object.assign(new Error("The request payload size has exceeded the limit."), {
        code: "RequestPayloadSizeLimitExceeded",
      });
    }
    if (cells > this.maxCellsPerSync)
      throw Object.assign(new Error("The response payload size has exceeded the limit."), {
        code: "ResponsePayloadSizeLimitExceeded",
      });
    for (const { obj, props } of pending) props.forEach((p) => obj.loaded.add(p));
    const returned = pending.reduce(
      (sum, { obj, props }) => sum + props.reduce((n, p) => n + bytes(obj.payloadOf(p)), 0),
      0,
    );
    this.payloads.push({ sent, returned, refused: returned > this.maxPayloadBytes });
    if (returned > this.maxPayloadBytes) {
      for (const { obj, props } of pending) props.forEach((p) => obj.loaded.delete(p));
      throw Object.assign(new Error("The response payload size has exceeded the limit."), {
        code: "ResponsePayloadSizeLimitExceeded",
      });
    }
  }
}

/** UTF-8 bytes of a value as JSON. */
function bytes(payload: unknown): number {
  if (payload === undefined) return 0;
  // Node's Buffer, imported: the pane's jsdom tests have neither a global Buffer nor TextEncoder. JSON.stringify
  // escapes lone surrogates, so every pair counts 4 bytes, as Office measures it.
  return Buffer.byteLength(JSON.stringify(payload) ?? "", "utf8");
}

/** Loaded properties may be read only after load() and a sync, as in Office.js. */
class Loadable {
  readonly loaded = new Set<string>();
  constructor(protected readonly excel: FakeExcel) {}
  /** What a loaded property returns, for measuring the response; properties other than cell grids count as small. */
  payloadOf(_prop: string): unknown {
    return undefined;
  }
  load(props: string): void {
    this.excel.track(
      this,
      props.split(",").map((p) => p.trim()),
    );
  }
  protected read<T>(prop: string, value: () => T): T {
    if (!this.loaded.has(prop)) throw new Error(`fake Office: property ${prop} read before load and sync`);
    return value();
  }
}

class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  constructor(private readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(excel);
    this.application = { suspendApiCalculationUntilNextSync: () => excel.log("suspendApiCalculationUntilNextSync") };
  }
  sync(): Promise<void> {
    return this.excel.sync();
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly protection: FakeWorkbookProtection;
  readonly tables: FakeNames;
  readonly names: FakeNames;
  constructor(excel: FakeExcel) {
    this.worksheets = new FakeWorksheets(excel);
    this.protection = new FakeWorkbookProtection(excel);
    this.tables = new FakeNames(excel, () =>
      excel.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, worksheet: { name: s.name } }))),
    );
    this.names = new FakeNames(excel, () => excel.definedNames.map((name) => ({ name })));
  }
}

/** workbook.tables or workbook.names, read as items after load("items/…"). */
class FakeNames extends Loadable {
  constructor(
    excel: FakeExcel,
    private readonly list: () => unknown[],
  ) {
    super(excel);
  }
  get items(): unknown[] {
    return this.read("items/name", this.list);
  }
}

class FakeWorkbookProtection extends Loadable {
  get protected(): boolean {
    return this.read("protected", () => this.excel.structureProtected);
  }
}

class FakeWorksheets extends Loadable {
  get onSelectionChanged() {
    return {
      add: (handler: FakeExcel["selectionHandlers"][number]) => {
        this.excel.log("onSelectionChanged.add");
        this.excel.selectionHandlers.push(handler);
      },
    };
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.excel, this.excel.active);
  }
  getItem(name: string): FakeWorksheet {
    if (!this.excel.sheet(name)) throw new Error(`fake Office: ItemNotFound ${name}`);
    return new FakeWorksheet(this.excel, name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.excel, this.excel.sheet(name) ? name : null);
  }
  add(name: string): FakeWorksheet {
    this.excel.log("worksheets.add");
    if (this.excel.structureProtected) throw new Error("fake Office: workbook structure is protected");
    if (this.excel.sheet(name)) throw new Error(`fake Office: sheet ${name} exists`);
    this.excel.sheets.push(fakeSheet(name));
    return new FakeWorksheet(this.excel, name);
  }
  get items(): FakeWorksheet[] {
    return this.read("items/name", () =>
      this.excel.sheets.map((s) => {
        const w = new FakeWorksheet(this.excel, s.name);
        ["name", "position", "id"].forEach((p) => w.loaded.add(p));
        return w;
      }),
    );
  }
}

class FakeWorksheet extends Loadable {
  readonly protection: FakeSheetProtection;
  constructor(
    excel: FakeExcel,
    private readonly sheetName: string | null,
  ) {
    super(excel);
    this.protection = new FakeSheetProtection(excel, () => this.state());
  }
  get isNullObject(): boolean {
    return this.sheetName === null;
  }
  override load(props: string): void {
    const own = props.split(",").map((p) => p.trim());
    super.load(own.filter((p) => !p.startsWith("protection/")).join(","));
    const protection = own.filter((p) => p.startsWith("protection/")).map((p) => p.slice("protection/".length));
    if (protection.length) this.protection.load(protection.join(","));
  }
  state(): FakeSheetState {
    const s = this.sheetName === null ? undefined : this.excel.sheet(this.sheetName);
    if (!s) throw new Error("fake Office: the worksheet is a null object or was deleted");
    return s;
  }
  get name(): string {
    return this.read("name", () => this.state().name);
  }
  get id(): string {
    return this.read("id", () => this.state().id);
  }
  get position(): number {
    return this.read("position", () => this.excel.sheets.indexOf(this.state()));
  }
  set position(p: number) {
    this.excel.log("set position");
    const s = this.state();
    this.excel.sheets.splice(this.excel.sheets.indexOf(s), 1);
    this.excel.sheets.splice(p, 0, s);
  }
  set visibility(v: string) {
    this.excel.log("set visibility");
    this.state().visibility = v;
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.excel, this, usedAddress(this.state(), valuesOnly) ?? "A1");
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    if (this.sheetName === null) return new FakeRange(this.excel, this, null);
    return new FakeRange(this.excel, this, usedAddress(this.state(), valuesOnly));
  }
  /** Without an address, the whole sheet (as Office.js gives). */
  getRange(address = "A1:XFD1048576"): FakeRange {
    this.excel.log("getRange");
    return new FakeRange(this.excel, this, address);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.excel.log("getRangeByIndexes");
    return new FakeRange(this.excel, this, `${toA1(row, col)}:${toA1(row + rows - 1, col + cols - 1)}`);
  }
  getRanges(list: string): FakeRangeAreas {
    this.excel.log("getRanges");
    this.excel.send(list);
    return new FakeRangeAreas(this.excel, this, list.split(","));
  }
  activate(): void {
    this.excel.log("activate");
    this.excel.active = this.state().name;
  }
  delete(): void {
    this.excel.log("delete sheet");
    const s = this.state();
    if (this.excel.structureProtected) throw new Error("fake Office: workbook structure is protected");
    if (s.visibility === "VeryHidden") throw new Error("fake Office: a very hidden sheet cannot be deleted");
    this.excel.sheets.splice(this.excel.sheets.indexOf(s), 1);
  }
  get freezePanes() {
    return { freezeRows: (n: number) => (this.state().frozenRows = n) };
  }
  get tables() {
    return {
      add: (range: string) => {
        this.excel.log("tables.add");
        const t = { range, name: "", style: "" };
        this.state().tables.push(t);
        const excel = this.excel;
        return {
          set name(name: string) {
            const taken = [
              ...excel.sheets.flatMap((s) => s.tables.filter((x) => x !== t).map((x) => x.name)),
              ...excel.definedNames,
            ];
            // Excel refuses a table name already used by a table or a defined name, whatever the case.
            if (taken.some((n) => n.toLowerCase() === name.toLowerCase()))
              throw Object.assign(new Error(`fake Office: the name ${name} is taken`), { code: "InvalidArgument" });
            t.name = name;
          },
          set style(style: string) {
            t.style = style;
          },
        };
      },
    };
  }
  get charts() {
    return {
      add: (type: string, source: FakeRange) => {
        this.excel.log("charts.add");
        const c = { type, source: source.address, title: "", anchor: "" };
        this.state().charts.push(c);
        return {
          title: {
            set text(t: string) {
              c.title = t;
            },
          },
          setPosition: (a: string) => (c.anchor = a),
        };
      },
    };
  }
  get pageLayout() {
    const s = this.state();
    return {
      set orientation(o: string) {
        s.orientation = o;
      },
      set zoom(_z: unknown) {},
      set paperSize(p: string) {
        s.paperSize = p;
      },
      setPrintTitleRows: (rows: string) => (s.printTitleRows = rows),
      setPrintArea: (area: string) => (s.printArea = area),
    };
  }
  writable(): FakeSheetState {
    const s = this.state();
    if (s.protected) throw new Error(`fake Office: sheet ${s.name} is protected`);
    return s;
  }
}

class FakeSheetProtection extends Loadable {
  constructor(
    excel: FakeExcel,
    private readonly state: () => FakeSheetState,
  ) {
    super(excel);
  }
  get protected(): boolean {
    return this.read("protected", () => this.state().protected);
  }
}

function usedAddress(s: FakeSheetState, valuesOnly: boolean): string | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [a, c] of s.cells) {
    if (isBlank(c) || (valuesOnly && c.value === "" && c.formula === null)) continue;
    const { row, col } = positionOf(a);
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (col < left) left = col;
    if (col > right) right = col;
  }
  if (bottom < 0) return null;
  return `${toA1(top, left)}:${toA1(bottom, right)}`;
}

class FakeRange extends Loadable {
  constructor(
    excel: FakeExcel,
    private readonly sheet: FakeWorksheet,
    private readonly where: string | null,
  ) {
    super(excel);
  }
  get isNullObject(): boolean {
    return this.where === null;
  }
  /** Grids as loaded: Office.js hands back one copy per sync, so a property read many times is computed once. */
  private readonly loadedGrids = new Map<string, unknown>();
  private grid<T>(prop: string, pick: (c: FakeCell) => T): T[][] {
    const cached = this.loadedGrids.get(prop) as T[][] | undefined;
    if (cached && this.loaded.has(prop)) return cached;
    const grid = this.read(prop, () => {
      const { start, end } = parseRange(this.bounds());
      const cells = this.sheet.state().cells;
      const rows: T[][] = [];
      for (let r = start.row; r <= end.row; r++) {
        const number = String(r + 1);
        const row: T[] = [];
        for (let c = start.col; c <= end.col; c++) row.push(pick(cells.get(columnLetters(c) + number) ?? BLANK));
        rows.push(row);
      }
      return rows;
    });
    this.loadedGrids.set(prop, grid);
    return grid;
  }
  private bounds(): string {
    if (this.where === null) throw new Error("fake Office: the range is a null object");
    return this.where.replace(/\$/g, "");
  }
  get address(): string {
    return this.bounds();
  }
  get rowIndex(): number {
    return this.read("rowIndex", () => parseRange(this.bounds()).start.row);
  }
  get columnIndex(): number {
    return this.read("columnIndex", () => parseRange(this.bounds()).start.col);
  }
  get rowCount(): number {
    return this.read("rowCount", () => parseRange(this.bounds()).end.row - parseRange(this.bounds()).start.row + 1);
  }
  get columnCount(): number {
    return this.read("columnCount", () => parseRange(this.bounds()).end.col - parseRange(this.bounds()).start.col + 1);
  }
  override load(props: string): void {
    const names = props.split(",").map((p) => p.trim());
    const gridProps = names.filter((p) => ["values", "text", "numberFormat", "formulas"].includes(p)).length;
    names.forEach((p) => this.loadedGrids.delete(p));
    this.excel.track(this, names, this.where === null ? 0 : gridProps * cellsOf(this.bounds()).length);
  }
  override payloadOf(prop: string): unknown {
    if (this.where === null) return undefined;
    if (prop === "cellProperties") return this.cellProperties();
    return ["values", "text", "numberFormat", "formulas"].includes(prop)
      ? (this as unknown as Record<string, unknown>)[prop]
      : undefined;
  }
  get values(): RawValue[][] {
    return this.grid("values", (c) => c.value);
  }
  get text(): string[][] {
    return this.grid("text", (c) => c.text);
  }
  get numberFormat(): string[][] {
    return this.grid("numberFormat", (c) => c.numberFormat);
  }
  get formulas(): unknown[][] {
    return this.grid("formulas", (c) => c.formula ?? c.value);
  }
  set numberFormat(rows: (string | null)[][]) {
    this.write("set numberFormat", rows, (cell, f) => {
      if (f !== null) cell.numberFormat = f;
    });
  }
  set formulas(rows: unknown[][]) {
    this.write("set formulas", rows, (cell, input) => {
      if (input === null) return;
      if (typeof input === "string" && input.startsWith("="))
        Object.assign(cell, { formula: input, value: 0, text: "0" });
      else if (typeof input === "string" && input.startsWith("'"))
        Object.assign(cell, { formula: null, value: input.slice(1), text: input.slice(1) });
      else if (typeof input === "string" && input !== "" && /^[-\d\s.,%]+$/.test(input))
        throw new Error("fake Office: an unprefixed numeric-looking string would be parsed by Excel");
      else Object.assign(cell, { formula: null, value: input, text: String(input) });
    });
  }
  set columnHidden(hidden: boolean) {
    const s = this.sheet.writable();
    if (hidden) (s.hiddenColumns ??= []).push(this.bounds());
  }
  get dataValidation() {
    const s = this.sheet;
    const where = this.bounds();
    return {
      set rule(rule: { list?: { source: string } }) {
        (s.writable().validations ??= {})[where] = rule.list?.source ?? "";
      },
    };
  }
  set hyperlink(link: { documentReference?: string; textToDisplay?: string }) {
    this.excel.log("set hyperlink");
    this.excel.send(link);
    this.sheet.writable().hyperlinks[this.bounds()] = link;
  }
  get format() {
    const areas = new FakeRangeAreas(this.excel, this.sheet, [this.bounds()]);
    const s = this.sheet;
    const where = this.bounds();
    return {
      fill: areas.format.fill,
      font: areas.format.font,
      set columnWidth(w: number) {
        s.writable().columnWidths[where] = w;
      },
    };
  }
  clear(what: string): void {
    this.excel.log(`clear ${what}`);
    const s = this.sheet.writable();
    const { start, end } = parseRange(this.bounds().replace(/^([A-Z]+):([A-Z]+)$/, "$11:$21048576"));
    for (const [a, c] of s.cells) {
      const p = positionOf(a);
      if (p.row >= start.row && p.row <= end.row && p.col >= start.col && p.col <= end.col)
        Object.assign(c, { value: "", text: "", formula: null });
    }
  }
  select(): void {
    this.excel.log("select");
    this.excel.selected = { sheet: this.sheet.state().name, address: this.bounds() };
  }
  getCellProperties(_opts: Excel.CellPropertiesLoadOptions) {
    this.excel.log("getCellProperties");
    const result = new CellPropertiesResult(() => this.cellProperties());
    this.loadedGrids.delete("cellProperties");
    this.excel.track(this, ["cellProperties"], cellsOf(this.bounds()).length);
    return result;
  }
  private cellProperties() {
    return this.grid("cellProperties", (c) => ({
      format: {
        font: { bold: c.bold },
        fill: {
          color: c.fill ?? "#FFFFFF",
          pattern: c.pattern ?? (c.fill ? "Solid" : "None"),
          tintAndShade: c.tintAndShade ?? 0,
        },
      },
      hyperlink: c.hyperlink ?? null,
    }));
  }
  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.excel, this.sheet, this.bounds());
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (this.where === null) return new FakeRangeAreas(this.excel, this.sheet, null);
    const mine = parseRange(this.bounds());
    const inside = this.sheet.state().merges.filter((m) => {
      const r = parseRange(m);
      return (
        r.start.row >= mine.start.row &&
        r.end.row <= mine.end.row &&
        r.start.col >= mine.start.col &&
        r.end.col <= mine.end.col
      );
    });
    return new FakeRangeAreas(this.excel, this.sheet, inside.length ? inside : null);
  }

  /** A 2-D write, refused as Excel refuses it: protected sheet, wrong shape, or part of a merged area. */
  private write<T>(call: string, rows: T[][], apply: (cell: FakeCell, input: T) => void): void {
    this.excel.log(call);
    this.excel.send([this.where, rows]);
    const s = this.sheet.writable();
    const bounds = this.bounds();
    const targets = cellsOf(bounds);
    const { start, end } = parseRange(bounds);
    const width = end.col - start.col + 1;
    if (rows.length * width !== targets.length || rows.some((r) => r.length !== width))
      throw new Error("fake Office: array shape does not match the range");
    for (const m of s.merges) {
      const r = parseRange(m);
      const single = targets.length === 1 && targets[0]!.row === r.start.row && targets[0]!.col === r.start.col;
      if (overlaps(bounds, m) && !single) throw new Error(`fake Office: cannot change part of merged cell ${m}`);
    }
    targets.forEach(({ row, col }, i) => {
      const a = toA1(row, col);
      const cell = s.cells.get(a) ?? blankCell();
      apply(cell, rows[Math.floor(i / width)]![i % width]!);
      s.cells.set(a, cell);
    });
  }
}

/** Do two ranges, each one area or several ("D7:H8,D10:H10"), share a cell? */
function overlaps(a: string, b: string): boolean {
  return a.split(",").some((x) =>
    b.split(",").some((y) => {
      const [p, q] = [parseRange(x), parseRange(y)];
      return (
        p.start.row <= q.end.row && q.start.row <= p.end.row && p.start.col <= q.end.col && q.start.col <= p.end.col
      );
    }),
  );
}

/** The conditional formats overlapping a range; items only after load and sync, as in Office.js. */
class FakeConditionalFormats extends Loadable {
  constructor(
    excel: FakeExcel,
    private readonly sheet: FakeWorksheet,
    private readonly where: string,
  ) {
    super(excel);
  }
  get items(): FakeConditionalFormat[] {
    return this.read("items/type", () => {
      if (!this.loaded.has("items/customOrNullObject/rule/formula"))
        throw new Error("fake Office: the formulas were not loaded");
      return this.sheet
        .state()
        .conditionalFormats.filter((f) => overlaps(f.range, this.where))
        .map((f) => new FakeConditionalFormat(this.excel, this.sheet, f));
    });
  }
  add(type: string): FakeConditionalFormat {
    this.excel.log("conditionalFormats.add");
    const state: FakeConditionalFormatState = {
      range: this.where,
      type,
      formula: null,
      fill: null,
      numberFormat: null,
    };
    this.sheet.writable().conditionalFormats.push(state);
    return new FakeConditionalFormat(this.excel, this.sheet, state);
  }
}

class FakeConditionalFormat {
  constructor(
    private readonly excel: FakeExcel,
    private readonly sheet: FakeWorksheet,
    private readonly state: FakeConditionalFormatState,
  ) {}
  get type(): string {
    return this.state.type;
  }
  /** A custom format's parts; Office.js throws on another kind (customOrNullObject is the safe read). */
  get custom() {
    if (this.state.type !== "Custom")
      throw Object.assign(new Error("fake Office: not a custom conditional format"), { code: "InvalidArgument" });
    const { state, excel } = this;
    return {
      rule: {
        get formula(): string {
          return state.formula ?? "";
        },
        set formula(f: string) {
          excel.log("set rule formula");
          excel.send(f);
          if (!f.startsWith("=") || f.length > MAX_FORMULA_CHARS)
            throw Object.assign(new Error("fake Office: the formula is not valid"), { code: "InvalidArgument" });
          state.formula = f;
        },
      },
      format: {
        fill: {
          set color(c: string) {
            state.fill = c.toUpperCase();
          },
        },
        set numberFormat(f: string) {
          excel.send(f);
          state.numberFormat = f;
        },
      },
    };
  }
  get customOrNullObject() {
    if (this.state.type !== "Custom") return { isNullObject: true, rule: { formula: "" } };
    return { isNullObject: false, rule: this.custom.rule };
  }
  delete(): void {
    this.excel.log("delete conditional format");
    const list = this.sheet.writable().conditionalFormats;
    list.splice(list.indexOf(this.state), 1);
  }
}

class CellPropertiesResult {
  constructor(private readonly compute: () => unknown[][]) {}
  get value(): Excel.CellProperties[][] {
    return this.compute() as Excel.CellProperties[][];
  }
}

class FakeRangeAreas extends Loadable {
  constructor(
    excel: FakeExcel,
    private readonly sheet: FakeWorksheet,
    private readonly areas: string[] | null,
  ) {
    super(excel);
  }
  get isNullObject(): boolean {
    return this.areas === null;
  }
  /** The formats over any of the areas; one added here covers all of them, as one multi-area rule. */
  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.excel, this.sheet, (this.areas ?? []).join(","));
  }
  get address(): string {
    return this.read("address", () => {
      const name = this.sheet.state().name;
      const prefix = /^[A-Za-z_][\w.]*$/.test(name) ? name : `'${name}'`;
      return (this.areas ?? []).map((a) => `${prefix}!${a}`).join(", ");
    });
  }
  private each(call: string, apply: (cell: FakeCell) => void): void {
    this.excel.log(call);
    const s = this.sheet.writable();
    for (const area of this.areas ?? [])
      for (const { row, col } of cellsOf(area)) {
        const a = toA1(row, col);
        const cell = s.cells.get(a) ?? blankCell();
        apply(cell);
        s.cells.set(a, cell);
      }
  }
  get format() {
    const each = (call: string, apply: (cell: FakeCell) => void) => this.each(call, apply);
    return {
      fill: {
        set color(color: string) {
          // A colour set through Office.js is a solid RGB fill: any pattern or tint is gone.
          each("set fill", (c) => {
            c.fill = color.toUpperCase();
            delete c.pattern;
            delete c.tintAndShade;
          });
        },
        clear: () =>
          each("clear fill", (c) => {
            c.fill = null;
            delete c.pattern;
            delete c.tintAndShade;
          }),
      },
      font: {
        set bold(b: boolean) {
          each("set bold", (c) => (c.bold = b));
        },
      },
    };
  }
}

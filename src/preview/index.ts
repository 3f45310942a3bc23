/**
 * The preview page (development build only): a workbook in the browser, drawn as Excel would, with the unchanged
 * task pane beside it over an ExcelJS host. Opens seeds/annex-2023-typed.xlsx unless told otherwise
 * (?sample=annex-2022.xlsx, or a file the user picks); ?lang=en for English.
 */
import "../ui/styles.css";
import { startPane, type Pane } from "../taskpane/pane";
import { followTheme } from "../taskpane/theme";
import { LocalizedError } from "../core/message";
import { loadWorkbook, patchPackage, XlsxHost } from "../xlsx";
import { snapshotFromFile } from "../xlsx/edition-file";
import { Gate } from "./gate";
import { PreviewHost } from "./preview-host";
import { DEFAULT_SAMPLE, SAMPLES, sampleUrl } from "./samples";
import type { Lang } from "../core/message";
import { langFromQuery, say } from "./strings";
import { WorkbookView } from "./workbook-view";
// After the pane's stylesheet: the page's own rules win where both style the body.
import "./preview.css";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`preview.html has no #${id}`);
  return el as T;
}

const lang: Lang = langFromQuery(location.search);
followTheme(undefined);
const gate = new Gate();
const page = {
  sample: element<HTMLSelectElement>("sample"),
  fileInput: element<HTMLInputElement>("file-input"),
  download: element<HTMLButtonElement>("download"),
  status: element<HTMLElement>("status"),
  workbookName: element<HTMLElement>("workbook-name"),
  tabs: element<HTMLElement>("sheet-tabs"),
  panel: element<HTMLElement>("grid-panel"),
  selection: element<HTMLElement>("selection"),
  paneRoot: element<HTMLElement>("pane-root"),
};
let opened: { xlsx: XlsxHost; fileName: string; original: Uint8Array } | null = null;
let pane: Pane | null = null;

function translatePage(): void {
  document.documentElement.lang = lang;
  element("sample-label").textContent = say(lang, "sample");
  element("file-label").textContent = say(lang, "openFile");
  page.download.textContent = say(lang, "download");
  page.tabs.setAttribute("aria-label", say(lang, "sheets"));
  element("pane-area").setAttribute("aria-label", say(lang, "paneArea"));
  for (const sample of SAMPLES) {
    page.sample.add(new Option(sample.label[lang], sample.file));
  }
}

/** Open a workbook: draw it and start a fresh task pane over it (the old pane goes with its DOM). */
async function open(data: ArrayBuffer, fileName: string): Promise<void> {
  const workbook = await loadWorkbook(data);
  let view: WorkbookView | null = null;
  const xlsx = new XlsxHost(workbook, ({ sheet, address }) => view?.select(sheet, address));
  view = new WorkbookView(xlsx, page, lang);
  opened = { xlsx, fileName, original: new Uint8Array(data.slice(0)) };
  page.workbookName.textContent = fileName;
  page.download.disabled = false;
  const root = document.createElement("div");
  root.className = "pane";
  page.paneRoot.replaceChildren(root);
  pane = startPane(root, new PreviewHost(xlsx, view, gate), lang, undefined, { readWorkbookFile: snapshotFromFile });
  await pane.idle();
  page.status.textContent = say(lang, "loaded") + fileName;
  document.body.dataset.state = "ready";
}

async function openWith(fileName: string, read: () => Promise<ArrayBuffer>): Promise<void> {
  document.body.dataset.state = "loading";
  page.status.textContent = say(lang, "loading") + fileName;
  try {
    await open(await read(), fileName);
  } catch (error) {
    const reason =
      error instanceof LocalizedError ? error[lang] : error instanceof Error ? error.message : String(error);
    page.status.textContent = say(lang, "loadFailed") + reason;
    document.body.dataset.state = "failed";
  }
}

async function fetchSample(file: string): Promise<ArrayBuffer> {
  const sample = SAMPLES.find((s) => s.file === file) ?? DEFAULT_SAMPLE;
  const response = await fetch(sampleUrl(sample));
  if (!response.ok) throw new Error(`${sample.file}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

async function download(): Promise<void> {
  if (!opened) return;
  // The same writer as the CLI: the opened file patched with what the pane applied (unchanged, when nothing was).
  const { original, xlsx } = opened;
  const bytes = (await patchPackage({ original, workbook: xlsx.workbook, plans: xlsx.applied })) ?? original;
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }));
  const link = document.createElement("a");
  link.href = url;
  link.download = opened.fileName;
  link.click();
  // The click has handed the blob to the download by the time the next task runs.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

translatePage();
page.sample.addEventListener("change", () => void openWith(page.sample.value, () => fetchSample(page.sample.value)));
page.fileInput.addEventListener("change", () => {
  const file = page.fileInput.files?.[0];
  if (!file) return;
  // The sample list no longer names what is open.
  page.sample.selectedIndex = -1;
  void openWith(file.name, () => file.arrayBuffer());
});
page.download.addEventListener("click", () => void download());
/** For tests and developers: hold() makes every host call wait until release(); idle() waits for the pane. */
Object.assign(window, {
  mopsPreview: { hold: () => gate.hold(), release: () => gate.release(), idle: () => pane?.idle() },
});

const initial = new URLSearchParams(location.search).get("sample") ?? DEFAULT_SAMPLE.file;
page.sample.value = SAMPLES.some((s) => s.file === initial) ? initial : DEFAULT_SAMPLE.file;
void openWith(page.sample.value, () => fetchSample(page.sample.value));

/** The ExcelJS adapter: snapshots from workbooks, edit plans applied to them, and a host for the preview. */
export { snapshotFromWorkbook, snapshotFromSheet } from "./read";
export { applyPlan } from "./write";
export { XlsxHost, type Selection } from "./host";
export { loadWorkbook, saveWorkbook } from "./load";
export { patchPackage, type PatchInput } from "./ooxml";

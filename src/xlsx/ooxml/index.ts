/** Writing a workbook by patching the package it was read from (no Node, no DOM: the CLI and the preview both use it). */
export { patchPackage, type PatchInput } from "./patch";

/**
 * ExcelJS's entry (exceljs/lib/exceljs.nodejs.js) for jest, with its streaming reader and writer loaded on first
 * use: they pull in archiver and unzipper, about 380 of the 660 modules the entry loads, and no test uses them,
 * while jest loads every test file's modules anew. The same exports, loaded in a third of the time (0.25 s less a
 * file). The command-line tests that spawn the CLI load the real entry.
 */
const ExcelJS = {
  Workbook: require("exceljs/lib/doc/workbook"),
  ModelContainer: require("exceljs/lib/doc/modelcontainer"),
  get stream() {
    return {
      xlsx: {
        WorkbookWriter: require("exceljs/lib/stream/xlsx/workbook-writer"),
        WorkbookReader: require("exceljs/lib/stream/xlsx/workbook-reader"),
      },
    };
  },
};

Object.assign(ExcelJS, require("exceljs/lib/doc/enums"));

module.exports = ExcelJS;

import { OfficeMockObject } from "office-addin-mock";
import { ExcelHost, type ExcelRun } from "../../src/excel/excelHost";

/** office-addin-mock for a call chain without collections; its methods wrapped in jest.fn to record calls. */
test("select activates the sheet, then selects the cell, in one sync", async () => {
  const activate = jest.fn();
  const select = jest.fn();
  const getRange = jest.fn((_address: string) => ({ select }));
  const getItem = jest.fn((_name: string) => ({ activate, getRange }));
  const sync = jest.fn(async () => undefined);
  const mock = new OfficeMockObject({ context: { workbook: { worksheets: { getItem } }, sync } });
  const context = (mock as unknown as { context: Excel.RequestContext }).context;
  const run: ExcelRun = (batch) => batch(context);

  await new ExcelHost(run).select("Załącznik 5", "G12");

  expect(getItem).toHaveBeenCalledWith("Załącznik 5");
  expect(getRange).toHaveBeenCalledWith("G12");
  expect(activate).toHaveBeenCalledTimes(1);
  expect(select).toHaveBeenCalledTimes(1);
  expect(sync).toHaveBeenCalledTimes(1);
});

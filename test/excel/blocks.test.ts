import { parseA1 } from "../../src/core/address";
import { addressLists, areasOf, compactAddresses, formulaInput, rectangles } from "../../src/excel/blocks";

const cells = (addresses: string[]) => addresses.map((a) => ({ pos: parseA1(a), item: a }));

describe("rectangles", () => {
  test("stacks equal runs of consecutive rows into one block and keeps the items in place", () => {
    const blocks = rectangles(cells(["E6", "D5", "E5", "F5", "D6", "F6", "D8"]));
    expect(blocks.map((b) => b.address)).toEqual(["D5:F6", "D8"]);
    expect(blocks[0]!.rows).toEqual([
      ["D5", "E5", "F5"],
      ["D6", "E6", "F6"],
    ]);
  });

  test("a gap in a row starts a new block", () => {
    expect(rectangles(cells(["B2", "D2"])).map((b) => b.address)).toEqual(["B2", "D2"]);
  });
});

test("compactAddresses covers exactly the given cells", () => {
  expect(compactAddresses(["C3", "C4", "C5", "E3"])).toEqual(["C3:C5", "E3"]);
});

test("addressLists keeps every list under the limit and loses no area", () => {
  const areas = Array.from({ length: 500 }, (_, i) => `C${i * 2 + 1}`);
  const lists = addressLists(areas, 200);
  expect(lists.every((l) => l.length <= 200)).toBe(true);
  expect(lists.join(",").split(",")).toEqual(areas);
});

test("areasOf reads Office multi-area addresses with quoted sheet names", () => {
  expect(areasOf("'Zał. 5, 2023'!$A$1:$B$2, 'Zał. 5, 2023'!D4")).toEqual(["A1:B2", "D4"]);
  expect(areasOf("Arkusz1!A10:C10")).toEqual(["A10:C10"]);
});

test("formulaInput: formula wins, text is kept as text, null clears, absent leaves alone", () => {
  expect(formulaInput({ address: "A1", formula: "=B1/C1", value: 3 })).toBe("=B1/C1");
  expect(formulaInput({ address: "A1", value: "5 120" })).toBe("'5 120");
  expect(formulaInput({ address: "A1", value: null })).toBe("");
  expect(formulaInput({ address: "A1", value: 0.25 })).toBe(0.25);
  expect(formulaInput({ address: "A1", numberFormat: "0%" })).toBeNull();
});

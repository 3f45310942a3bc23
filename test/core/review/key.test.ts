import { messageFigures } from "../../../src/core/review/key";
import { decisionOf } from "../../../src/core/review/decisions";
import { baseReviewName } from "../../../src/core/review/sheet";

test("a message's figures: its numbers as written, without cell addresses or row numbers", () => {
  expect(
    messageFigures("wskaźnik W39_W, rok 2021: wpisano 5,70%, a ze składników wychodzi 566,67% (udział: 34 / 6)."),
  ).toEqual(["39", "2021", "5.70", "566.67", "34", "6"]);
  expect(messageFigures("rok 2022: 25 328 tutaj, a 31 680 w wierszu 57 (wskaźnik 2.")).toEqual([
    "2022",
    "25328",
    "31680",
    "2",
  ]);
  expect(messageFigures("693 liczby wpisane jako tekst (C5, F5, G5, …)")).toEqual(["693"]);
  expect(messageFigures("1\u00a0234,5 wobec 1\u202f000")).toEqual(["1234.5", "1000"]);
});

test("decisions read as the list words them, in any case; anything else is open", () => {
  expect(["Zaakceptowane", " zaakceptowane ", "accepted"].map(decisionOf)).toEqual([
    "accepted",
    "accepted",
    "accepted",
  ]);
  expect(["Wyjaśnione", "WYJAŚNIONE"].map(decisionOf)).toEqual(["explained", "explained"]);
  expect(["", "Do wyjaśnienia", "ok", "zaakcept."].map(decisionOf)).toEqual(["open", "open", "open", "open"]);
});

test("the sheet is Uwagi for the only sheet, else names its source within 31 characters", () => {
  expect(baseReviewName("Załącznik 5", 1)).toBe("Uwagi");
  expect(baseReviewName("Załącznik 5", 2)).toBe("Uwagi (Załącznik 5)");
  const long = baseReviewName("Załącznik nr 5 do sprawozdania: MOPS [2023]", 3);
  expect(long).toBe("Uwagi (Załącznik nr 5 do spraw)");
  expect(long.length).toBeLessThanOrEqual(31);
});

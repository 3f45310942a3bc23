import { inferRatio } from "../../../src/core/ratio";
import { typedIndicator } from "./fixtures";

/** Rows typed as in the 2023 annex (seed 000); the numbers in the comments are recomputed by hand. */
describe("inferRatio on indicators typed as in the 2023 annex", () => {
  it("gives no ratio to an indicator without two component rows", () => {
    const plain = typedIndicator(
      10,
      "Liczba rodzin objętych pomocą w formie stypendiów.",
      null,
      { baseline: "502", 2021: "422" },
      [],
    );
    expect(inferRatio(plain)).toEqual({ result: null });
    const one = typedIndicator(10, "Udział", null, { baseline: "50%" }, [["liczba A", { baseline: "5" }]]);
    expect(inferRatio(one)).toEqual({ result: null });
  });

  it("infers coverage for the uncoded elderly protected-housing row: 17/(17+8) = 68 %, 24/(24+0) = 100 %, 24/29 = 82.8 %", () => {
    const ind = typedIndicator(
      109,
      "Poziom zaspokojenia potrzeb związanych z umieszczeniem w mieszkaniach chronionych dla osób w podeszłym wieku.",
      null,
      { baseline: "68%", 2021: "100%", 2022: "100%", 2023: "83%" },
      [
        ["liczba miejsc w mieszkaniach chronionych", { baseline: "17", 2021: "24", 2022: "24", 2023: "24" }],
        [
          "liczba osób oczekujących na umieszczenie w mieszkaniu chronionym",
          { baseline: "8", 2021: "0", 2022: "0", 2023: "5" },
        ],
      ],
    );
    const { result, note } = inferRatio(ind);
    expect(note).toBeUndefined();
    expect(result).toMatchObject({
      formula: "coverage",
      unit: "percent",
      source: "inferred",
      componentRows: [110, 111],
    });
    expect(result?.recalculated.baseline).toBeCloseTo(17 / 25, 12);
    expect(result?.recalculated["2023"]).toBeCloseTo(24 / 29, 12);
    expect(result?.matches).toEqual({ baseline: true, 2021: true, 2022: true, 2023: true });
    expect(result?.description.pl).toBe(
      "poziom zaspokojenia potrzeb: [liczba miejsc w mieszkaniach chronionych] / ([liczba miejsc w mieszkaniach chronionych]" +
        " + [liczba osób oczekujących na umieszczenie w mieszkaniu chronionym])",
    );
  });

  it("infers share_reversed when the denominator is listed first: 38/848 = 4.48 %, 38/823 = 4.62 %", () => {
    const ind = typedIndicator(
      112,
      "Udział liczby miejsc w ośrodkach wsparcia specjalistycznych w ogólnej liczbie miejsc w ośrodkach wsparcia dla osób starszych.",
      null,
      { baseline: "4,29%", 2021: "4,48%", 2022: "4,48%", 2023: "4,62%" },
      [
        [
          "liczba miejsc w ośrodkach wsparcia dla osób starszych",
          { baseline: "", 2021: "848", 2022: "848", 2023: "823" },
        ],
        ["liczba miejsc w ośrodkach specjalistycznych", { baseline: "", 2021: "38", 2022: "38", 2023: "38" }],
      ],
    );
    const { result } = inferRatio(ind);
    expect(result).toMatchObject({ formula: "share_reversed", componentRows: [114, 113] });
    // No baseline counts: nothing recalculated, nothing judged.
    expect(result?.recalculated.baseline).toBeNull();
    expect(result?.matches).toEqual({ baseline: null, 2021: true, 2022: true, 2023: true });
  });

  it("uses the catalogue for a known code and still reports its real disagreements (W39_W 2021: 34/6 is not 5,70 %)", () => {
    const ind = typedIndicator(
      47,
      "Poziom umieszczania dzieci w pieczy zastępczej - wskaźnik W39_W (system STRADOM UMK)",
      "W39_W",
      { baseline: "10,5%", 2021: "5,70%", 2022: "5,29%", 2023: "5,85%" },
      [
        [
          "liczba rodzin ... z których dzieci umieszczono w pieczy zastępczej",
          { baseline: "62", 2021: "34", 2022: "34", 2023: "38" },
        ],
        [
          "liczba rodzin, w których była realizowana usługa asystenta rodziny",
          { baseline: "585", 2021: "6", 2022: "642", 2023: "650" },
        ],
      ],
    );
    const { result, note } = inferRatio(ind);
    expect(note).toBeUndefined();
    expect(result).toMatchObject({ formula: "share", source: "catalogue" });
    expect(result?.matches).toEqual({ baseline: true, 2021: false, 2022: true, 2023: true });
  });

  it("prefers the better inferred formula to a catalogue entry that reproduces fewer values, and says so", () => {
    // W15_W is catalogued as coverage; these values are shares (50/100 = 50 %, 30/60 = 50 %), not 50/150 or 30/90.
    const ind = typedIndicator(
      5,
      "Poziom zaspokojenia potrzeb, wskaźnik W15_W",
      "W15_W",
      { 2021: "50%", 2022: "50%" },
      [
        ["liczba A", { 2021: "50", 2022: "30" }],
        ["liczba B", { 2021: "100", 2022: "60" }],
      ],
    );
    const { result, note } = inferRatio(ind);
    expect(result).toMatchObject({ formula: "share", source: "inferred" });
    expect(note?.en).toContain("reproduces 0 of 2");
    expect(note?.en).toContain("2 of 2");
  });

  it("keeps a catalogue formula that reproduces too few values, with a note (and no better formula exists)", () => {
    const ind = typedIndicator(5, "Skala, wskaźnik W2_W", "W2_W", { 2021: "17%", 2022: "91%" }, [
      ["liczba A", { 2021: "1", 2022: "1" }],
      ["liczba B", { 2021: "3", 2022: "3" }],
    ]);
    const { result, note } = inferRatio(ind);
    expect(result).toMatchObject({ formula: "share", source: "catalogue" });
    expect(note?.en).toContain('The STRADOM catalogue formula ("share") reproduces only 0 of 2 reported values');
  });

  it("gives no formula and says why when none reproduces the reported values", () => {
    const ind = typedIndicator(5, "Odsetek", null, { 2021: "17%", 2022: "91%" }, [
      ["liczba A", { 2021: "1", 2022: "1" }],
      ["liczba B", { 2021: "3", 2022: "3" }],
    ]);
    const { result, note } = inferRatio(ind);
    expect(result).toBeNull();
    expect(note?.pl).toContain("Żaden znany wzór");
  });

  it("gives no formula when no year has both a reported value and counts", () => {
    const ind = typedIndicator(5, "Odsetek", null, { 2021: "b.d.", 2022: "x" }, [
      ["liczba A", { 2021: "1", 2022: "1" }],
      ["liczba B", { 2021: "3", 2022: "3" }],
    ]);
    const { result, note } = inferRatio(ind);
    expect(result).toBeNull();
    expect(note?.en).toContain("no year with both");
  });

  it("breaks a tie by simplicity: 7/7 = 100 % is a share before a reversed share", () => {
    const ind = typedIndicator(7, "Zakres usług", null, { baseline: "100%", 2021: "100%" }, [
      ["liczba obszarów realizacji programu", { baseline: "7", 2021: "7" }],
      ["liczba obszarów zaplanowanych do realizacji", { baseline: "7", 2021: "7" }],
    ]);
    expect(inferRatio(ind).result?.formula).toBe("share");
  });

  it("infers a rate per 1 000 and weekly hours from plain numbers (W11_W and W10_W values)", () => {
    const rate = typedIndicator(
      136,
      "Populacja bezdomnych na 1 000 mieszkańców",
      null,
      { baseline: "2,5", 2022: "2,25", 2023: "2,27" },
      [
        ["liczba osób bezdomnych objętych pomocą społeczną", { baseline: "1 937", 2022: "1 806", 2023: "1 822" }],
        ["liczba mieszkańców Krakowa", { baseline: "779 960", 2022: "802 781", 2023: "804 237" }],
      ],
    );
    expect(inferRatio(rate).result).toMatchObject({ formula: "per_1000", unit: "per_1000" });
    const hours = typedIndicator(
      104,
      "Poziom wsparcia tygodniowo",
      null,
      { baseline: "6,87", 2021: "7,1", 2022: "6,8" },
      [
        [
          "roczna liczba zrealizowanych godzin usług opiekuńczych",
          { baseline: "759 079", 2021: "714 590", 2022: "682 458" },
        ],
        ["liczba osób korzystających z usług opiekuńczych w roku", { baseline: "2 125", 2021: "1 945", 2022: "1 922" }],
      ],
    );
    const h = inferRatio(hours).result;
    expect(h).toMatchObject({ formula: "weekly_hours_per_person", unit: "hours_per_week" });
    expect(h?.recalculated.baseline).toBeCloseTo(759079 / 2125 / 52, 12);
  });
});

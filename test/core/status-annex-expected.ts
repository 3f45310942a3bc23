/**
 * Statuses of every indicator and sub-row of the 2023 annex (seeds/000_...txt), worked out by hand from the seed
 * at a tolerance of 5 %: one line per sheet row (1-based), its code or Lp., then 2021 2022 2023 latest.
 * T target_met, I improved, U unchanged, W worsened, S stable, D deviated, N no_data, ? unknown_trend.
 * The reasoning for the less obvious ones is in the comments.
 */
import type { Status } from "../../src/core/model";

const EXPECTED = `
# Domain 1 "Aktywna polityka na rzecz rodzin", direction 1
5   W19_W  D D D D   # maintain 80 %: 89 %, 91 %, 62 % are all more than 4 points away
8   W8_W   S S S S   # maintain 100 %: 100 % each year
11  3      T T T T   # increase 58, target 120: 132, 124, 142
12  4      I I I I   # increase 15 %: 22, 22, 23 %
13  5      ? ? ? ?   # no trend written
14  6      ? ? N ?   # no trend; 2023 "b.d.", so latest is 2022's
15  W17_W  U I W W   # increase 2 %: 2 %, 2,1 %, 1,7 %
18  8      N N N N   # no baseline, "x" (the districts below carry the values)
19  I      W W W W   # districts inherit "wzrost": 9,54 % -> 8,65 / 8,17 / 9,28
20  II     W W W W   # 6,92 -> 6,71 / 6,28 / 6,65
21  III    I W I I   # 2,87 -> 2,91 / 2,80 / 3,55
22  IV     W W W W   # 2,26 -> 2,18 / 1,95 / 1,98
23  V      W W W W   # 0,87 -> 0,85 / 0,78 / 0,79
24  VI     W W W W   # 2,48 -> 2,44 / 2,29 / 2,31
25  VII    I W I I   # 1,53 -> 1,55 / 1,50 / 1,56
26  VIII   I W W W   # 0,90 -> 0,91 / 0,86 / 0,88
27  IX     U U U U   # 0,00 throughout
28  X      W W W W   # 1,21 -> 1,06 / 0,97 / 0,96
29  XI     W W W W   # 4,31 -> 4,24 / 4,14 / 4,30
30  XII    I I I I   # 1,83 -> 4,95 / 4,78 / 4,82
31  XIII   W W I I   # 1,88 -> 1,85 / 1,70 / 2,15
32  XIV    U U I I   # 0,00 -> 0,00 / 0,00 / 0,70
33  XV     U W I I   # 0,61 -> 0,61 / 0,60 / 0,96
34  XVI    I W I I   # 1,88 -> 1,92 / 1,85 / 2,59
35  XVII   W W W W   # 4,97 -> 4,91 / 4,83 / 0,00
36  XVIII  W W W W   # 6,77 -> 5,21 / 5,03 / 4,90
37  W7_W   U I I I   # increase 3,10 %: 3,10 / 3,37 / 4,77
41  W6_W   W W W W   # increase 1,3: -0,92 / -0,93 / -0,6
42  11     D D D D   # maintain 1 411 (band 70,55): 1 214 / 1 047 / 1 325
43  12     S D D D   # maintain 35 (band 1,75; the target 35 plays no part): 34 / 45 / 39
44  13     I I I I   # increase 43, target 52: 44 / 46 / 46
45  14     T T T T   # increase 20 000, target 30 000: 47 000 / 95 000 / 103 420
46  15     T T T T   # increase 5, target 10: 41 / 46 / 51
47  16     D D S S   # maintain 11 (band 0,55): 10 / 10 / 11
48  W39_W  I I I I   # decrease 10,5 %, target 5 %: 5,70 / 5,29 / 5,85 % are lower but above the target
51  W56_Z  W I I I   # decrease 1,46 %: 1,5 / 0,5 / 0,5 %
52  W61_Z  I I I I   # increase 18 %: 21,6 / 67,4 / 72,4 %
53  W60_Z  I I I I   # increase 3 %: 12,6 / 11,3 / 14,5 %
54  W55_Z  W I I I   # increase 56 %: 47,6 / 60,4 / 66,0 %
# direction 2
56  1      D D D D   # maintain 1 352 (band 67,6): 1 227 / 1 185 / 1 107
57  2      N S S S   # maintain 31 230 (band 1 561,5): empty / 31 680 / 31 497
58  3      N I I I   # increase 0: empty / 49 132 / 6 994
59  W18_W  W I I I   # increase 15 %: 13 / 22 / 19,9 %
62  5      I I I I   # decrease 502: 422 / 360 / 357
63  6      N N N N   # no baseline, "x" (the benefit types below carry the values)
64  rodz   S D D D   # maintain 34 (band 1,7): 35 / 37 / 24
65  pom    D S D D   # maintain 14 (band 0,7): 13 / 14 / 9
66  styp   D D D D   # maintain 13 (band 0,65): 20 / 24 / 21
68  alim   S D S S   # maintain 26 (band 1,3): 25 / 33 / 25
# direction 3
70  W12_W  I I I I   # increase 66,79 %, target 80 %: 70 / 71 / 67,6 %
73  2      I I I I   # increase 77: 86 / 94 / 100
74  3      W W U U   # increase 15, target 35: 11 / 14 / 15
75  4      T T T T   # increase 53, target 150: 3 223 / 1 358 / 1 671
76  5      I T T T   # increase 206, target 250: 234 / 524 / 530
77  W2_W   W W W W   # decrease 0,47 %: 0,51 / 0,55 / 0,74 %
# direction 4
81  1      I U I I   # increase 58, target 78: 62 / 58 / 59
82  2      I I I I   # increase 2 393: 3 258 / 3 976 / 3 782
83  3      I T T T   # increase 89, target 145: 135 / 164 / 191
84  4      S S D D   # maintain 44 (band 2,2): 44 / 46 / 48
85  5      N I I I   # increase 0: empty / 43 / 40
86  6      S S S S   # maintain 17: 17 throughout
87  W13_W  I W W W   # increase 60,30 %: 91 / 45 / 39,1 %
90  8      D D D D   # maintain 353 (band 17,65): 293 / 414 / 407
91  9      D D D D   # maintain 24 (band 1,2): 57 / 72 / 59
92  10     D D D D   # maintain 15 (band 0,75): 26 / 27 / 37
93  W41_W  I W W W   # decrease 45 %: 43 / 46 / 48,4 %
# Domain 2 "Aktywna polityka senioralna"
99  W37_W  I I T T   # increase 42, target 52: 46 / 51 / 55
100 2      W I I I   # increase 5 088, target 8 000: 4 990 / 6 037 / 7 537
102 3      S S S S   # maintain 4,56 (band 0,228): 4,55 / 4,74 / 4,58
103 4      I I I I   # increase 929, target 1500: 935 / 962 / 1406
105 W10_W  T W I I   # increase 6,87, target 7: 7,1 / 6,8 / 6,9
108 2      W W W W   # increase 2 125, target 2 500: 1 945 / 1 922 / 1 839
109 3      I I I I   # increase 17, target 30: 23 / 24 / 24
110 4      I I I I   # increase 68 %: 100 / 100 / 83 %
113 5      I I I I   # increase 4,29 %, target 8,42 %: 4,48 / 4,48 / 4,62 %
117 W15_W  S S S S   # maintain 98,56 % (band 4,93 points): 99,22 / 99,91 / 98,63 %
120 2      U I U U   # increase 17: 17 / 18 / 17
121 W5_W   D D D D   # maintain 7,69 % (band 0,38 points): 8,66 / 8,28 / 8,53 %
124 4      N I I I   # increase 0: empty / 26 / 11
# Domain 3 "Aktywna integracja osób i rodzin zagrożonych wykluczeniem"
128 1      W W W W   # increase 761: 562 / 467 / 403
129 2      D D D D   # maintain 15 (band 0,75): 25 / 23 / 17
130 3      T T T T   # increase 160, target 180: 198 each year
131 4      D D D D   # maintain 278 327 (band 13 916): 245 623 / 229 916 / 213 452
132 5      W W T T   # increase 583, target 600: 494 / 505 / 671
133 6      S S S S   # maintain 79: 79 throughout
135 7      I I I I   # increase 312, target 332: 331 / 325 / 325 (the shifted block)
136 8      I I I I   # increase 150, target 300: 224 / 198 / 174
137 W11_W  S D D D   # maintain 2,5 (band 0,125): 2,5 / 2,25 / 2,27
140 10     T T W W   # increase 25, target 35: 56 / 45 / 19
141 M13_M  D D D D   # maintain 851 (band 42,55): 590 / 514 / 532
142 12     S D D D   # maintain 5 548 (band 277,4): 5 585 / 6 130 / 6 563
143 13     W W W W   # increase 981: 935 / 879 / 911
144 14     N I I I   # increase 0: empty / 5 984 / 415
146 W9_W   I I I I   # increase 69,74 %: 72,35 / 70,50 / 69,93 %
149 2      D D D D   # maintain 31 230 (band 1 561,5): 28 288 / 25 328 / 24 503
150 W1_W   D S S S   # maintain 4,1 % (band 0,205 points): 3,6 / 3,9 / 3,9 % (0,2 away: inside, inclusive)
153 4      N I I I   # increase 0: empty / 49 132 / 6 994
154 W40_W  I I W W   # increase 93 %, target 95 %: 93,24 / 94,51 / 92,47 %
158 W9_G   T T T T   # decrease 3,1 %, target 3,0 %: 2,90 / 2,30 / 1,90 %
159 W14_W  D D D D   # maintain 18 % (band 0,9 points): 26,6 / 25,8 / 25,1 %
162 W14_G  T T T T   # increase 4 %, target 6 %: 6 / 6 / 8 %
163 W15_G  T T T T   # increase 24 %, target 30 %: 30 / 39 / 47 %
165 1      W W U U   # decrease 5,2: 6 / 6 / 5,2
167 2      I W W W   # increase 153: 239 / 0 / 0
168 3      W W I I   # increase 4: 2 / 0 / 5
169 5      W W W W   # increase 56 %: 3 / 4 / 4 %
170 6      I I I I   # increase 0 %: 21 / 30 / 29 %
173 W16_W  S S S S   # maintain 97 % (band 4,85 points): 98 / 97 / 97,67 %
176 8      N N D D   # maintain 100 %: x / x / 92 %
177 6      U U U U   # increase 0, target 20: 0 each year
178 7      U W W W   # increase 0,61, target 0,68: 0,61 / 0,59 / 0,59
# Domain 4 "Aktywne włączenie osób z niepełnosprawnościami"
182 1      W W W W   # increase 5 670: 4 827 / 5 307 / 5 211
183 2      W I I I   # increase 38 350: 35 948 / 39 114 / 42 133
184 3      W I I I   # increase 44: 25 / 57 / 290
185 W4_W   W W W W   # increase 5,3 %: "4,5" read as 4,5 % (sign lost) / 5 % / 4,7 %
188 W20_W  I I I I   # increase 13 %: 14,6 / 17,7 / 20,9 %
191 W38_W  I I I I   # increase 0,4 %: 0,5 / 0,7 / 0,9 %
194 7      I I I I   # increase 150, target 375: 200 / 266 / 350
196 1      N N N N   # maintain 20 %: two values per cell (MOPS KIS over GUP), no single number to judge
197 2      U U U U   # increase 0, target 20: 0 each year
198 3      S S S S   # maintain 0,72 (band 0,036): 0,72 / 0,70 / 0,70
`;

const LETTERS: Record<string, Status> = {
  T: "target_met",
  I: "improved",
  U: "unchanged",
  W: "worsened",
  S: "stable",
  D: "deviated",
  N: "no_data",
  "?": "unknown_trend",
};

export interface ExpectedRow {
  /** 1-based sheet row. */
  row: number;
  label: string;
  statuses: Record<string, Status>;
}

export const ANNEX_2023_STATUSES: ExpectedRow[] = EXPECTED.split("\n")
  .map((line) => line.replace(/#.*/, "").trim())
  .filter((line) => line !== "")
  .map((line) => {
    const [row, label, a, b, c, latest] = line.split(/\s+/);
    const s = (x: string): Status => LETTERS[x]!;
    return { row: Number(row), label: label!, statuses: { 2021: s(a!), 2022: s(b!), 2023: s(c!), latest: s(latest!) } };
  });

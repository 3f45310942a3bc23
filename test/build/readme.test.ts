/** README.md's links go somewhere: every in-document anchor names a heading, every relative link an existing file. */
import { existsSync, readFileSync } from "fs";
import { join } from "path";

const root = join(__dirname, "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
// Code blocks hold no links, and their `#` lines are not headings.
const prose = readme.replace(/```[\s\S]*?```/g, "");

/** GitHub's anchor for a heading: lower case, punctuation dropped (letters of any script kept), spaces to hyphens. */
const slug = (heading: string): string =>
  heading
    .replace(/[`*_]|\[|\]\([^)]*\)/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\- ]/gu, "")
    .replace(/ /g, "-");

function anchors(): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of prose.matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = slug(heading!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

const links = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);

describe("README.md", () => {
  it("gives its headings the anchors GitHub does", () => {
    expect(slug("Wdrożenie (dla działu IT)")).toBe("wdrożenie-dla-działu-it");
    expect(slug("For developers")).toBe("for-developers");
    expect(anchors()).toContain("deployment-for-it");
  });

  it("links only to anchors it has", () => {
    const internal = links.filter((l) => l!.startsWith("#")).map((l) => decodeURIComponent(l!.slice(1)));
    expect(internal.length).toBeGreaterThan(0);
    const known = anchors();
    expect(internal.filter((a) => !known.has(a))).toEqual([]);
  });

  it("links only to files the repository has", () => {
    const files = links.filter((l) => !/^(#|[a-z]+:)/.test(l!)).map((l) => l!.split("#")[0]);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !existsSync(join(root, f!)))).toEqual([]);
  });
});

/** axe-core's WCAG 2.1 A and AA rules on a page, violations said in one readable line each. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Violations in the whole page, or only inside `scope` (the pane: the grid's thousands of cells make axe slow). */
export async function wcagViolations(page: Page, scope?: string): Promise<string[]> {
  const axe = new AxeBuilder({ page } as ConstructorParameters<typeof AxeBuilder>[0]).withTags(WCAG_21_AA);
  const results = await (scope ? axe.include(scope) : axe).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id} (${v.impact}): ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join("; ")}`,
    ),
  );
}

/** Does the page (or an element) scroll sideways? Reflow at 320 CSS px (WCAG 1.4.10) says it must not. */
export function scrollsSideways(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => el.scrollWidth > el.clientWidth + 1);
}

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { everyPage, shot, signInAs } from "./support";

// Every page, walked twice: at 1024 px in the light theme and at 1440 px in the dark one. Each walk
// checks the layout (nothing scrolls sideways or is cut off; overflow does not depend on the theme)
// and accessibility (axe-core, WCAG 2.1 A and AA: no violation rated serious or critical; contrast
// does not depend on the width), so both widths and both themes are covered in two walks.

/**
 * What does not fit: how far the page scrolls sideways, and elements that cut their content off
 * sideways (overflow hidden or clip, wider content, no ellipsis: a table losing its last column).
 */
const overflowOf = (page: Page) =>
  page.evaluate(() => {
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("aria-label") ? `[${el.getAttribute("aria-label")}]` : ""}: ${(el.textContent ?? "").trim().slice(0, 60)}`;
    const clipped: string[] = [];
    for (const el of document.querySelectorAll("main *")) {
      const style = getComputedStyle(el);
      if (!["hidden", "clip"].includes(style.overflowX) || style.textOverflow === "ellipsis" || el.clientWidth <= 1)
        continue;
      // A chart draws its own bounds; a form control's long value scrolls inside it by design.
      if (el.closest("svg, [data-slot=skeleton], .recharts-wrapper") || el.matches("input, textarea, select")) continue;
      if (el.scrollWidth > el.clientWidth + 2) clipped.push(name(el));
    }
    return { sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth, clipped };
  });

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
async function accessibilityProblems(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) — ${v.help} — on ${v.nodes.length} element(s): ${v.nodes
          .slice(0, 4)
          .map((n) => n.html.slice(0, 120))
          .join(" | ")}`,
    );
}

// Tables whose last column a user reported missing at 1024 px: it must be in view without scrolling.
const LAST_COLUMNS: Record<string, RegExp> = { "/audit": /^Change$/, "/reports": /Rev\. \/ recipient/ };

for (const [width, theme] of [
  [1024, "light"],
  [1440, "dark"],
] as const) {
  test(`every page fits a ${width} px window (nothing scrolls sideways or is cut off) and passes axe in the ${theme} theme`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: theme });
    await signInAs(page, "admin");
    const problems: string[] = [];
    const pages = await everyPage(page);
    // A budget per page, not per walk: a page loads and passes axe in 2–5 s on a busy CI machine, and
    // every new page must not eat into the others' time.
    test.setTimeout(pages.length * 10_000);
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible({ timeout: 30_000 });
      // Panels that load after the frame (readouts, charts) are part of the page.
      await page.waitForLoadState("networkidle");
      await shot(page, `layout-${width}-${theme}${path.replace(/[/?=,]+/g, "-").replace(/-$/, "") || "-home"}`);
      const { sideways, clipped } = await overflowOf(page);
      if (sideways > 0) problems.push(`${path}: scrolls ${sideways} px sideways`);
      const last = LAST_COLUMNS[path];
      if (last) {
        // Where it is without scrolling the table sideways (vertical position does not matter).
        const box = await page.getByRole("columnheader", { name: last }).first().boundingBox();
        if (!box || box.x + box.width > width) problems.push(`${path}: the ${last.source} column is out of view`);
      }
      for (const c of clipped) problems.push(`${path}: cut off — ${c}`);
      problems.push(...(await accessibilityProblems(page, path)));
    }
    expect(problems).toEqual([]);
  });
}

test("the sign-in page passes axe in both themes", async ({ page }) => {
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    expect(await accessibilityProblems(page, `/signin, ${theme}`)).toEqual([]);
  }
});

import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { shot, signInAs } from "./support";

function customersCsv(): Buffer {
  const lines = ["user_id,email,first_name,plan,orders_estimate,consent_email"];
  for (let i = 1; i <= 2000; i++)
    lines.push(`imp-${i},imported${i}@shop.example,Name${i},${i % 2 ? "gold" : "free"},${i % 40},${i % 2 === 0}`);
  lines[101] = ",nobody@shop.example,Nobody,free,1,true"; // row 102: no user id
  lines[1001] = "imp-1001,not-an-email,Bad,free,1,true"; // row 1002: bad e-mail
  lines[1501] = "imp-1501,imported1501@shop.example,Bad,gold,many,true"; // row 1502: not a number
  return Buffer.from(lines.join("\n"));
}

test("a marketer imports 2,000 profiles with three bad rows, gets the error report, and finds an imported customer", async ({
  page,
}) => {
  await signInAs(page, "marketer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profiles" }).click();
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import CSV" })).toBeVisible();

  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: customersCsv() });
  const mapping = page.getByRole("table", { name: "Column mapping" });
  await expect(mapping.getByRole("row")).toHaveCount(7);
  await expect(page.getByRole("combobox", { name: "Destination of user_id" })).toHaveText("User id");
  await expect(page.getByRole("combobox", { name: "Destination of email" })).toHaveText("email");
  await expect(page.getByRole("combobox", { name: "Type of orders_estimate" })).toHaveText("number");
  await expect(page.getByRole("combobox", { name: "Type of consent_email" })).toHaveText("boolean");
  await expect(page.getByRole("combobox", { name: "Destination of consent_email" })).toHaveText("Consent “email”");
  await shot(page, "import-mapping");

  await page.getByRole("button", { name: "Import 2,000 rows" }).click();
  const progress = page.getByRole("progressbar", { name: "Import progress" });
  await expect(progress).toBeVisible();
  await expect(page.getByText("Imported customers.csv")).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveAttribute("aria-valuetext", "100 %");
  const summary = page.getByRole("definition");
  await expect(summary).toHaveText(["1,997", "0", "3"]);
  await shot(page, "import-done");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download error report" }).click();
  const report = readFileSync(await (await downloading).path(), "utf8")
    .trim()
    .split("\n");
  expect(report).toEqual([
    "row,column,reason",
    "102,user_id,The user id is empty.",
    "1002,email,“not-an-email” is not an e-mail address.",
    "1502,orders_estimate,“many” is not a number.",
  ]);

  await page.getByRole("link", { name: "View profiles" }).click();
  await page.getByLabel("Search profiles").fill("imported1234@shop.example");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "imported1234@shop.example" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "imported1234@shop.example" })).toBeVisible();
  await expect(page.getByText("plan")).toBeVisible();
  await expect(page.getByRole("list", { name: "Event timeline" }).getByRole("listitem").first()).toContainText(
    "$identify",
  );
  await shot(page, "imported-profile");
});

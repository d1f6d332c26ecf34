import { expect, test, type Page } from "@playwright/test";
import { shot, signInAs } from "./support";

// Full-page captures leave the sandboxed (out-of-process) e-mail frame blank; an element shot shows it.
const emailShot = (page: Page, name: string) => page.getByRole("figure", { name: "E-mail preview" }).screenshot({ path: `test-results/screens/${name}.png` });

async function openPlayground(page: Page, channel: string) {
  await signInAs(page, "marketer");
  await page.goto("/templates/playground");
  await expect(page.getByRole("heading", { level: 1, name: "Template playground" })).toBeVisible();
  await page.getByRole("tablist", { name: "Channel" }).getByRole("tab", { name: channel, exact: true }).click();
}

test("a Russian SMS goes out as UCS-2 in two parts, with the Cyrillic characters marked", async ({ page }) => {
  await openPlayground(page, "SMS");
  await shot(page, "template-sms-gsm7");
  // 83 characters, none of them GSM-7 letters: UCS-2, over 70, so parts of 67: 67 + 16, 51 left.
  const text = "Здравствуйте! Ваш заказ отправлен и прибудет в четверг. Спасибо, что выбираете нас.";
  await page.getByLabel("Message", { exact: true }).fill(text);
  const length = page.getByRole("region", { name: "SMS length" });
  await expect(length).toContainText("UCS-2 · 83 characters");
  await expect(length).toContainText("2 parts · 67 per part · 51 left");
  const preview = page.getByRole("figure", { name: "SMS preview" });
  await expect(preview.locator("mark").first()).toHaveText(/[А-Яа-яЁё]/);
  await expect(preview.getByText("Спасибо", { exact: false })).toBeVisible();
  await shot(page, "template-sms-ucs2");
});

test("a push title past the iOS length is cut on the lock screen with a marker", async ({ page }) => {
  await openPlayground(page, "Mobile push");
  const title = "Last chance: your favourite waxed jacket is back in stock in every size, today only"; // 83 characters
  await page.getByLabel("Title", { exact: true }).fill(title);
  // iOS shows 50 characters of title (PUSH_SPEC), Android 65.
  const ios = page.getByRole("figure", { name: "iOS lock screen preview" });
  await expect(ios).toContainText("…cut here: 33 characters hidden");
  await expect(ios).toContainText(`${title.slice(0, 50)}…`);
  await expect(page.getByRole("figure", { name: "Android notification preview" })).toContainText("…cut here: 18 characters hidden");
  await expect(page.getByText("iOS shows 50 — 33 hidden")).toBeVisible();
  await shot(page, "template-push");
});

test("an e-mail built from blocks appears in the preview; blocks move with the keyboard", async ({ page }) => {
  await openPlayground(page, "E-mail");
  await shot(page, "template-email-sample");
  for (const block of ["heading", "text", "button", "footer"]) await page.getByRole("toolbar", { name: "Add a block" }).getByRole("button", { name: `Add ${block}` }).click();
  // The sample has six blocks; the new ones are 7 to 10.
  await page.getByRole("group", { name: "Block 7: Heading" }).getByLabel("Heading text").fill("Your winter wardrobe, sorted");
  await page.getByRole("group", { name: "Block 8: Text" }).getByLabel("Paragraph").fill("Three coats, two boots, one scarf: everything you need.");
  await page.getByRole("group", { name: "Block 9: Button" }).getByLabel("Button text").fill("See the winter edit");
  await page.getByRole("group", { name: "Block 9: Button" }).getByLabel("Button URL").fill("https://shop.example.com/winter");
  await page.getByRole("group", { name: "Block 10: Footer" }).getByLabel("Footer text").fill("You get this because you joined Tailor Shop.");

  const mail = page.frameLocator('iframe[title="E-mail body"]');
  await expect(mail.getByRole("heading", { name: "Your winter wardrobe, sorted" })).toBeVisible();
  await expect(mail.getByText("Three coats, two boots, one scarf")).toBeVisible();
  await expect(mail.getByRole("link", { name: "See the winter edit" })).toHaveAttribute("href", "https://shop.example.com/winter");
  await expect(mail.getByText("You get this because you joined Tailor Shop.")).toBeVisible();

  // Keyboard reordering: Move up puts the heading before the divider block.
  await page.getByRole("button", { name: "Move Heading block up" }).last().click();
  await expect(page.getByRole("group", { name: "Block 6: Heading" }).getByLabel("Heading text")).toHaveValue("Your winter wardrobe, sorted");
  await expect(page.getByText("Heading block moved to position 6 of 10.")).toBeAttached();
  await expect(page.getByRole("figure", { name: "E-mail preview" }).getByRole("group", { name: "Inbox row" })).toContainText("your autumn picks are here");
  await shot(page, "template-email-blocks");
  await emailShot(page, "template-email-blocks-preview");
  await page.getByRole("tab", { name: "Mobile (375 px)" }).click();
  await emailShot(page, "template-email-mobile-preview");
});

test("hostile e-mail HTML runs nothing: the preview is a sandboxed iframe with its own CSP", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openPlayground(page, "E-mail");
  await page.getByRole("button", { name: "Switch to MJML" }).click();
  await page.getByLabel("MJML", { exact: true }).fill(
    `<mjml><mj-body><mj-text>Hello<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">Claim your prize</a></mj-text></mj-body></mjml>`,
  );
  const iframe = page.locator('iframe[title="E-mail body"]');
  await expect(iframe).toHaveAttribute("sandbox", "");
  await expect(iframe).toHaveAttribute("srcdoc", /^<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; font-src https: data:">/);
  const mail = page.frameLocator('iframe[title="E-mail body"]');
  await mail.getByText("Claim your prize").click();
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  const sandbox = await iframe.getAttribute("sandbox");
  expect(sandbox).not.toContain("allow-scripts");
  expect(sandbox).not.toContain("allow-same-origin");
  await shot(page, "template-email-hostile");
  await emailShot(page, "template-email-hostile-preview");
});

test("every channel's preview renders (screenshots)", async ({ page }) => {
  await openPlayground(page, "Web push");
  await expect(page.getByRole("figure", { name: "Web push preview, Chrome on macOS" })).toContainText("Price drop on your wishlist");
  await shot(page, "template-web-push-macos");
  await page.getByRole("tab", { name: "Windows" }).click();
  await expect(page.getByRole("figure", { name: "Web push preview, Chrome on Windows" })).toContainText("View wishlist");
  await shot(page, "template-web-push-windows");

  await page.getByRole("tablist", { name: "Channel" }).getByRole("tab", { name: "In-app" }).click();
  await expect(page.getByRole("figure", { name: "In-app modal preview" })).toContainText("Free shipping this weekend");
  await shot(page, "template-in-app-modal");
  for (const layout of ["banner", "card"]) {
    await page.getByLabel("Layout").selectOption(layout);
    await expect(page.getByRole("figure", { name: `In-app ${layout} preview` })).toContainText("Shop now");
    await shot(page, `template-in-app-${layout}`);
  }

  await page.getByRole("tablist", { name: "Channel" }).getByRole("tab", { name: "Messenger" }).click();
  await expect(page.getByRole("figure", { name: "Messenger preview" }).getByRole("group", { name: "Inline keyboard" })).toContainText("Track parcel");
  await shot(page, "template-messenger");

  await page.getByRole("tablist", { name: "Channel" }).getByRole("tab", { name: "Webhook" }).click();
  const webhook = page.getByRole("figure", { name: "Webhook request preview" });
  await expect(webhook).toContainText('"type": "order.shipped"');
  await page.getByLabel("JSON payload").fill('{\n  "type": "order.shipped",\n  "email": "x"\n  "tier": "gold"\n}');
  await expect(webhook).toContainText("Not valid JSON at line 4, column 3");
  await shot(page, "template-webhook-invalid");

  // A locale: added by its tag, shown in the completeness matrix as inheriting.
  await page.getByRole("tablist", { name: "Channel" }).getByRole("tab", { name: "SMS" }).click();
  await page.getByLabel("New locale tag").fill("de_at");
  await page.getByRole("button", { name: "Add locale" }).click();
  await expect(page.getByText("Write it as de-AT.")).toBeVisible();
  await page.getByLabel("New locale tag").fill("de-AT");
  await page.getByRole("button", { name: "Add locale" }).click();
  await expect(page.getByRole("table", { name: "Locale completeness" }).getByRole("row", { name: /de-AT/ })).toContainText("From default");
  await shot(page, "template-locales");
});

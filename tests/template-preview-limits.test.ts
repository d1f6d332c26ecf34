import { beforeAll, describe, expect, it } from "vitest";
import * as preview from "@/app/api/templates/preview/route";
import { request } from "./support/fixtures";
import { createTemplateWorld, json, sms, type TemplateWorld } from "./support/template-fixtures";

// Each render of this body stops at Liquid's 1 s render limit; a preview renders it once per
// locale to lint and once more for the recipient, so three locales take about four seconds.
const HEAVY = "{% for a in (1..10000) %}{% for b in (1..10000) %}{% endfor %}{% endfor %} STOP to end";
const heavy = sms(HEAVY, { de: { body: HEAVY }, fr: { body: HEAVY } });

let w: TemplateWorld;
beforeAll(async () => {
  w = await createTemplateWorld();
});

const post = async (role: "admin" | "marketer" | "analyst", body: object) =>
  preview.POST(await request("/api/templates/preview", { method: "POST", actor: w.actors[role], body }));

/** The longest pause of this thread's event loop while `work` runs: what every other request would wait. */
async function longestPause<T>(work: () => Promise<T>): Promise<{ result: T; pauseMs: number }> {
  let last = performance.now();
  let pauseMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    pauseMs = Math.max(pauseMs, now - last);
    last = now;
  }, 10);
  try {
    return { result: await work(), pauseMs };
  } finally {
    clearInterval(ticker);
  }
}

describe("template previews are bounded", () => {
  it(
    "render heavy templates off the serving thread, stop them at the time budget, and let a user run four at a time",
    { timeout: 60_000 },
    async () => {
      const started = performance.now();
      const { result, pauseMs } = await longestPause(() =>
        Promise.all(Array.from({ length: 5 }, () => post("admin", { content: heavy }))),
      );
      const answers = await Promise.all(result.map(json));
      // The fifth at once from the same user is refused straight away; the others run out their budget.
      expect(answers.map((a) => a.status).sort()).toEqual([422, 422, 422, 422, 429]);
      const slow = answers.find((a) => a.status === 422)!;
      expect(slow.body).toMatchObject({ error: { code: "preview_too_slow", field: "content" } });
      expect(answers.find((a) => a.status === 429)!.body).toMatchObject({ error: { code: "too_many_requests" } });
      // Before: the serving thread rendered them itself, blocked for seconds at a time.
      expect(pauseMs).toBeLessThan(500);
      // Unbounded, these renders would run for minutes; the bound leaves room for a loaded 2-core machine
      // (20 s was exceeded once beside two production builds).
      expect(performance.now() - started).toBeLessThan(45_000);
      // The pool is free again: an ordinary preview renders.
      const ok = await json(
        await post("marketer", { content: sms('Hi {{ profile.first_name | default: "there" }}. STOP to end') }),
      );
      expect(ok.status).toBe(200);
      expect(ok.body.preview.rendered.body).toMatch(/^Hi /);
    },
  );

  it("renders content typed into the request for the roles that edit templates only", async () => {
    const refused = await json(await post("analyst", { content: sms("Hi. STOP to end") }));
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "forbidden", field: "content" } } });
    const withTrigger = await json(
      await post("analyst", { content: sms("Hi. STOP to end"), triggerEvent: "purchase" }),
    );
    expect(withTrigger.status).toBe(403);
  });
});

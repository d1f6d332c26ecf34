import { beforeAll, describe, expect, it } from "vitest";
import { signToken, verifyToken, unsubscribeUrl } from "./token";
import { LINKS_KEY, storedLinks, trackLinks } from "./track-links";

const BASE = "https://t.example.com";
const ref = { workspaceId: "cmiws0000000000000000000a", messageId: "cmimsg000000000000000000b" };

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "test-secret-for-vitest-only";
});

/** The link index a tracked /r URL carries. */
const linkOf = (url: string) => {
  const match = /^https:\/\/t\.example\.com\/r\/([A-Za-z0-9_-]+)$/.exec(url);
  expect(match, url).not.toBeNull();
  const token = verifyToken(match![1]!, "click");
  expect(token).toMatchObject(ref);
  return token!.link;
};

describe("tokens", () => {
  it("round-trip every kind, and a token of one kind is refused as another", () => {
    const click = signToken({ kind: "click", link: 300, ...ref });
    expect(verifyToken(click, "click")).toEqual({ kind: "click", link: 300, ...ref });
    expect(verifyToken(click, "open")).toBeNull();
    const open = signToken({ kind: "open", ...ref });
    expect(verifyToken(open, "open")).toEqual({ kind: "open", ...ref });
    expect(verifyToken(open, "unsubscribe")).toBeNull();
  });

  it("is compact: a click token for two cuids is at most 80 characters", () => {
    expect(signToken({ kind: "click", link: 3, ...ref }).length).toBeLessThanOrEqual(80);
  });

  it("carries ids that are not cuids too (UTF-8), and cuids with leading zeros", () => {
    const odd = { workspaceId: "Workspace_1", messageId: "00abc" };
    expect(verifyToken(signToken({ kind: "unsubscribe", ...odd }), "unsubscribe")).toEqual({
      kind: "unsubscribe",
      ...odd,
    });
  });

  it("refuses every single-character change, truncation and extension", () => {
    const token = signToken({ kind: "click", link: 1, ...ref });
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let i = 0; i < token.length; i++) {
      const other = alphabet[(alphabet.indexOf(token[i]!) + 1) % alphabet.length]!;
      expect(verifyToken(token.slice(0, i) + other + token.slice(i + 1), "click"), `position ${i}`).toBeNull();
    }
    expect(verifyToken(token.slice(0, -1), "click")).toBeNull();
    expect(verifyToken(token + "A", "click")).toBeNull();
    expect(verifyToken("", "click")).toBeNull();
    expect(verifyToken("not a token!", "click")).toBeNull();
  });

  it("a token signed with another app key is refused", () => {
    const token = signToken({ kind: "open", ...ref });
    const saved = process.env.TAILOR_APP_KEY;
    process.env.TAILOR_APP_KEY = "another-deployment";
    try {
      expect(verifyToken(token, "open")).toBeNull();
    } finally {
      if (saved === undefined) delete process.env.TAILOR_APP_KEY;
      else process.env.TAILOR_APP_KEY = saved;
    }
  });
});

describe("trackLinks", () => {
  it("rewrites e-mail hrefs and text URLs, keeps the unsubscribe link and non-http links, and adds the open pixel", () => {
    const unsubscribe = unsubscribeUrl(ref, BASE);
    const html = `<html><body><a href="https://shop.example/sale?a=1&amp;b=2">Sale</a> <a class="x" href='https://shop.example/new'>New</a>
      <a href="mailto:help@shop.example">Mail</a> <img src="https://cdn.example/logo.png"> <a href="${unsubscribe}">Unsubscribe</a>
      <a href="https://shop.example/sale?a=1&amp;b=2">Sale again</a></body></html>`;
    const text = `Sale: https://shop.example/sale?a=1&b=2. New (https://shop.example/new), unsubscribe: ${unsubscribe}`;
    const { rendered, links, stored } = trackLinks({ subject: "Hi", html, text }, "email", ref, BASE);
    expect(links).toEqual(["https://shop.example/sale?a=1&b=2", "https://shop.example/new"]);
    const out = rendered.html as string;
    const hrefs = [...out.matchAll(/href=["']([^"']+)["']/g)].map((m) => m[1]!);
    expect(hrefs.filter((h) => h.includes("/r/")).map(linkOf)).toEqual([0, 1, 0]);
    expect(hrefs).toContain("mailto:help@shop.example");
    expect(hrefs).toContain(unsubscribe);
    expect(out).toContain('src="https://cdn.example/logo.png"');
    const pixel = /<img src="https:\/\/t\.example\.com\/o\/([A-Za-z0-9_-]+)"[^>]*\/><\/body>/.exec(out);
    expect(pixel && verifyToken(pixel[1]!, "open")).toMatchObject(ref);
    const t = rendered.text as string;
    expect(t).not.toContain("shop.example");
    expect(t).toMatch(
      /^Sale: https:\/\/t\.example\.com\/r\/[\w-]+\. New \(https:\/\/t\.example\.com\/r\/[\w-]+\), unsubscribe: /,
    );
    expect(t.endsWith(unsubscribe)).toBe(true);
    expect(rendered.subject).toBe("Hi");
    expect(storedLinks(stored)).toEqual(links);
    expect(LINKS_KEY in rendered).toBe(false);
    expect(stored).toEqual({ ...rendered, [LINKS_KEY]: links });
  });

  it("rewrites each channel's link fields and nothing else", () => {
    const push = trackLinks(
      {
        title: "T",
        body: "See https://a.example/x",
        url: "https://a.example/deal",
        imageUrl: "https://cdn.example/i.png",
      },
      "push",
      ref,
      BASE,
    );
    expect(push.links).toEqual(["https://a.example/deal"]);
    expect(linkOf(push.rendered.url as string)).toBe(0);
    expect(push.rendered.body).toBe("See https://a.example/x");
    expect(push.rendered.imageUrl).toBe("https://cdn.example/i.png");

    const deepLink = trackLinks({ title: "T", body: "B", url: "myapp://cart" }, "push", ref, BASE);
    expect(deepLink.rendered.url).toBe("myapp://cart");
    expect(deepLink.links).toEqual([]);
    expect(storedLinks(deepLink.stored)).toEqual([]);

    const web = trackLinks(
      {
        title: "T",
        body: "B",
        url: "https://a.example/1",
        actions: [
          { label: "Buy", url: "https://a.example/2" },
          { label: "Later", url: "https://a.example/1" },
        ],
      },
      "web_push",
      ref,
      BASE,
    );
    expect(web.links).toEqual(["https://a.example/1", "https://a.example/2"]);
    expect((web.rendered.actions as { url: string }[]).map((a) => linkOf(a.url))).toEqual([1, 0]);

    const sms = trackLinks({ body: "50% off today: https://a.example/sms! Reply STOP to opt out" }, "sms", ref, BASE);
    expect(sms.links).toEqual(["https://a.example/sms"]);
    expect(sms.rendered.body).toMatch(/^50% off today: https:\/\/t\.example\.com\/r\/[\w-]+! Reply STOP to opt out$/);

    const inApp = trackLinks(
      { layout: "modal", title: "T", buttons: [{ label: "Go", url: "https://a.example/app" }] },
      "in_app",
      ref,
      BASE,
    );
    expect(linkOf((inApp.rendered.buttons as { url: string }[])[0]!.url)).toBe(0);

    const messenger = trackLinks(
      { text: "Hi", buttons: [{ label: "Open", url: "http://a.example/m" }] },
      "messenger",
      ref,
      BASE,
    );
    expect(messenger.links).toEqual(["http://a.example/m"]);

    const hook = trackLinks({ url: "https://hooks.example/in", payload: "{}" }, "webhook", ref, BASE);
    expect(hook.rendered).toEqual({ url: "https://hooks.example/in", payload: "{}" });
  });

  it("leaves fields that failed to render (null) alone", () => {
    const { rendered } = trackLinks({ subject: null, html: null, text: null }, "email", ref, BASE);
    expect(rendered).toEqual({ subject: null, html: null, text: null });
  });
});

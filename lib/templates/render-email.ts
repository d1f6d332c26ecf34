import mjml2html from "mjml";

export type EmailHtml = { html: string; errors: { message: string; line: number }[] };

/**
 * MJML → HTML with mjml 5 (asynchronous). Includes stay off (no file reads), no web fonts are
 * linked (a font request tells the sender's font host who opened the mail), and validation is
 * soft: invalid MJML still renders and its problems come back for the linter. Liquid passes
 * through untouched, so a version is compiled once and rendered per recipient.
 */
export async function renderEmail(mjml: string): Promise<EmailHtml> {
  const result = await mjml2html(mjml, {
    validationLevel: "soft",
    ignoreIncludes: true,
    fonts: {},
    keepComments: false,
  });
  return { html: result.html, errors: result.errors.map((e) => ({ message: e.message, line: e.line })) };
}

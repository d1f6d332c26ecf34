/**
 * Where to go after signing in: `callbackUrl` when the URL parser, resolving it against the app's
 * origin, lands on that same origin — else "/". Prefix checks are not enough: browsers read `/\host`
 * as `//host`, and `/.//host` normalises to `//host`. The answer is a path that cannot leave the site.
 */
export function callbackPath(callbackUrl: string | undefined, origin: string): string {
  if (!callbackUrl) return "/";
  let url: URL;
  try {
    url = new URL(callbackUrl, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin || url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

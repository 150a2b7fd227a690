/**
 * The one rule for a narrative link's address, shared by the check (which refuses) and the
 * renderer (which prints the address it checked). Allowed: https:, http:, mailto:, and addresses
 * without a scheme (a path, `//host/…`, `?query`, `#fragment`). Everything else (javascript:,
 * data:, vbscript:, file:, tel:, …) is refused.
 */
export const LINK_PROTOCOLS = ['https', 'http', 'mailto'];

type UrlVerdict = { ok: true; url: string } | { ok: false; scheme: string };

/**
 * The address as a browser reads an href: C0 controls and spaces at either end dropped, tabs
 * and newlines anywhere removed (WHATWG URL parser). Markdown has already decoded character
 * references (`java&#x73;cript:` arrives as `javascript:`).
 */
const normalise = (raw: string) =>
  // eslint-disable-next-line no-control-regex
  raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');

/**
 * A colon before any `/`, `?` or `#` starts a scheme: the same test hast-util-sanitize applies,
 * so an address this accepts is never stripped later. The scheme is compared and printed in
 * lower case (`HTTPS:` → `https:`).
 */
export function checkUrl(raw: string): UrlVerdict {
  const url = normalise(raw);
  const colon = url.indexOf(':');
  const end = url.search(/[/?#]/);
  if (colon < 0 || (end >= 0 && end < colon)) return { ok: true, url };
  const scheme = url.slice(0, colon).toLowerCase();
  if (LINK_PROTOCOLS.includes(scheme)) return { ok: true, url: scheme + url.slice(colon) };
  return { ok: false, scheme: url.slice(0, colon) };
}

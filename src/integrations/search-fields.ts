/**
 * The last guard before Pagefind reads a built page: every data-pagefind-filter / -meta /
 * -default-meta / -sort value (the attribute after its first `:`, or else the element's text)
 * must hold no `&` (so no entity Pagefind would decode into `<`, `>`, `"`, `'` or `&`), no
 * child element and no control character. The pages pass such values through searchLabel
 * (src/lib/search-meta.ts), which explains why: the Pagefind UI prints filters as HTML.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const FIELD = /<([a-zA-Z][\w-]*)\b[^>]*?\sdata-pagefind-(filter|meta|default-meta|sort)="([^"]*)"[^>]*>/g;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[&<\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** What is wrong with one page's search fields, one Chinese line each. */
function pageProblems(html: string): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(FIELD)) {
    const [tag, name, kind, attr] = m;
    const colon = attr.indexOf(':');
    let value = colon >= 0 ? attr.slice(colon + 1) : '';
    if (colon < 0) {
      const after = html.slice(m.index + tag.length);
      const end = after.indexOf('<');
      value = after.slice(0, end);
      if (!after.startsWith(`</${name}>`, end)) value += '<';
    }
    if (UNSAFE.test(value) || UNSAFE.test(attr))
      problems.push(
        `data-pagefind-${kind}="${attr.slice(0, 40)}" 的值含有 &、子元素或控制字符：${JSON.stringify(value.slice(0, 80))}`,
      );
  }
  return problems;
}

/** Every problem in the built site's pages, as "path: problem". */
export function searchFieldProblems(site: string): string[] {
  return readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
    .sort()
    .flatMap((f) =>
      pageProblems(readFileSync(join(site, f), 'utf8')).map((p) => `${relative('.', join(site, f))}：${p}`),
    );
}

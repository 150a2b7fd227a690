/** The rules of rules.ts as /about/ and the README list them: grouped by the prefix of their ids. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import { RULES } from './rules.ts';

const GROUPS = [
  { name: '决算表', prefixes: ['fa.'] },
  { name: '绩效自评', prefixes: ['pe.', 'bd.'] },
  { name: '正文', prefixes: ['prose.'] },
  { name: '确认', prefixes: ['ack.'] },
];

const SEVERITY = { error: '错误', rounding: '错误；尾数误差以内为提示' } as const;

interface RuleRow {
  id: string;
  what: string;
  severity: string;
  /** Link from the repository root, e.g. docs/domain.md#五表内与表间的勾稽关系. */
  href: string;
  /** The doc and section it links to, e.g. 业务说明 五、表内与表间的勾稽关系. */
  basis: string;
}

const docs = new Map<string, { title: string; sections: Map<string, string> }>();

/** A doc's short title (its h1 before "：") and its headings by the anchor GitHub gives them. */
function doc(path: string) {
  let d = docs.get(path);
  if (!d) {
    const root = unified()
      .use(remarkParse)
      .parse(readFileSync(resolve(process.cwd(), path), 'utf8'));
    const slugger = new GithubSlugger();
    const headings = root.children.flatMap((n) => (n.type === 'heading' ? [toString(n)] : []));
    d = {
      title: headings[0].split('：')[0],
      sections: new Map(headings.map((text) => [slugger.slug(text), text])),
    };
    docs.set(path, d);
  }
  return d;
}

/** "docs/domain.md#五表内与表间的勾稽关系" → "业务说明 五、表内与表间的勾稽关系"; a broken link throws. */
function basis(ref: string): string {
  const [path, anchor] = ref.split('#');
  const d = doc(path);
  const section = d.sections.get(anchor);
  if (!section) throw new Error(`${ref}: ${path} has no heading with that anchor`);
  return `${d.title} ${section}`;
}

export function ruleGroups(): { name: string; rules: RuleRow[] }[] {
  const unlisted = RULES.filter((r) => !GROUPS.some((g) => g.prefixes.some((p) => r.id.startsWith(p))));
  if (unlisted.length) throw new Error(`no group for ${unlisted.map((r) => r.id).join(', ')}`);
  return GROUPS.map((g) => ({
    name: g.name,
    rules: RULES.filter((r) => g.prefixes.some((p) => r.id.startsWith(p))).map((r) => ({
      id: r.id,
      what: r.what,
      severity: SEVERITY[r.severity],
      href: r.ref,
      basis: basis(r.ref),
    })),
  }));
}

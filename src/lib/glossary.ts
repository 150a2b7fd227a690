import GithubSlugger from 'github-slugger';
import type { Report } from './content/load.ts';
import type { GlossaryEntry } from './content/schema/final-accounts.ts';
import { bareName } from './fiscal/names.ts';

/** The site glossary: every 名词解释 entry, first publication of each term wins, with its source. */
export interface Term extends GlossaryEntry {
  id: string;
  source: Report;
}

const key = (term: string) => term.replace(/[“”"]/g, '');

export function glossary(reports: readonly Report[]): Term[] {
  const slugger = new GithubSlugger();
  const seen = new Set<string>();
  const out: Term[] = [];
  for (const r of reports) {
    if (r.data.kind !== '部门决算') continue;
    for (const e of r.data.glossary ?? []) {
      if (seen.has(key(e.term))) continue;
      seen.add(key(e.term));
      out.push({ ...e, id: `g-${slugger.slug(key(e.term))}`, source: r });
    }
  }
  return out;
}

/** Term for a table cell's text ("八、其他收入" → 其他收入), if the glossary explains it. */
export function termLookup(terms: readonly Term[]) {
  const byName = new Map(terms.map((t) => [key(t.term), t]));
  return (text: string) => byName.get(key(bareName(text)));
}

import * as prettier from 'prettier';
import { ruleGroups } from '../../src/lib/checks/rule-docs.ts';

/** The README's rule table, generated from src/lib/checks/rules.ts between these markers. */
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The table as Prettier formats README.md, so that `npm run lint` leaves it as written. */
async function table(): Promise<string> {
  const rows = ruleGroups().flatMap((g) =>
    g.rules.map((r) => `| \`${r.id}\` | ${cell(r.what)} | ${r.severity} | [${r.basis}](${r.href}) |`),
  );
  const markdown = ['| rule | what it checks | reported as | rests on |', '| - | - | - | - |', ...rows].join(
    '\n',
  );
  const options = await prettier.resolveConfig('README.md');
  return prettier.format(markdown, { ...options, filepath: 'README.md' });
}

/** The README's rule table as written, and as rules.ts gives it. */
export async function readmeRules(readme: string) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md: no ${START} … ${END} block`);
  const written = readme.slice(start + START.length, end);
  const generated = `\n\n${await table()}\n`;
  return {
    written,
    generated,
    updated: readme.slice(0, start + START.length) + generated + readme.slice(end),
  };
}

import type { Report } from '../content/load.ts';
import { locateStatements } from '../stated-figures.ts';
import type { Findings } from './findings.ts';

const RULE = 'prose.stated-figure';

/**
 * Each figure of `statedFigures`: its quote must be in the narrative as printed, and its value a
 * whole number of the quote. Nothing else is claimed (the quote's other numbers are not read).
 */
export function checkStatedFigures(r: Report, f: Findings) {
  for (const s of locateStatements(r)) {
    const { measure, value, quote } = s.figure;
    const path = ['statedFigures', s.index];
    const line = r.locate ? `（statedFigures 第 ${s.index + 1} 项，第 ${r.locate(path).line} 行）` : '';
    const base = { rule: RULE, severity: 'error' as const, subject: `正文.${measure}=${value}` };
    if (!s.block)
      f.add({
        ...base,
        message: `${measure} ${value}${line}：引文在正文中找不到。引文：“${quote}”；请从正文原样复制（空白与换行不计）`,
        expected: quote,
        actual: '（正文中没有）',
        refs: [{ path: [...path, 'quote'] }, { path }],
      });
    else if (!s.inQuote)
      f.add({
        ...base,
        message: `${measure} ${value}${line}：引文中没有 ${value} 这个数（不算更长数字的一部分）。引文：“${quote}”`,
        expected: value,
        actual: quote,
        refs: [{ path: [...path, 'value'] }, { path }],
      });
  }
}

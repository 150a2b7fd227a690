import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import Big from 'big.js';
import { isAmount, precisionOf, toBig } from '../fiscal/numbers.ts';
import { percentAt } from '../fiscal/arithmetic.ts';
import type { Finding, Fig } from './findings.ts';
import type { ProseFigure } from './prose-figures.ts';

/**
 * Compares what the narrative states with the data: an amount ("…万元") after a known label is
 * the label's figure as budget, actual or last year's, by the qualifier before it (预算/决算/实际/
 * 上年, else as the previous amount of the sentence, else actual); a change (增加/减少/增长…) is
 * not a figure. "占X%" after an amount is its share of the label's base; "完成…预算的X%" is
 * actual ÷ budget of the sentence.
 */

type Qualifier = 'budget' | 'actual' | 'previous';
const AMOUNT = /(\d+(?:\.\d+)?)\s*万\s*元/g;
const CHANGE = /(增加|减少|增长|下降|上升|降低|节约|追加|调整|扣减|结转|相比|超支|多支|少支)/;
const QUALIFIER = /(上年|预算|决算|实际)/g;
const SHARE = /^\s*[，,]?\s*占(?:[^，。；\d%]{0,10}的)?(\d+(?:\.\d+)?)%/;
/** Fund and unit names that contain 预算 without being a budget figure. */
const NOT_QUALIFIERS = /(一般公共预算|政府性基金预算|国有资本经营预算|预算单位|预算部门|部门预算)/g;
const COMPLETION = /完成(?:年初)?预算的?(\d+(?:\.\d+)?)%/g;

interface Position {
  line: number;
  col: number;
}

/** Line and column of character `i` of a text node (soft line breaks included). */
function positionIn(node: Text, i: number): Position {
  const start = node.position!.start;
  const before = node.value.slice(0, i);
  const nl = before.lastIndexOf('\n');
  return nl < 0
    ? { line: start.line, col: start.column + i }
    : { line: start.line + before.split('\n').length - 1, col: i - nl };
}

function qualifierOf(leadIn: string): Qualifier | null {
  const words = [...leadIn.replace(NOT_QUALIFIERS, '').matchAll(QUALIFIER)].map((m) => m[1]);
  const last = words.at(-1);
  if (!last) return null;
  return last === '上年' ? 'previous' : last === '预算' ? 'budget' : 'actual';
}

const QUALIFIER_NAMES: Record<Qualifier, string> = { budget: '预算数', actual: '决算数', previous: '上年数' };

export function checkProse(narrative: Root, figures: ProseFigure[]): Finding[] {
  const findings: Finding[] = [];
  const labels = figures
    .flatMap((f) => f.labels.map((label) => ({ label, figure: f })))
    .sort((a, b) => b.label.length - a.label.length);
  const add = (
    rule: string,
    subject: string,
    message: string,
    at: Position,
    expected: string,
    actual: string,
    refs: Fig[],
  ) =>
    findings.push({
      rule,
      severity: 'error',
      subject,
      message,
      expected,
      actual,
      narrative: [at],
      refs: refs.map((r) => (r.source ? { path: r.path, source: r.source } : { path: r.path })),
    });

  visit(narrative, 'text', (node: Text) => {
    const text = node.value;
    for (const sentence of text.matchAll(/[^。；;！？\n]+/g)) {
      const s = sentence[0];
      const offset = sentence.index!;
      // Label occurrences, longest first, without overlaps.
      const found: { at: number; end: number; figure: ProseFigure; label: string }[] = [];
      for (let i = 0; i < s.length;) {
        const hit = labels.find((l) => s.startsWith(l.label, i));
        if (hit) {
          found.push({ at: i, end: i + hit.label.length, figure: hit.figure, label: hit.label });
          i += hit.label.length;
        } else i++;
      }
      let qualifier: Qualifier | null = null;
      let budget: { value: string; i: number } | null = null;
      let actual: { value: string; i: number } | null = null;
      let last = 0;
      for (const m of s.matchAll(AMOUNT)) {
        const i = m.index!;
        const leadIn = s.slice(last, i);
        last = i + m[0].length;
        if (CHANGE.test(leadIn)) continue;
        qualifier = qualifierOf(leadIn) ?? qualifier ?? 'actual';
        if (qualifier === 'budget') budget = { value: m[1], i };
        if (qualifier === 'actual') actual = { value: m[1], i };
        const owner = found.filter((l) => l.end <= i).at(-1);
        // The amount belongs to the nearest label before it, unless another amount came between.
        if (!owner || [...s.slice(owner.end, i).matchAll(AMOUNT)].length) continue;
        const fig = owner.figure[qualifier];
        const at = positionIn(node, offset + i);
        if (fig && isAmount(fig.text)) {
          const stated = toBig(m[1]);
          const data = toBig(fig.text).round(precisionOf(m[1]), Big.roundHalfUp);
          if (!stated.eq(data))
            add(
              'prose.amount',
              `正文.${owner.label}.${QUALIFIER_NAMES[qualifier]}=${m[1]}`,
              `正文写“${owner.label}”${QUALIFIER_NAMES[qualifier]} ${m[1]} 万元，${fig.label} 为 ${fig.text}，相差 ${stated.minus(toBig(fig.text)).toFixed(2)}`,
              at,
              fig.text,
              m[1],
              [fig],
            );
        }
        const share = SHARE.exec(s.slice(last));
        const base = owner.figure.shareOf;
        if (share && base && isAmount(base.text)) {
          const expected = percentAt(toBig(m[1]), toBig(base.text), `${share[1]}%`);
          if (expected && !expected.eq(toBig(share[1])))
            add(
              'prose.share',
              `正文.${owner.label}.占比=${share[1]}%`,
              `正文写“${owner.label}” ${m[1]} 万元占 ${share[1]}%，按 ${m[1]} ÷ ${base.label} ${base.text} 应为 ${expected.toFixed(precisionOf(share[1]))}%`,
              positionIn(node, offset + last + share.index! + share[0].indexOf(share[1])),
              `${expected.toFixed(precisionOf(share[1]))}%`,
              `${share[1]}%`,
              [base],
            );
        }
      }
      for (const c of s.matchAll(COMPLETION)) {
        if (!budget || !actual || budget.i > c.index! || actual.i > c.index!) continue;
        const expected = percentAt(toBig(actual.value), toBig(budget.value), `${c[1]}%`);
        if (expected && !expected.eq(toBig(c[1])))
          add(
            'prose.completion',
            `正文.完成预算=${c[1]}%`,
            `正文写完成预算的 ${c[1]}%，按决算 ${actual.value} ÷ 预算 ${budget.value} 应为 ${expected.toFixed(precisionOf(c[1]))}%`,
            positionIn(node, offset + c.index! + c[0].indexOf(c[1])),
            `${expected.toFixed(precisionOf(c[1]))}%`,
            `${c[1]}%`,
            [],
          );
      }
    }
  });
  return findings;
}

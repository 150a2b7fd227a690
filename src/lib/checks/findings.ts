import type Big from 'big.js';
import { agreement, amounts, decimalsOf, show, sum, tolerance } from '../fiscal/arithmetic.ts';
import { isAmount, precisionOf, toBig } from '../fiscal/numbers.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { Fig, Path } from '../fiscal/figure.ts';

// Where the prose checks take it from.

/** A YAML node involved in a finding. */
interface Ref {
  path: Path;
  source?: string;
}

const ref = (f: Fig): Ref => (f.source ? { path: f.path, source: f.source } : { path: f.path });

/** What a rule reports: a Diagnostic before it is placed, with the YAML nodes it concerns. */
export interface Finding extends Pick<
  Diagnostic,
  'rule' | 'severity' | 'subject' | 'message' | 'expected' | 'actual'
> {
  /** YAML nodes involved; the first is where the finding is reported (after any narrative position). */
  refs: Ref[];
  /** Positions in the narrative (prose findings). */
  narrative?: { line: number; col: number }[];
}

/** Collects findings; rules call its helpers. */
export class Findings {
  readonly list: Finding[] = [];

  add(f: Finding) {
    this.list.push(f);
  }

  /**
   * total = Σ parts, within rounding. Skipped when the total is not a published amount or no
   * part is; a difference within tolerance is a rounding note, anything larger an error.
   */
  sum(rule: string, subject: string, total: Fig, parts: Fig[], what: string, opts: { exact?: boolean } = {}) {
    if (!isAmount(total.text)) return;
    const published = amounts(parts.map((p) => p.text));
    if (!published.length) return;
    this.compare(
      rule,
      subject,
      total,
      sum(published),
      [total.text, ...published],
      what,
      [total, ...parts],
      opts,
    );
  }

  /**
   * One figure against a value computed from others (cross-table identities). `exact` is for
   * figures that are not rounded (分值, 得分): there any difference is an error.
   */
  compare(
    rule: string,
    subject: string,
    fig: Fig,
    expected: Big,
    figures: string[],
    what: string,
    involved: Fig[],
    opts: { exact?: boolean } = {},
  ) {
    if (!isAmount(fig.text)) return;
    const agreed = agreement(fig.text, expected, figures);
    const status = opts.exact && agreed.status === 'rounding' ? 'mismatch' : agreed.status;
    const difference = agreed.difference;
    if (status === 'equal') return;
    const decimals = Math.max(...figures.map(precisionOf));
    const base = `${fig.label} 为 ${fig.text}，${what} 为 ${show(expected, decimals)}，相差 ${show(difference, decimals)}`;
    this.add({
      rule,
      severity: status === 'rounding' ? 'note' : 'error',
      subject,
      message:
        status === 'rounding'
          ? `${base}，在尾数误差范围内（≤ ${show(tolerance(figures), decimalsOf(figures))}）`
          : base,
      expected: show(expected, decimals),
      actual: fig.text,
      refs: involved.filter((f) => f.text !== null).map(ref),
    });
  }

  /** part ≤ whole, within rounding ("其中" rows, 得分 ≤ 分值). */
  atMost(rule: string, subject: string, parts: Fig[], whole: Fig, what: string) {
    const published = amounts(parts.map((p) => p.text));
    if (!isAmount(whole.text) || !published.length) return;
    const total = sum(published);
    const excess = total.minus(toBig(whole.text));
    const figures = [whole.text, ...published];
    if (excess.lte(published.length > 1 ? tolerance(figures) : 0)) return;
    const decimals = decimalsOf(figures);
    this.add({
      rule,
      severity: 'error',
      subject,
      message: `${what} ${show(total, decimals)} 超过 ${whole.label} ${whole.text}，超出 ${show(excess, decimals)}`,
      expected: `≤ ${whole.text}`,
      actual: show(total, decimals),
      refs: [...parts, whole].filter((f) => f.text !== null).map(ref),
    });
  }
}

import Big from 'big.js';
import { precisionOf, toBig } from '../fiscal/numbers.ts';
import { percentAt, show, tolerance } from '../fiscal/arithmetic.ts';
import type { Finding } from './findings.ts';
import { itemKey, type Candidate, type Figures } from '../prose/figures.ts';
import type { Claim, Statement } from '../prose/statements.ts';
import { QUALIFIER_NAMES, type Qualifier } from '../prose/vocabulary.ts';

/**
 * The rules over what a narrative states. Each compares only what a sentence binds (a subject,
 * which figure of it, this year), reports both numbers and the arithmetic, and turns a
 * difference that rounding can explain into a rounding note. Every number ends with a status:
 * the coverage `npm run check` prints and 数据说明 states.
 */

export type Status = 'verified' | 'rounding' | 'inconsistent' | 'unverified';

export interface ProseResult {
  findings: Finding[];
  statuses: Status[];
}

/** The base a share "占X%" is of, when the sentence does not name one. */
const SHARE_BASES: Record<string, string> = {
  财政拨款收入: '收入合计',
  其他收入: '收入合计',
  基本支出: '支出合计',
  项目支出: '支出合计',
  财政拨款支出: '支出合计',
  人员经费: '基本支出',
  公用经费: '基本支出',
  因公出国费: '三公经费',
  公务用车费: '三公经费',
  公务接待费: '三公经费',
  一般公共服务支出: '财政拨款支出',
  社会保障和就业支出: '财政拨款支出',
  卫生健康支出: '财政拨款支出',
};

/** Parts of one whole: a 其中 list mixing two of these is not one breakdown. */
const BREAKDOWNS = [
  ['基本支出', '项目支出'],
  ['人员经费', '公用经费'],
  ['工资福利支出', '商品和服务支出', '对个人和家庭的补助'],
  ['因公出国费', '公务用车费', '公务接待费', '公务用车运行维护费', '公务用车购置费'],
  ['财政拨款收入', '其他收入'],
  ['一般公共服务支出', '社会保障和就业支出', '卫生健康支出', '其他支出'],
];

/** Wholes that are exactly the sum of these parts: a shortfall is as provable as an excess. */
const WHOLES: Record<string, string[]> = {
  基本支出: ['人员经费', '公用经费'],
  支出合计: ['基本支出', '项目支出'],
  公务用车费: ['公务用车购置费', '公务用车运行维护费'],
};
const complete = (total: Statement, parts: Statement[]) => {
  const whole = total.subject ? WHOLES[total.subject] : undefined;
  const named = parts.map((p) => p.subject);
  return !!whole && named.length === whole.length && whole.every((x) => named.includes(x));
};

const BUDGETS: Qualifier[] = ['initialBudget', 'fullBudget', 'budget'];
const sameFigure = (a: Qualifier, b: Qualifier) =>
  a === b || (BUDGETS.includes(a) && BUDGETS.includes(b) && (a === 'budget' || b === 'budget'));

const keyOf = (s: Statement) => (s.item ? itemKey(s.item.kind, s.item.name) : s.subject);
const nameOf = (s: Statement) => s.item?.name ?? s.subject ?? '';
const bound = (s: Statement) => !s.hedged && keyOf(s) !== null && s.year !== 'other';
const isAmountOfYear = (s: Statement) =>
  s.role === 'level' && s.unit === '万元' && !s.hedged && s.year !== 'other';
const isLevel = (s: Statement) => s.role === 'level' && s.unit === '万元' && bound(s);

/** Whether a stated amount is the figure: equal at the coarser of the two precisions. */
function agrees(stated: string, figure: string): boolean {
  const p = Math.min(precisionOf(stated), precisionOf(figure));
  return toBig(stated).round(p, Big.roundHalfUp).eq(toBig(figure).round(p, Big.roundHalfUp));
}

/** The percentage a/b can be when a and b are each rounded as printed: [low, high]. */
function percentRange(a: Big, aText: string, b: Big, bText: string): [Big, Big] {
  const half = (t: string) => new Big(0.5).times(new Big(10).pow(-precisionOf(t)));
  const lo = a
    .minus(half(aText))
    .div(b.plus(half(bText)))
    .times(100);
  const hi = a
    .plus(half(aText))
    .div(b.minus(half(bText)))
    .times(100);
  return [lo, hi];
}

/**
 * A stated percentage against numerator ÷ denominator: 'verified' when it is the quotient at
 * the printed precision, 'rounding' when rounded inputs could give it, else 'inconsistent'.
 */
function rateStatus(stated: string, num: string, den: string): { status: Status; computed: Big } | null {
  const n = toBig(num);
  const d = toBig(den);
  const computed = percentAt(n, d, `${stated}%`);
  if (!computed || d.lte(0)) return null;
  if (computed.eq(toBig(stated))) return { status: 'verified', computed };
  const [lo, hi] = percentRange(n, num, d, den);
  const half = new Big(0.5).times(new Big(10).pow(-precisionOf(stated)));
  const s = toBig(stated);
  const overlaps = s.plus(half).gte(lo) && s.minus(half).lte(hi);
  return { status: overlaps ? 'rounding' : 'inconsistent', computed };
}

interface Context {
  statements: Statement[];
  claims: Claim[];
  figures: Figures;
  /** Statements of the office-year's other reports, with their report's title. */
  related: { statement: Statement; report: string }[];
}

export function checkProse(ctx: Context): ProseResult {
  const { statements } = ctx;
  const statuses: Status[] = statements.map(() => 'unverified');
  const findings: Finding[] = [];
  const mark = (s: Statement, status: Status) => {
    const order: Status[] = ['unverified', 'verified', 'rounding', 'inconsistent'];
    if (order.indexOf(status) > order.indexOf(statuses[s.index])) statuses[s.index] = status;
  };
  const report = (
    rule: string,
    s: Statement,
    subject: string,
    message: string,
    expected: string,
    actual: string,
    refs: Candidate[] = [],
    severity: 'error' | 'note' = 'error',
    also: Statement[] = [],
  ) => {
    findings.push({
      rule,
      severity,
      subject,
      message,
      expected,
      actual,
      narrative: [s, ...also].map((x) => x.place),
      refs: refs.map((r) => (r.source ? { path: r.path, source: r.source } : { path: r.path })),
    });
    mark(s, severity === 'note' ? 'rounding' : 'inconsistent');
  };
  const inParagraphBefore = (s: Statement, test: (x: Statement) => boolean) =>
    statements
      .slice(0, s.index)
      .filter((x) => x.block === s.block && test(x))
      .at(-1);

  // Amounts against the data.
  for (const s of statements) {
    if (!isLevel(s)) continue;
    const candidates = ctx.figures.get(keyOf(s)!) ?? [];
    const published = candidates.filter((c) => c.text !== null && /^\d+(\.\d+)?$/.test(c.text));
    if (published.some((c) => agrees(s.value, c.text!))) {
      mark(s, 'verified');
      continue;
    }
    const q = s.qualifier;
    if (!q) continue;
    const same = published.filter((c) => sameFigure(c.qualifier, q));
    // Only a figure of the same funds: 公用经费 of all funds is not 公开06表's 财政拨款 公用经费.
    const expected = same.filter((c) => c.scope === s.scope || c.scope === 'any');
    if (!expected.length) continue;
    const diff = toBig(s.value).minus(toBig(expected[0].text!));
    report(
      'prose.amount',
      s,
      `正文.${nameOf(s)}.${QUALIFIER_NAMES[q]}=${s.value}`,
      `正文写“${nameOf(s)}”${QUALIFIER_NAMES[q]} ${s.value} 万元，${expected.map((c) => `${c.label} 为 ${c.text}`).join('，')}，相差 ${show(diff, precisionOf(s.value))}`,
      expected[0].text!,
      s.value,
      expected,
    );
  }

  // The same quantity stated twice with two values.
  const all = [...statements.map((statement) => ({ statement, report: '' })), ...ctx.related];
  for (const s of statements) {
    if (!isLevel(s) || !s.qualifier || statuses[s.index] !== 'unverified') continue;
    // Within one narrative the later statement is reported (with both places), once.
    const other = all.find(
      ({ statement: t, report: r }) =>
        (r ? true : t.index < s.index) &&
        isLevel(t) &&
        keyOf(t) === keyOf(s) &&
        t.qualifier === s.qualifier &&
        t.scope === s.scope &&
        t.year === s.year &&
        t.within === s.within &&
        !agrees(t.value, s.value),
    );
    const same = all.find(
      ({ statement: t }) =>
        t !== s &&
        isLevel(t) &&
        keyOf(t) === keyOf(s) &&
        t.qualifier === s.qualifier &&
        t.scope === s.scope &&
        t.year === s.year &&
        t.within === s.within,
    );
    if (other) {
      const where = other.report ? `${other.report}正文` : '正文另一处';
      report(
        'prose.repeated',
        s,
        `正文.${nameOf(s)}.${QUALIFIER_NAMES[s.qualifier]}=${s.value}`,
        `正文写“${nameOf(s)}”${QUALIFIER_NAMES[s.qualifier]} ${s.value} 万元，${where}写 ${other.statement.value} 万元`,
        other.statement.value,
        s.value,
        [],
        'error',
        other.report ? [] : [other.statement],
      );
      if (!other.report) mark(other.statement, 'inconsistent');
    } else if (same) mark(s, 'verified');
  }

  // Totals stated with their parts (其中 …): the parts cannot exceed the total.
  for (const total of statements) {
    const parts = statements.filter((p) => p.partOf === total.index && isAmountOfYear(p));
    if (!parts.length || !isAmountOfYear(total)) continue;
    const subjects = parts.map((p) => p.subject).filter((x): x is string => x !== null);
    const families = new Set(subjects.map((x) => BREAKDOWNS.findIndex((b) => b.includes(x))));
    if (families.size > 1 || new Set(subjects).size < subjects.length) continue;
    if (parts.some((p) => p.qualifier !== total.qualifier || p.year !== total.year)) continue;
    const sum = parts.reduce((a, p) => a.plus(toBig(p.value)), new Big(0));
    const figures = [total.value, ...parts.map((p) => p.value)];
    const decimals = Math.max(...figures.map(precisionOf));
    const excess = sum.minus(toBig(total.value));
    const within = excess.abs().lte(tolerance(figures));
    const arithmetic = `${parts.map((p) => `${nameOf(p) || '一项'} ${p.value}`).join(' + ')} = ${show(sum, decimals)}`;
    if (excess.eq(0)) [total, ...parts].forEach((x) => mark(x, 'verified'));
    else if (within)
      report(
        'prose.parts',
        total,
        `正文.${nameOf(total)}.其中各项=${show(sum, decimals)}`,
        `正文写“${nameOf(total)}” ${total.value} 万元，其中 ${arithmetic}，相差 ${show(excess, decimals)}，在尾数误差范围内`,
        total.value,
        show(sum, decimals),
        [],
        'note',
        parts,
      );
    else if (excess.gt(0) || complete(total, parts))
      report(
        'prose.parts',
        total,
        `正文.${nameOf(total)}.其中各项=${show(sum, decimals)}`,
        `正文写“${nameOf(total)}” ${total.value} 万元，其中 ${arithmetic}，${excess.gt(0) ? '超出' : '少'} ${show(excess.abs(), decimals)}`,
        excess.gt(0) ? `≤ ${total.value}` : total.value,
        show(sum, decimals),
        [],
        'error',
        parts,
      );
  }

  // Percentages: shares, completion rates, year-on-year changes.
  for (const s of statements) {
    if (s.hedged || s.unit !== '%') continue;
    const amount = statements[s.index - 1];
    if (s.role === 'share' && amount && bound(amount)) {
      const baseKey = s.base ?? SHARE_BASES[keyOf(amount)!];
      if (!baseKey) continue;
      const stated = statements
        .filter(
          (x) => x.block === amount.block && x.index < amount.index && isLevel(x) && x.subject === baseKey,
        )
        .map((x) => ({ text: x.value, label: `正文所写${baseKey}` }));
      const data = (ctx.figures.get(baseKey) ?? [])
        .filter((c) => c.qualifier === (amount.qualifier ?? 'actual') && c.text && /^\d/.test(c.text))
        .map((c) => ({ text: c.text!, label: c.label }));
      rate(
        'prose.share',
        s,
        amount.value,
        [...stated, ...data],
        '占比',
        `${nameOf(amount)} ${amount.value}`,
        `占${baseKey}`,
      );
    }
    if (s.role === 'completion') {
      const sameKey = (x: Statement) => isLevel(x) && keyOf(x) === keyOf(s) && keyOf(s) !== null;
      let actual = inParagraphBefore(s, (x) => sameKey(x) && x.qualifier === 'actual');
      let budget = inParagraphBefore(s, (x) => sameKey(x) && BUDGETS.includes(x.qualifier!));
      // An item the vocabulary does not know ("党建工作经费预算安排78万元，实际支出73.13万元，预算完成率98%"):
      // the two amounts just before the rate, in its sentence, the second continuing the first.
      const [b, a] = [statements[s.index - 2], statements[s.index - 1]];
      if (keyOf(s) === null && a?.continues && b && a.sentence === s.sentence && b.sentence === s.sentence) {
        const plain = (x: Statement) => isAmountOfYear(x) && keyOf(x) === null;
        if (plain(a) && plain(b) && a.qualifier === 'actual' && BUDGETS.includes(b.qualifier!))
          [actual, budget] = [a, b];
      }
      if (!actual || !budget) continue;
      const ok = rate(
        'prose.completion',
        s,
        actual.value,
        [{ text: budget.value, label: `预算 ${budget.value}` }],
        '完成预算',
        `决算 ${actual.value}`,
      );
      if (ok) [actual, budget].forEach((x) => mark(x, 'verified'));
    }
    if (s.role === 'changeRate' && amount?.role === 'change' && amount.yearOnYear && keyOf(amount) !== null) {
      const sameKey = (x: Statement) => isLevel(x) && keyOf(x) === keyOf(amount);
      const previous = inParagraphBefore(amount, (x) => sameKey(x) && x.qualifier === 'previous');
      const current = inParagraphBefore(amount, (x) => sameKey(x) && x.qualifier !== 'previous');
      if (!current && !previous) continue;
      const base = previous
        ? { text: previous.value, label: `上年 ${previous.value}` }
        : (() => {
            const v = toBig(current!.value).minus(toBig(amount.value).times(amount.direction ?? 1));
            const d = Math.max(precisionOf(current!.value), precisionOf(amount.value));
            return {
              text: show(v, d),
              label: `上年（${current!.value} ${amount.direction === -1 ? '+' : '−'} ${amount.value} = ${show(v, d)}）`,
            };
          })();
      const ok = rate('prose.change-rate', s, amount.value, [base], '变动率', `变动 ${amount.value}`);
      if (ok) [amount, ...(current ? [current] : [])].forEach((x) => mark(x, 'verified'));
    }
  }

  /** A percentage against num ÷ each base; reports against the first when none agrees. */
  function rate(
    rule: string,
    s: Statement,
    num: string,
    bases: { text: string; label: string }[],
    what: string,
    numLabel: string,
    said = what,
  ): boolean {
    const results = bases.map((b) => ({ b, r: rateStatus(s.value, num, b.text) })).filter((x) => x.r);
    if (!results.length) return false;
    if (results.some((x) => x.r!.status === 'verified')) {
      mark(s, 'verified');
      return true;
    }
    const first = results.find((x) => x.r!.status === 'rounding') ?? results[0];
    const computed = first.r!.computed.toFixed(precisionOf(s.value));
    const severity = first.r!.status === 'rounding' ? 'note' : 'error';
    report(
      rule,
      s,
      nameOf(s)
        ? `正文.${nameOf(s)}.${what}=${s.value}%`
        : `正文.${what}=${s.value}%（${num}÷${bases[0].text}）`,
      `正文写${nameOf(s) ? `“${nameOf(s)}”` : ''}${said} ${s.value}%，按 ${numLabel} ÷ ${first.b.label}${first.b.label.includes(first.b.text) ? '' : ` ${first.b.text}`} 应为 ${computed}%${severity === 'note' ? '，差额在各数四舍五入的范围内' : ''}`,
      `${computed}%`,
      `${s.value}%`,
      [],
      severity,
    );
    return true;
  }

  // An amount in 元 whose number is stated elsewhere in 万元.
  for (const s of statements) {
    if (s.unit !== '元' || !/\d\.\d/.test(s.value) || s.value.replace(/\D|^0+/g, '').length < 3) continue;
    const twin = all.find(({ statement: t }) => t.unit === '万元' && t.value === s.value);
    if (twin)
      report(
        'prose.unit',
        s,
        `正文.单位.${s.value}元`,
        `正文写 ${s.value} 元，${twin.report ? `${twin.report}正文` : '正文另一处'}写 ${twin.statement.value} 万元：同一个数，单位相差一万倍`,
        `${s.value} 万元`,
        `${s.value} 元`,
        [],
        'error',
        twin.report ? [] : [twin.statement],
      );
  }

  // "控制在预算范围内" where the same sentence or the one before states actual > budget.
  for (const c of ctx.claims) {
    const near = statements.filter(
      (x) =>
        x.block === c.block && (x.sentence === c.sentence || x.sentence === c.sentence - 1) && isLevel(x),
    );
    for (const actual of near.filter((x) => x.qualifier === 'actual')) {
      const budget = near.find((x) => keyOf(x) === keyOf(actual) && BUDGETS.includes(x.qualifier!));
      if (!budget || !toBig(actual.value).gt(toBig(budget.value))) continue;
      findings.push({
        rule: 'prose.claim',
        severity: 'error',
        subject: `正文.${nameOf(actual)}.控制在预算内`,
        message: `正文称“控制在预算范围内”，但同段写“${nameOf(actual)}”决算 ${actual.value} 万元，超过预算 ${budget.value} 万元 ${show(toBig(actual.value).minus(toBig(budget.value)), precisionOf(actual.value))} 万元`,
        expected: `≤ ${budget.value}`,
        actual: actual.value,
        narrative: [c.place, actual.place, budget.place],
        refs: [],
      });
      break;
    }
  }
  return { findings, statuses };
}

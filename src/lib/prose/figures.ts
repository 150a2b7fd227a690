import type { FinalAccountsTables } from '../content/schema/final-accounts.ts';
import type { PerformanceReport } from '../content/schema/report.ts';
import type { CostRow } from '../content/schema/performance.ts';
import { columnIndex } from '../content/schema/columns.ts';
import type { Fig } from '../fiscal/figure.ts';
import { splitFunds } from '../fiscal/funds.ts';
import { costLineName } from '../fiscal/names.ts';
import { cell } from '../fiscal/forms.ts';
import { LABEL_RE, subjectOf, type Qualifier } from './vocabulary.ts';

/**
 * The figures of an office-year a narrative may state, by subject: each with the qualifier it is
 * (年初预算, 决算 …) and the funds it covers (全部资金, or 财政拨款 only). A subject can have several
 * (公开03表 基本支出 is all funds, 公开05表 基本支出 财政拨款): a statement agrees when it equals any.
 */
export interface Candidate extends Fig {
  qualifier: Qualifier;
  /** 'any' where the two are one by definition ("三公"经费 are paid from 财政拨款 only). */
  scope: 'fiscal' | 'all' | 'any';
}

export type Figures = Map<string, Candidate[]>;

/** Key of a 项 of 公开05表, as a per-项 heading names it. */
export const itemKey = (kind: string, name: string) => `项:${kind}/${name}`;

/** A cost line or funds row name that is exactly one of the vocabulary's labels. */
function subjectNamed(name: string): string | null {
  const bare = costLineName(name)
    .replace(/^\d+、/, '')
    .replace(/^其中：/, '');
  const m = bare.match(LABEL_RE);
  return m && m[0] === bare ? subjectOf(bare) : null;
}

function add(map: Figures, subject: string | null, c: Candidate) {
  if (!subject) return;
  map.set(subject, [...(map.get(subject) ?? []), c]);
}

export function finalAccountsCandidates(t: FinalAccountsTables, out: Figures, source?: string) {
  const put = (
    subject: string,
    fig: Fig | undefined,
    qualifier: Qualifier = 'actual',
    scope: Candidate['scope'] = 'all',
  ) => {
    if (fig) add(out, subject, { ...fig, qualifier, scope, ...(source ? { source } : {}) });
  };
  put('收入合计', cell(t, 't01', ['income', '本年收入合计'], 'amount'));
  put('支出合计', cell(t, 't01', ['expenditure', '本年支出合计'], 'amount'));
  put('收支总计', cell(t, 't01', ['income', '总计'], 'amount'));
  put('收支总计', cell(t, 't01', ['expenditure', '总计'], 'amount'));
  put('财政拨款收入', cell(t, 't01', ['income', '一般公共预算财政拨款收入'], 'amount'));
  put('结余分配', cell(t, 't01', ['expenditure', '结余分配'], 'amount'));
  put('财政拨款收支总计', cell(t, 't04', ['income', '总计'], 'amount'), 'actual', 'fiscal');
  put('财政拨款收支总计', cell(t, 't04', ['expenditure', '总计'], 'total'), 'actual', 'fiscal');
  put('财政拨款收入', cell(t, 't02', 'total', 'fiscal'), 'actual', 'fiscal');
  put('其他收入', cell(t, 't02', 'total', 'other'));
  put('基本支出', cell(t, 't03', 'total', 'basic'));
  put('项目支出', cell(t, 't03', 'total', 'project'));
  put('财政拨款支出', cell(t, 't05', 'total', 'subtotal'), 'actual', 'fiscal');
  put('基本支出', cell(t, 't05', 'total', 'basic'), 'actual', 'fiscal');
  put('项目支出', cell(t, 't05', 'total', 'project'), 'actual', 'fiscal');
  put('人员经费', cell(t, 't06', 'personnelTotal', 'amount'), 'actual', 'fiscal');
  put('公用经费', cell(t, 't06', 'publicTotal', 'amount'), 'actual', 'fiscal');
  // 机关运行经费 is defined as the 公用经费 of 财政拨款 基本支出 (公开06表).
  put('机关运行经费', cell(t, 't06', 'publicTotal', 'amount'), 'actual', 'fiscal');
  const t09 = [
    ['三公经费', 'total'],
    ['因公出国费', 'abroad'],
    ['公务用车费', 'vehicles'],
    ['公务用车购置费', 'vehiclePurchase'],
    ['公务用车运行维护费', 'vehicleOperation'],
    ['公务接待费', 'reception'],
  ] as const;
  for (const [subject, column] of t09) {
    put(subject, cell(t, 't09', 'budget', column), 'budget', 'any');
    put(subject, cell(t, 't09', 'actual', column), 'actual', 'any');
  }
  for (const r of t.t03.rows) if (r.code.length === 3) put(r.name, cell(t, 't03', r, 'total'));
  let kind = '';
  for (const r of t.t05.rows) {
    if (r.code.length === 3) put(r.name, cell(t, 't05', r, 'subtotal'), 'actual', 'fiscal');
    if (r.code.length === 5) kind = r.name;
    if (r.code.length === 7) put(itemKey(kind, r.name), cell(t, 't05', r, 'subtotal'), 'actual', 'fiscal');
  }
}

const BASE_DATA_QUALIFIERS: Qualifier[] = ['previous', 'budget', 'actual'];

/** Cost lines of the 基础数据表 (上年决算, 本年预算, 本年决算) and the funds of the 自评表. */
export function performanceCandidates(d: PerformanceReport, out: Figures) {
  const bd = d.tables?.['base-data'];
  const walk = (rows: CostRow[], path: (string | number)[]) =>
    rows.forEach((r, i) => {
      const p = [...path, i];
      BASE_DATA_QUALIFIERS.forEach((qualifier, c) =>
        add(out, subjectNamed(r.name), {
          text: r.values[c],
          path: [...p, 'values', c],
          label: `基础数据表 ${r.name} ${bd!.costs.columns[c]}`,
          qualifier,
          scope: 'all',
        }),
      );
      if (r.parts) walk(r.parts, [...p, 'parts']);
      if (r.ofWhich) walk(r.ofWhich, [...p, 'ofWhich']);
    });
  if (bd) walk(bd.costs.rows, ['tables', 'base-data', 'costs', 'rows']);
  const se = d.tables?.['self-evaluation'];
  const funds = se?.funds;
  const total = funds ? splitFunds(funds.rows).total : null;
  if (funds && total) {
    const keys: [Exclude<keyof typeof total.row, 'name'>, Qualifier][] = [
      ['initial', 'initialBudget'],
      ['fullYear', 'fullBudget'],
      ['executed', 'actual'],
    ];
    for (const [key, qualifier] of keys) {
      const column = funds.columns.find((c) => c.key === key);
      if (!column) continue;
      add(out, '支出合计', {
        text: total.row[key],
        path: [
          'tables',
          'self-evaluation',
          'funds',
          'rows',
          total.index,
          columnIndex(funds.columns, key, 1)!,
        ],
        label: `整体支出绩效自评表 ${total.row.name} ${column.heading}`,
        qualifier,
        scope: /财政/.test(total.row.name) ? 'fiscal' : 'all',
      });
    }
  }
  for (const part of ['byIncome', 'byNature'] as const)
    se?.funds?.[part]?.forEach((x, i) =>
      add(out, subjectNamed(x.name), {
        text: x.amount,
        path: ['tables', 'self-evaluation', 'funds', part, i, 1],
        label: `整体支出绩效自评表 ${x.name}`,
        qualifier: 'actual',
        scope: 'all',
      }),
    );
}

/** Figures published only in prose (`statedFigures`), by the measure they state. */
const STATED: Record<string, [string, Qualifier]> = {
  支出合计: ['支出合计', 'actual'],
  基本支出: ['基本支出', 'actual'],
  项目支出: ['项目支出', 'actual'],
  '“三公”经费决算': ['三公经费', 'actual'],
  '“三公”经费预算': ['三公经费', 'budget'],
  年初预算: ['支出合计', 'initialBudget'],
};

export function statedCandidates(d: { statedFigures?: { measure: string; value: string }[] }, out: Figures) {
  d.statedFigures?.forEach((s, i) => {
    const [subject, qualifier] = STATED[s.measure] ?? [null, 'actual'];
    add(out, subject, {
      text: s.value,
      path: ['statedFigures', i, 'value'],
      label: `正文所载 ${s.measure}`,
      qualifier,
      scope: 'all',
    });
  });
}

import type Big from 'big.js';
import type {
  BaseDataTable,
  CostRow,
  ProjectEvaluationTable,
  SelfEvaluationTable,
} from '../content/schema/performance.ts';
import type { PerformanceReport } from '../content/schema/report.ts';
import { percentAt, sum } from '../fiscal/arithmetic.ts';
import { splitFunds } from '../fiscal/funds.ts';
import { columnIndex } from '../content/schema/columns.ts';
import { isAmount, precisionOf, toBig } from '../fiscal/numbers.ts';
import { levelName } from '../fiscal/names.ts';
import type { Findings } from './findings.ts';
import type { Fig, Path } from '../fiscal/figure.ts';

/** Scoring rules of the self-evaluation forms and the identities of the 基础数据表 (docs/domain.md). */

const GRADE_BANDS: { grade: '优' | '良' | '中' | '差'; min: number }[] = [
  { grade: '优', min: 90 },
  { grade: '良', min: 80 },
  { grade: '中', min: 60 },
  { grade: '差', min: 0 },
];
/** 分值 and 得分 are whole published scores, not rounded amounts: no rounding tolerance. */
const EXACT = { exact: true };

const gradeOf = (score: Big) => GRADE_BANDS.find((b) => score.gte(b.min))!.grade;

/** A published percentage against the ratio of its operands at the percentage's own precision. */
function ratio(f: Findings, rule: string, subject: string, rate: Fig, num: Fig, den: Fig, what: string) {
  if (!rate.text?.endsWith('%') || !isAmount(num.text) || !isAmount(den.text)) return;
  const expected = percentAt(toBig(num.text), toBig(den.text), rate.text);
  if (!expected || expected.eq(toBig(rate.text))) return;
  f.add({
    rule,
    severity: 'error',
    subject,
    message: `${rate.label} 为 ${rate.text}，${what}（${num.text} ÷ ${den.text}）为 ${expected.toFixed(precisionOf(rate.text))}%`,
    expected: `${expected.toFixed(precisionOf(rate.text))}%`,
    actual: rate.text,
    refs: [rate, num, den].map((x) => ({ path: x.path })),
  });
}

type Evaluation = SelfEvaluationTable | ProjectEvaluationTable;
type Funds = NonNullable<Evaluation['funds']>;
type FundsKey = Funds['columns'][number]['key'];

/** Columns of the funds block that add up from the sources to the total; 分值 and 得分 are exact. */
const SUMMED: { key: FundsKey; exact?: boolean }[] = [
  { key: 'initial' },
  { key: 'fullYear' },
  { key: 'executed' },
  { key: 'weight', exact: true },
  { key: 'score', exact: true },
];

/** "预算执行情况（万元）" → "预算执行情况": the block's name in subjects and messages. */
const blockName = (label: string) => label.replace(/\s*[（(][^（()）]*[）)]$/, '');

/**
 * The funds block: every row's 得分 ≤ 分值 and 执行率; the total row against its parts per column
 * (a total printed as 0 over parts that carry money is its own finding). Returns the weights and
 * scores that count towards the form's 总分: the total row's, or the parts' where it has none.
 */
function fundsBlock(funds: Funds, base: Path, name: string, f: Findings) {
  const p = [...base, 'funds'];
  const block = blockName(funds.label);
  const fig = (row: Funds['rows'][number], index: number, key: FundsKey): Fig | undefined => {
    const column = funds.columns.find((c) => c.key === key);
    if (!column) return undefined;
    return {
      text: row[key],
      path: [...p, 'rows', index, columnIndex(funds.columns, key, 1)!],
      label: `${name} ${row.name} ${column.heading}`,
    };
  };
  funds.rows.forEach((r, i) => {
    const weight = fig(r, i, 'weight');
    const score = fig(r, i, 'score');
    if (weight && score)
      f.atMost('pe.score-le-weight', `${name}.${r.name}`, [score], weight, `${r.name} 得分`);
    const [rate, executed, fullYear] = [fig(r, i, 'rate'), fig(r, i, 'executed'), fig(r, i, 'fullYear')];
    if (rate && executed && fullYear)
      ratio(
        f,
        'pe.execution-rate',
        `${name}.${r.name}.执行率`,
        rate,
        executed,
        fullYear,
        `${executed.label.split(' ').at(-1)} ÷ ${fullYear.label.split(' ').at(-1)}`,
      );
  });
  const { total, parts } = splitFunds(funds.rows);
  if (total && parts.length)
    for (const { key, exact } of SUMMED) {
      const whole = fig(total.row, total.index, key);
      if (!whole) continue;
      const pieces = parts.map(({ row, index }) => fig(row, index, key)!);
      const heading = whole.label.split(' ').at(-1)!;
      const subject = `${name}.${block}.${heading}`;
      if (zeroOverParts(f, subject, whole, pieces)) continue;
      f.sum('pe.funds-sum', subject, whole, pieces, `其下各行${heading}之和`, { exact });
    }
  const counted = total && (total.row.weight || total.row.score) ? [total] : parts;
  return {
    weights: counted.flatMap(({ row, index }) => fig(row, index, 'weight') ?? []),
    scores: counted.flatMap(({ row, index }) => fig(row, index, 'score') ?? []),
  };
}

/** A total printed as 0 while its parts carry money: the total was left unfilled, not summed wrong. */
function zeroOverParts(f: Findings, subject: string, whole: Fig, parts: Fig[]): boolean {
  if (!isAmount(whole.text) || !toBig(whole.text).eq(0)) return false;
  const published = parts.filter((x) => isAmount(x.text));
  const total = sum(published.map((x) => x.text!));
  if (total.eq(0)) return false;
  const decimals = Math.max(...published.map((x) => precisionOf(x.text!)));
  f.add({
    rule: 'pe.funds-zero-total',
    severity: 'error',
    subject,
    message: `${whole.label} 印为 ${whole.text}，而其下各行有金额：${published.map((x) => x.text).join(' + ')} = ${total.toFixed(decimals)}`,
    expected: total.toFixed(decimals),
    actual: whole.text!,
    refs: [whole, ...published].map((x) => ({ path: x.path })),
  });
  return true;
}

function evaluation(
  t: Evaluation,
  base: Path,
  name: string,
  f: Findings,
  stated?: { score: string; path: Path },
) {
  const weights: Fig[] = [];
  const scores: Fig[] = [];
  if (t.funds) {
    const counted = fundsBlock(t.funds, base, name, f);
    weights.push(...counted.weights);
    scores.push(...counted.scores);
  }
  const weightAt = columnIndex(t.indicatorColumns, 'weight')!;
  const scoreAt = columnIndex(t.indicatorColumns, 'score')!;
  t.indicators.forEach((l1, i) => {
    const l1Path = [...base, 'indicators', i];
    const l1Weights: Fig[] = [];
    const l1Scores: Fig[] = [];
    l1.children.forEach((l2, j) => {
      const l2Path = [...l1Path, 'children', j];
      const rowW: Fig[] = [];
      const rowS: Fig[] = [];
      l2.rows.forEach((r, k) => {
        // A placeholder row is printed with no indicator: it never counts.
        if (r.kind === 'placeholder') return;
        const label = `${name} ${r.name ?? levelName(l2)}`;
        const w: Fig = { text: r.weight, path: [...l2Path, 'rows', k, weightAt], label: `${label} 分值` };
        const s: Fig = { text: r.score, path: [...l2Path, 'rows', k, scoreAt], label: `${label} 得分` };
        rowW.push(w);
        rowS.push(s);
        f.atMost(
          'pe.score-le-weight',
          `${name}.${l1.name}.${l2.name}.${r.name ?? k}`,
          [s],
          w,
          `${r.name ?? '该指标'} 得分`,
        );
      });
      level(
        f,
        l2,
        l2Path,
        `${name} ${l1.name ? `${l1.name} ` : ''}${l2.name}`,
        rowW,
        rowS,
        `${name}.${l1.name}.${l2.name}`,
      );
      l1Weights.push(...rowW);
      l1Scores.push(...rowS);
    });
    level(f, l1, l1Path, `${name} ${l1.name ?? ''}`, l1Weights, l1Scores, `${name}.${l1.name}`);
    weights.push(...l1Weights);
    scores.push(...l1Scores);
  });
  const totalWeight: Fig = t.total?.weight
    ? { text: t.total.weight, path: [...base, 'total', 'weight'], label: `${name} 总分 分值` }
    : { text: '100', path: [...base, 'indicators'], label: `${name} 满分` };
  f.sum('pe.weight-total', `${name}.分值合计`, totalWeight, weights, '各指标分值之和', EXACT);
  const totalScore: Fig | undefined = t.total?.score
    ? { text: t.total.score, path: [...base, 'total', 'score'], label: `${name} 总分` }
    : stated && { text: stated.score, path: stated.path, label: '报告所述自评总分' };
  if (totalScore) f.sum('pe.score-total', `${name}.总分`, totalScore, scores, '各指标得分之和', EXACT);
}

/** A level's stated weight ("效益指标（30分）") and stated score equal the sums of its rows. */
function level(
  f: Findings,
  l: { weight?: string | null; score?: string | null },
  path: Path,
  label: string,
  weights: Fig[],
  scores: Fig[],
  subject: string,
) {
  if (l.weight)
    f.sum(
      'pe.level-weight',
      `${subject}.分值`,
      { text: l.weight, path: [...path, 'weight'], label: `${label} 所标分值` },
      weights,
      '其下各指标分值之和',
      EXACT,
    );
  if (l.score)
    f.sum(
      'pe.level-score',
      `${subject}.得分`,
      { text: l.score, path: [...path, 'score'], label: `${label} 所标得分` },
      scores,
      '其下各指标得分之和',
      EXACT,
    );
}

function baseData(t: BaseDataTable, f: Findings) {
  const base = ['tables', 'base-data'];
  const v = t.staffing.values;
  const fig = (i: number): Fig => ({
    text: v[i],
    path: [...base, 'staffing', 'values', i],
    label: t.staffing.columns[i],
  });
  ratio(f, 'bd.control-rate', 'base-data.控制率', fig(2), fig(1), fig(0), '实际在职人数 ÷ 编制数');

  const walk = (rows: CostRow[], path: Path) =>
    rows.forEach((r, i) => {
      const p = [...path, i];
      t.costs.columns.forEach((column, c) => {
        const cell = (x: CostRow, xp: Path): Fig => ({
          text: x.values[c],
          path: [...xp, 'values', c],
          label: `基础数据表 ${x.name} ${column}`,
        });
        const parent = cell(r, p);
        if (r.parts?.length)
          f.sum(
            'bd.parts',
            `base-data.${r.name}.${column}`,
            parent,
            r.parts.map((x, j) => cell(x, [...p, 'parts', j])),
            '各组成项之和',
          );
        if (r.ofWhich?.length)
          f.atMost(
            'bd.of-which',
            `base-data.${r.name}.${column}`,
            r.ofWhich.map((x, j) => cell(x, [...p, 'ofWhich', j])),
            parent,
            '“其中”各项之和',
          );
      });
      if (r.parts) walk(r.parts, [...p, 'parts']);
      if (r.ofWhich) walk(r.ofWhich, [...p, 'ofWhich']);
    });
  walk(t.costs.rows, [...base, 'costs', 'rows']);
}

export function checkPerformance(d: PerformanceReport, f: Findings) {
  const stated = d.conclusion ? { score: d.conclusion.score, path: ['conclusion', 'score'] } : undefined;
  if (d.tables?.['base-data']) baseData(d.tables['base-data'], f);
  if (d.tables?.['self-evaluation'])
    evaluation(d.tables['self-evaluation'], ['tables', 'self-evaluation'], '整体支出绩效自评表', f, stated);
  d.tables?.projects?.forEach((p, i) =>
    evaluation(p, ['tables', 'projects', i], `项目支出绩效自评表（${p.project}）`, f),
  );
}

/** The stated grade matches the band of the stated score (优 ≥ 90, 良 80–89, 中 60–79, 差 < 60). */
export function checkGrade(conclusion: { score: string; grade: string | null } | undefined, f: Findings) {
  if (!conclusion?.grade) return;
  const expected = gradeOf(toBig(conclusion.score));
  if (expected !== conclusion.grade)
    f.add({
      rule: 'pe.grade',
      severity: 'error',
      subject: 'conclusion.grade',
      message: `自评等级为“${conclusion.grade}”，但 ${conclusion.score} 分对应“${expected}”（优 ≥ 90，良 80–89，中 60–79，差 < 60）`,
      expected,
      actual: conclusion.grade,
      refs: [{ path: ['conclusion', 'grade'] }, { path: ['conclusion', 'score'] }],
    });
}

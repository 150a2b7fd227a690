import type { z } from 'zod';
import type {
  baseDataTable,
  projectEvaluationTable,
  selfEvaluationTable,
} from '../content/schema/performance.ts';
import { AMOUNT_RE, NOT_APPLICABLE, PERCENT_RE } from '../fiscal/numbers.ts';
import type { GridCell } from './grid.ts';
import { isBlank, type Frame } from './frame.ts';
import { normalized, type SheetReader } from './cells.ts';

/** The 绩效自评 forms read back from their sheets: 基础数据表, 整体支出 and 项目支出 自评表. */

type BaseData = z.input<typeof baseDataTable>;
type SelfEvaluation = z.input<typeof selfEvaluationTable>;
type ProjectEvaluation = z.input<typeof projectEvaluationTable>;
type CostRow = BaseData['costs']['rows'][number];
type Level1 = SelfEvaluation['indicators'][number];
type Level2 = Level1['children'][number];

const isFigure = (text: string) => text === NOT_APPLICABLE || AMOUNT_RE.test(text) || PERCENT_RE.test(text);
/** Rows with content, and empty rows drawn inside the grid (printed blank lines of the form). */
const filled = (rows: GridCell[][]) => rows.filter((row) => !isBlank(row) || row.some((c) => c.boxed));

/** Fields every attachment form carries, from the lines around the table. */
function identification(frame: Frame, reader: SheetReader) {
  if (frame.title === null)
    reader.error(undefined, '找不到表名：表格上方应有一行标题（如“2022年度部门整体支出绩效自评表”）');
  return {
    ...(frame.number ? { label: frame.number } : {}),
    title: frame.title ?? '',
    ...(frame.unit ? { unit: frame.unit } : {}),
  };
}

const closing = (frame: Frame) => ({
  ...(frame.notes.length ? { notes: frame.notes } : {}),
  ...(frame.footer ? { footer: frame.footer } : {}),
});

/* ---------- 基础数据表 ---------- */

export function readBaseData(frame: Frame, reader: SheetReader): BaseData {
  const rows = filled(frame.rows);
  const header = (row: GridCell[] | undefined, what: string) => {
    if (!row)
      reader.error(undefined, `缺少${what}：基础数据表依次为财政供养人员情况、经费控制情况和其他各部分`);
    return {
      label: reader.required(row?.[0], `${what}的栏名`),
      columns: [1, 2, 3].map((i) => reader.required(row?.[i], `${what}的列名`)),
    };
  };
  const staffing = header(rows[0], '财政供养人员情况');
  const values = [1, 2, 3].map((i) => reader.figure(rows[1]?.[i], 'figure'));
  const costs = header(rows[2], '经费控制情况');
  let i = 3;
  const costLines: { name: string; values: (string | null)[]; depth: number }[] = [];
  for (; i < rows.length && isCostRow(rows[i]); i++) {
    reader.beyond(rows[i], 4, '经费控制情况');
    costLines.push({
      name: reader.required(rows[i][0], '项目名称'),
      values: [1, 2, 3].map((c) => reader.figure(rows[i][c], 'figure')),
      depth: depthOf(rows[i][0]),
    });
  }
  const sections = readSections(rows.slice(i), reader);
  return {
    form: '基础数据表',
    ...identification(frame, reader),
    staffing: { ...staffing, values },
    costs: { ...costs, rows: costTree(costLines) },
    ...(sections.length ? { sections } : {}),
    ...closing(frame),
  };
}

/** A cost line: a name and up to three figures; anything else starts the next part of the form. */
function isCostRow(row: GridCell[]): boolean {
  const texts = row.slice(1).map((c) => (c.covered ? '' : c.text.trim()));
  return !!row[0]?.text.trim() && texts.every((t, i) => !t || (i < 3 && isFigure(t)));
}

/** Level from the indent (or leading spaces, two a level); level 1 at the margin. */
function depthOf(cell: GridCell): number {
  if (cell.indent > 0) return cell.indent + 1;
  const leading = /^[ \u3000]*/.exec(cell.text)![0];
  return 1 + Math.floor([...leading].reduce((n, ch) => n + (ch === ' ' ? 1 : 2), 0) / 2);
}

/** Nested lines become parts, or "其中" rows from the first line that says 其中 on. */
function costTree(lines: { name: string; values: (string | null)[]; depth: number }[]): CostRow[] {
  const top: CostRow[] = [];
  const open: { row: CostRow; depth: number }[] = [];
  for (const { name, values, depth } of lines) {
    const row: CostRow = { name, values };
    while (open.length && open[open.length - 1].depth >= depth) open.pop();
    const parent = open[open.length - 1]?.row;
    if (!parent) top.push(row);
    else if (parent.ofWhich || name.startsWith('其中')) (parent.ofWhich ??= []).push(row);
    else (parent.parts ??= []).push(row);
    open.push({ row, depth });
  }
  return top;
}

type Section = NonNullable<BaseData['sections']>[number];

/** Further parts: a header of column names with rows of figures, or a label with its text. */
function readSections(rows: GridCell[][], reader: SheetReader): Section[] {
  const out: Section[] = [];
  for (let i = 0; i < rows.length; i++) {
    const label = reader.required(rows[i][0], '栏名');
    const names = rows[i].slice(1).filter((c) => !c.covered && c.text.trim());
    let j = i + 1;
    while (j < rows.length && !rows[j][0]?.text.trim()) j++;
    const data = rows.slice(i + 1, j);
    if (data.length || names.length > 1) {
      const width = 1 + (names.length ? rows[i].indexOf(names[names.length - 1]) : 0);
      const columns = rows[i].slice(1, width).map((c) => reader.required(c, '列名'));
      data.forEach((row) => reader.beyond(row, width, label));
      const figures = data.map((row) => row.slice(1, width).map((c) => reader.figure(c, 'figure')));
      out.push({ label, columns, rows: figures });
      i = j - 1;
    } else {
      reader.beyond(rows[i], 2, label);
      const text = reader.multiline(rows[i][1]);
      out.push(text === null ? { label } : { label, text });
    }
  }
  return out;
}

/* ---------- 自评表 ---------- */

const INDICATOR_COLUMNS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '分值',
  '得分',
  '偏差原因',
];
const FUNDS_COLUMNS = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];

/** Column of each header label in a header row (matched by its start), -1 when absent. */
const columnsOf = (row: GridCell[], labels: string[]) =>
  labels.map((label) => row.findIndex((c) => !c.covered && normalized(c).startsWith(label)));

interface Parts {
  identity: Map<string, string | null>;
  funds?: NonNullable<SelfEvaluation['funds']>;
  goals?: NonNullable<SelfEvaluation['goals']>;
  indicators: Level1[];
  total?: SelfEvaluation['total'];
}

/** The blocks of an evaluation form in any order: identity rows, 资金, 年度总体目标, 指标, 总分. */
function readEvaluation(frame: Frame, reader: SheetReader): Parts {
  const parts: Parts = { identity: new Map(), indicators: [] };
  const rows = filled(frame.rows);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const first = normalized(row[0]);
    if (columnsOf(row, ['年初预算数'])[0] > 0) i = readFunds(rows, i, reader, parts);
    else if (row.some((c) => normalized(c) === '预期目标')) i = readGoals(rows, i, reader, parts);
    else if (row.some((c) => normalized(c) === '一级指标')) i = readIndicators(rows, i, reader, parts);
    else if (/名称$|^主管部门$|^实施单位$/.test(first)) readIdentity(row, reader, parts.identity);
    else
      reader.error(
        row.find((c) => c.text.trim()),
        '这一行不属于自评表的任何部分（资金、年度总体目标、绩效指标、总分），无法放入表中',
      );
  }
  return parts;
}

/** Label cells and the value right of each: 项目支出名称 | …, 主管部门 | … | 实施单位 | …. */
function readIdentity(row: GridCell[], reader: SheetReader, identity: Map<string, string | null>): void {
  const cells = row.filter((c) => !c.covered);
  for (let k = 0; k < cells.length; k += 2) {
    const label = normalized(cells[k]);
    if (label) identity.set(label, reader.text(cells[k + 1]));
  }
}

function readFunds(rows: GridCell[][], at: number, reader: SheetReader, parts: Parts): number {
  const columns = columnsOf(rows[at], FUNDS_COLUMNS);
  const funds: NonNullable<SelfEvaluation['funds']> = {
    label: reader.required(rows[at][0], '资金栏名'),
    rows: [],
  };
  let i = at + 1;
  for (; i < rows.length && !/^按收入性质分/.test(normalized(rows[i][0])); i++) {
    const row = rows[i];
    if (!isFundsRow(row, columns)) break;
    reader.beyond(row, Math.max(...columns) + 1, funds.label);
    const [initial, fullYear, executed, weight, rate, score] = columns.map((c) => row[c]);
    funds.rows.push([
      reader.required(row[0], '资金项目名称'),
      reader.figure(initial),
      reader.figure(fullYear),
      reader.figure(executed),
      reader.figure(weight, 'score'),
      reader.figure(rate, 'percent'),
      reader.figure(score, 'score'),
    ]);
  }
  if (i < rows.length && /^按收入性质分/.test(normalized(rows[i][0]))) i = readSplit(rows, i, reader, funds);
  parts.funds = funds;
  return i - 1;
}

const isFundsRow = (row: GridCell[], columns: number[]) =>
  !!row[0]?.text.trim() &&
  columns.every((c) => c < 0 || !row[c]?.text.trim() || isFigure(row[c].text.trim()));

/** 按收入性质分 | 按支出性质分: each side's rows are a name and, in the side's last column, an amount. */
function readSplit(
  rows: GridCell[][],
  at: number,
  reader: SheetReader,
  funds: NonNullable<SelfEvaluation['funds']>,
): number {
  const natureAt = rows[at].findIndex((c) => normalized(c).startsWith('按支出性质分'));
  const end = rows[at].length;
  const sides = [
    { key: 'byIncome', from: 0, to: natureAt > 0 ? natureAt : end },
    { key: 'byNature', from: natureAt, to: lastColumn(rows[at]) + 1 },
  ] as const;
  let i = at + 1;
  for (; i < rows.length && isSplitRow(rows[i], sides); i++)
    for (const side of sides) {
      if (side.from < 0) continue;
      const cells = rows[i].slice(side.from, side.to);
      if (isBlank(cells)) continue;
      const amount = cells.findLast((c) => !c.covered && c !== cells[0]);
      (funds[side.key] ??= []).push([reader.required(cells[0], '资金来源名称'), reader.figure(amount)]);
    }
  return i;
}

/** Last column a row's cells reach, counting a merged cell's covered cells. */
function lastColumn(row: GridCell[]): number {
  let last = row.findLastIndex((c) => !c.covered && c.text.trim());
  while (row[last + 1]?.covered) last++;
  return last;
}

const isSplitRow = (row: GridCell[], sides: readonly { from: number }[]) =>
  !row.some((c) => ['预期目标', '一级指标'].includes(normalized(c))) &&
  sides.some((s) => s.from >= 0 && !!row[s.from]?.text.trim());

function readGoals(rows: GridCell[][], at: number, reader: SheetReader, parts: Parts): number {
  const [expected, actual] = columnsOf(rows[at], ['预期目标', '实际完成情况']);
  const row = rows[at + 1];
  if (!row) reader.error(rows[at][expected], '预期目标下面应有一行目标和完成情况');
  parts.goals = { expected: reader.multiline(row?.[expected]), actual: reader.multiline(row?.[actual]) };
  return at + 1;
}

const LEVEL_RE = /^(.*?)（(\d+(?:\.\d+)?)分(?:，得(\d+(?:\.\d+)?)分)?）$/s;

/** "效益指标（30分）" → name and the weight (and score) the form states for the level. */
function level(text: string | null): { name: string | null; weight?: string; score?: string } {
  const m = text ? LEVEL_RE.exec(text) : null;
  if (!m) return { name: text };
  return { name: m[1] || null, weight: m[2], ...(m[3] ? { score: m[3] } : {}) };
}

/** A level starts where its cell holds a name or starts a merge; a covered or empty cell continues it. */
const startsLevel = (cell: GridCell | undefined) =>
  !!cell && !cell.covered && (!!cell.text.trim() || cell.rowspan > 1);

function readIndicators(rows: GridCell[][], at: number, reader: SheetReader, parts: Parts): number {
  const [l1, l2, name, target, actual, weight, score, deviation] = columnsOf(rows[at], INDICATOR_COLUMNS);
  const width = Math.max(l1, l2, name, target, actual, weight, score, deviation) + 1;
  let current1: Level1 | undefined;
  let current2: Level2 | undefined;
  let i = at + 1;
  for (; i < rows.length; i++) {
    const row = rows[i];
    if (normalized(row[0]) === '总分') {
      reader.beyond(row, width, '总分行');
      parts.total = {
        weight: reader.figure(row[weight], 'score'),
        score: reader.figure(row[score], 'score'),
      };
      continue;
    }
    if (columnsOf(row, ['年初预算数'])[0] > 0 || row.some((c) => normalized(c) === '预期目标')) break;
    reader.beyond(row, width, '绩效指标');
    if (!current1 || startsLevel(row[l1])) {
      current1 = { ...level(reader.text(row[l1])), children: [] };
      current2 = undefined;
      parts.indicators.push(current1);
      if (isBlank(row.slice(l1 + 1, width))) continue;
    }
    if (!current2 || startsLevel(row[l2])) {
      current2 = { ...level(reader.text(row[l2])), rows: [] };
      current1.children.push(current2);
    }
    current2.rows.push([
      reader.text(row[name]),
      reader.text(row[target]),
      reader.text(row[actual]),
      reader.figure(row[weight], 'score'),
      reader.figure(row[score], 'score'),
      reader.text(row[deviation]),
    ]);
  }
  return i - 1;
}

export function readSelfEvaluation(frame: Frame, reader: SheetReader): SelfEvaluation {
  const parts = readEvaluation(frame, reader);
  const department = [...parts.identity].find(([label]) => label.endsWith('部门名称'))?.[1];
  return {
    form: '整体支出绩效自评表',
    ...identification(frame, reader),
    ...(frame.derivedFrom ? { derivedFrom: frame.derivedFrom } : {}),
    ...(department ? { department } : {}),
    ...evaluationBody(parts),
    ...closing(frame),
  };
}

export function readProjectEvaluation(frame: Frame, reader: SheetReader): ProjectEvaluation {
  const parts = readEvaluation(frame, reader);
  const project = [...parts.identity].find(([label]) => /^项目(支出)?名称$/.test(label))?.[1] ?? null;
  if (project === null) reader.error(undefined, '缺少项目名称：表格第一行应为“项目支出名称 | 项目名称”');
  return {
    form: '项目支出绩效自评表',
    ...identification(frame, reader),
    project: project ?? '',
    department: parts.identity.get('主管部门') ?? null,
    implementer: parts.identity.get('实施单位') ?? null,
    ...evaluationBody(parts),
    ...closing(frame),
  };
}

const evaluationBody = (parts: Parts) => ({
  ...(parts.funds ? { funds: parts.funds } : {}),
  ...(parts.goals ? { goals: parts.goals } : {}),
  indicators: parts.indicators,
  ...(parts.total ? { total: parts.total } : {}),
});

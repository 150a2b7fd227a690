import type { z } from 'zod';
import {
  DOTS_RE,
  fundsHeadings,
  indicatorHeadings,
  STANDARD_FUNDS_HEADINGS,
  STANDARD_INDICATOR_HEADINGS,
  type baseDataTable,
  type FundsColumn,
  type IndicatorColumn,
  type ProjectEvaluationInput,
  type FundsInput,
  type SelfEvaluationInput,
} from '../content/schema/performance.ts';
import { AMOUNT_RE, NOT_APPLICABLE, PERCENT_RE } from '../fiscal/numbers.ts';
import type { GridCell } from './grid.ts';
import { cellTexts, isBlank, type Frame } from './frame.ts';
import { normalized, type SheetReader } from './cells.ts';

/** The 绩效自评 forms read back from their sheets: 基础数据表, 整体支出 and 项目支出 自评表. */

type BaseData = z.input<typeof baseDataTable>;
type SelfEvaluation = SelfEvaluationInput;
type ProjectEvaluation = ProjectEvaluationInput;
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

/**
 * The column a printed heading names, by the schema's own list: tried beside the standard headings
 * (without the one of the same column), so the columns every table needs are there. A heading the
 * schema does not know gives its message instead.
 */
function resolveHeading<C extends { key: string; heading: string }>(
  schema: z.ZodType<C[], unknown>,
  standard: readonly string[],
  heading: string,
): C | string {
  const tries = [
    [heading, ...standard],
    ...standard.map((_, j) => [heading, ...standard.filter((_, k) => k !== j)]),
  ];
  for (const list of tries) {
    const parsed = schema.safeParse(list);
    if (parsed.success) return parsed.data[0];
  }
  const alone = schema.safeParse([heading]);
  return alone.error?.issues.find((i) => i.path[0] === 0)?.message ?? `栏目“${heading}”不认识`;
}

/** A header cell's text as a heading: line breaks and spaces typed inside it go. */
const headingText = (cell: GridCell) => cell.text.replace(/\s+/g, '');

/** The header cells from `from` on, each resolved to its column and where it stands; problems at their cells. */
function readHeadings<C extends { key: string; heading: string }>(
  row: GridCell[],
  from: number,
  schema: z.ZodType<C[], unknown>,
  standard: readonly string[],
  reader: SheetReader,
  block: string,
): (C & { at: number })[] {
  const out: (C & { at: number })[] = [];
  row.forEach((cell, at) => {
    if (at < from || cell.covered || !cell.text.trim()) return;
    const column = resolveHeading(schema, standard, headingText(cell));
    const same = typeof column === 'string' ? undefined : out.find((c) => c.key === column.key);
    if (typeof column === 'string') reader.error(cell, `${block}表头：${column}`);
    else if (same)
      reader.error(
        cell,
        `${block}表头：栏目“${column.heading}”与前面的“${same.heading}”是同一栏，每栏只能有一个：请删去一个`,
      );
    else out.push({ ...column, at });
  });
  return out;
}

/** Column of each header label in a header row (matched by its start), -1 when absent. */
const columnsOf = (row: GridCell[], labels: string[]) =>
  labels.map((label) => row.findIndex((c) => !c.covered && normalized(c).startsWith(label)));

const AMOUNT_KEYS: readonly string[] = ['initial', 'fullYear', 'executed'];

/** The header of a funds block: a name cell, then headings among which an amount column (年初预算数 …). */
const isFundsHeader = (row: GridCell[] | undefined) =>
  !!row?.[0]?.text.trim() &&
  row.some((cell, at) => {
    if (at === 0 || cell.covered || !cell.text.trim() || isFigure(cell.text.trim())) return false;
    const column = resolveHeading(fundsHeadings, STANDARD_FUNDS_HEADINGS, headingText(cell));
    return typeof column !== 'string' && AMOUNT_KEYS.includes(column.key);
  });

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

interface Parts {
  identity: Map<string, string | null>;
  funds?: FundsInput;
  goals?: NonNullable<SelfEvaluation['goals']>;
  indicatorColumns?: string[];
  indicators: Level1[];
  total?: SelfEvaluation['total'];
}

/**
 * The blocks of an evaluation form in any order: identity rows, 资金 (under its label's line where
 * its name column is headed 资金来源), 年度总体目标, 指标, 总分.
 */
function readEvaluation(frame: Frame, reader: SheetReader): Parts {
  const parts: Parts = { identity: new Map(), indicators: [] };
  const rows = filled(frame.rows);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const first = normalized(row[0]);
    if (isFundsHeader(row)) i = readFunds(rows, i, reader, parts, null);
    else if (cellTexts(row).length === 1 && row[0]?.text.trim() && isFundsHeader(rows[i + 1]))
      i = readFunds(rows, i + 1, reader, parts, reader.text(row[0]));
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

/** A funds cell by its column: 原因 is text, 分值 and 得分 scores, 执行率 a percentage, the rest amounts. */
function fundsCell(key: FundsColumn['key'], cell: GridCell | undefined, reader: SheetReader): string | null {
  if (key === 'reason') return reader.text(cell);
  if (key === 'weight' || key === 'score') return reader.figure(cell, 'score');
  return reader.figure(cell, key === 'rate' ? 'percent' : 'amount');
}

/**
 * The funds block from its header row `at`: the label is the header's first cell, or the line
 * above it (`caption`) where that cell heads the name column (资金来源).
 */
function readFunds(
  rows: GridCell[][],
  at: number,
  reader: SheetReader,
  parts: Parts,
  caption: string | null,
): number {
  const header = rows[at];
  const columns = readHeadings(header, 1, fundsHeadings, STANDARD_FUNDS_HEADINGS, reader, '资金');
  const headings = columns.map((c) => c.heading);
  const first = reader.required(header[0], caption === null ? '资金栏名' : '资金名称栏的栏名');
  const funds: FundsInput = {
    label: caption ?? first,
    ...(caption !== null ? { nameHeading: first } : {}),
    ...(sameList(headings, STANDARD_FUNDS_HEADINGS) ? {} : { columns: headings }),
    rows: [],
  };
  const width = Math.max(0, ...columns.map((c) => c.at)) + 1;
  let i = at + 1;
  for (; i < rows.length && !/^按收入性质分/.test(normalized(rows[i][0])); i++) {
    const row = rows[i];
    if (!isFundsRow(row, columns)) break;
    reader.beyond(row, width, funds.label);
    funds.rows.push([
      reader.required(row[0], '资金项目名称'),
      ...columns.map((c) => fundsCell(c.key, row[c.at], reader)),
    ]);
  }
  if (i < rows.length && /^按收入性质分/.test(normalized(rows[i][0]))) i = readSplit(rows, i, reader, funds);
  parts.funds = funds;
  return i - 1;
}

/** A row of the block: a name, and figures (or blanks) in every column but 原因. */
const isFundsRow = (row: GridCell[], columns: { key: string; at: number }[]) =>
  !!row[0]?.text.trim() &&
  columns.every((c) => c.key === 'reason' || !row[c.at]?.text.trim() || isFigure(row[c.at].text.trim()));

/** 按收入性质分 | 按支出性质分: each side's rows are a name and, in the side's last column, an amount. */
function readSplit(rows: GridCell[][], at: number, reader: SheetReader, funds: FundsInput): number {
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

/** "指标2：": the name a placeholder row prints. */
const PLACEHOLDER_NAME_RE = /^指标\s*\d+\s*[：:]?$/;

/**
 * A placeholder row (指标2：……): no 分值 or 得分 (blank or dots), and dots in some cell, a name
 * like 指标2：, or the muted colour the export gives such rows. A row that prints nothing of the
 * kind is read as an indicator, blank where the form is blank.
 */
function isPlaceholder(row: GridCell[], columns: (IndicatorColumn & { at: number })[]): boolean {
  const texts = new Map(
    columns.map((c) => [c.key, row[c.at]?.covered ? '' : (row[c.at]?.text.trim() ?? '')]),
  );
  const unscored = (['weight', 'score'] as const).every((k) => !texts.get(k) || DOTS_RE.test(texts.get(k)!));
  return (
    unscored &&
    ([...texts.values()].some((t) => DOTS_RE.test(t)) ||
      PLACEHOLDER_NAME_RE.test(texts.get('name') ?? '') ||
      columns.some((c) => row[c.at]?.muted))
  );
}

function readIndicators(rows: GridCell[][], at: number, reader: SheetReader, parts: Parts): number {
  const header = rows[at];
  const l1 = header.findIndex((c) => normalized(c) === '一级指标');
  const l2 = header.findIndex((c) => normalized(c) === '二级指标');
  if (l2 < 0) reader.error(header[l1], '绩效指标表头缺少“二级指标”：应为 一级指标、二级指标、三级指标……');
  const columns = readHeadings(
    header,
    Math.max(l1, l2) + 1,
    indicatorHeadings,
    STANDARD_INDICATOR_HEADINGS,
    reader,
    '绩效指标',
  );
  const headings = columns.map((c) => c.heading);
  if (!sameList(headings, STANDARD_INDICATOR_HEADINGS)) parts.indicatorColumns = headings;
  const cellOf = (row: GridCell[], key: IndicatorColumn['key']) => {
    const column = columns.find((c) => c.key === key);
    return column ? row[column.at] : undefined;
  };
  const width = Math.max(l1, l2, ...columns.map((c) => c.at)) + 1;
  let current1: Level1 | undefined;
  let current2: Level2 | undefined;
  let i = at + 1;
  for (; i < rows.length; i++) {
    const row = rows[i];
    if (normalized(row[0]) === '总分') {
      reader.beyond(row, width, '总分行');
      parts.total = {
        weight: reader.figure(cellOf(row, 'weight'), 'score'),
        score: reader.figure(cellOf(row, 'score'), 'score'),
      };
      continue;
    }
    if (isFundsHeader(row) || row.some((c) => normalized(c) === '预期目标')) break;
    if (cellTexts(row).length === 1 && isFundsHeader(rows[i + 1])) break;
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
    if (isPlaceholder(row, columns))
      current2.rows.push({ placeholder: columns.map((c) => reader.text(row[c.at])) });
    else
      current2.rows.push(
        columns.map((c) =>
          c.key === 'weight' || c.key === 'score'
            ? reader.figure(row[c.at], 'score')
            : reader.text(row[c.at]),
        ),
      );
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
  ...(parts.indicatorColumns ? { indicatorColumns: parts.indicatorColumns } : {}),
  indicators: parts.indicators,
  ...(parts.total ? { total: parts.total } : {}),
});

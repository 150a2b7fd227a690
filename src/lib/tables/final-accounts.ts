import { FORMS, rowLabel, type FinalAccountsTableId, type NumberedRow } from '../fiscal/forms.ts';
import { codeLevel } from '../fiscal/classification.ts';
import type {
  CodedTable,
  FinalAccountsTables,
  Table01,
  Table04,
  Table06,
  Table09,
} from '../content/schema/final-accounts.ts';
import { associate, figure, textCell, th, type FormModel, type ModelCell, type TableModel } from './model.ts';

/** The nine 决算 tables in their official layouts (公开01表–公开09表). */

const colNo = (text: string): ModelCell => ({ text, kind: 'text' });

function form(
  id: FinalAccountsTableId,
  t: { department?: string | null; notes?: string[]; emptyStatement?: string | null },
  table: Omit<TableModel, 'caption'>,
): FormModel {
  const f = FORMS[id];
  return {
    id,
    number: f.number,
    title: f.title,
    department: t.department ?? '',
    unit: '万元',
    tables: [associate({ caption: `${f.number} ${f.title}`, ...table }, id)],
    notes: t.notes ?? [],
    emptyStatement: t.emptyStatement ?? null,
    footer: null,
  };
}

/** A side of a two-sided table: [项目, 行次, values…] cells of one printed row, or blanks past its end. */
function side(row: NumberedRow | undefined, width: number): ModelCell[] {
  if (!row) return [textCell(null), textCell(null), ...Array.from({ length: width }, () => figure(null))];
  const name = row.name === null ? textCell(null) : th(row.name, 'row', { level: row.level });
  return [name, colNo(String(row.line)), ...row.values.map(figure)];
}

function twoSided(id: 't01' | 't04', t: Table01 | Table04): FormModel {
  const incomeLabel = FORMS[id].income![0].label;
  const outCols = FORMS[id].columns.map((c) => c.label);
  const rows = Math.max(t.income.length, t.expenditure.length);
  const head: ModelCell[][] = [
    [th('收入', 'colgroup', { colspan: 3 }), th('支出', 'colgroup', { colspan: 2 + outCols.length })],
    [
      th('项目', 'col'),
      th('行次', 'col'),
      th(incomeLabel, 'col'),
      th('项目', 'col'),
      th('行次', 'col'),
      ...outCols.map((l) => th(l, 'col')),
    ],
  ];
  const columnNumbers = [
    colNo('栏次'),
    colNo(''),
    colNo('1'),
    colNo('栏次'),
    colNo(''),
    ...outCols.map((_, i) => colNo(String(i + 2))),
  ];
  const body = Array.from({ length: rows }, (_, i) => [
    ...side(t.income[i], 1),
    ...side(t.expenditure[i], outCols.length),
  ]);
  return form(id, t, { head, body, columnNumbers });
}

/** Two header rows over amount columns: a column alone spans both, a group spans its columns' heads. */
function columnHeads(columns: (typeof FORMS)[FinalAccountsTableId]['columns']): ModelCell[][] {
  const head: ModelCell[][] = [[], []];
  columns.forEach((c, i) => {
    if (!c.group) head[0].push(th(c.label, 'col', { rowspan: 2 }));
    else {
      if (columns[i - 1]?.group !== c.group)
        head[0].push(th(c.group, 'colgroup', { colspan: columns.filter((x) => x.group === c.group).length }));
      head[1].push(th(c.label, 'col'));
    }
  });
  return head;
}

/** Tables by functional code with a 合计 row (02, 03, 05, 07, 08). */
function coded(id: 't02' | 't03' | 't05' | 't07' | 't08', t: CodedTable): FormModel {
  const f = FORMS[id];
  const [top, below] = columnHeads(f.columns);
  const head: ModelCell[][] = [
    [th('项目', 'colgroup', { colspan: 2 }), ...top],
    [th(f.codeLabel ?? '科目编码', 'col'), th('科目名称', 'col'), ...below],
  ];
  const columnNumbers = [colNo('栏次'), colNo(''), ...f.columns.map((_, i) => colNo(String(i + 1)))];
  const body: ModelCell[][] = [
    [th('合计', 'row', { colspan: 2 }), ...t.total.map(figure)],
    ...t.rows.map((r) => [
      textCell(r.code),
      th(r.name, 'row', { level: codeLevel(r.code) }),
      ...r.values.map(figure),
    ]),
    ...Array.from({ length: t.blankRows ?? 0 }, () =>
      Array.from({ length: f.columns.length + 2 }, () => textCell(null)),
    ),
  ];
  return form(id, t, { head, body, columnNumbers });
}

function table06(t: Table06): FormModel {
  const head = [
    [0, 1, 2].flatMap(() => [th('经济分类科目编码', 'col'), th('科目名称', 'col'), th('决算数', 'col')]),
  ];
  const rows = Math.max(...t.groups.map((g) => g.length));
  const body: ModelCell[][] = Array.from({ length: rows }, (_, i) =>
    t.groups.flatMap((g) => {
      const r = g[i];
      return r
        ? [textCell(r.code), th(r.name, 'row', { level: codeLevel(r.code) }), figure(r.values[0])]
        : [textCell(null), textCell(null), figure(null)];
    }),
  );
  body.push([
    th(rowLabel('t06', 'personnelTotal'), 'row', { colspan: 2 }),
    figure(t.personnelTotal),
    th(rowLabel('t06', 'publicTotal'), 'row', { colspan: 5 }),
    figure(t.publicTotal),
  ]);
  return form('t06', t, { head, body });
}

function table09(t: Table09): FormModel {
  const { columns } = FORMS.t09;
  // The columns are printed twice: under 预算数, then under 决算数.
  const half = (label: string): ModelCell[][] => [
    [th(label, 'colgroup', { colspan: columns.length })],
    ...columnHeads(columns),
  ];
  const [b, a] = [half(rowLabel('t09', 'budget')), half(rowLabel('t09', 'actual'))];
  const head = b.map((row, i) => [...row, ...a[i]]);
  const columnNumbers = Array.from({ length: 2 * columns.length }, (_, i) => colNo(String(i + 1)));
  return form('t09', t, { head, body: [[...t.budget.map(figure), ...t.actual.map(figure)]], columnNumbers });
}

export function finalAccountsForms(tables: FinalAccountsTables): Record<FinalAccountsTableId, FormModel> {
  return {
    t01: twoSided('t01', tables.t01),
    t02: coded('t02', tables.t02),
    t03: coded('t03', tables.t03),
    t04: twoSided('t04', tables.t04),
    t05: coded('t05', tables.t05),
    t06: table06(tables.t06),
    t07: coded('t07', tables.t07),
    t08: coded('t08', tables.t08),
    t09: table09(tables.t09),
  };
}

import {
  FINAL_ACCOUNTS_TABLE_IDS,
  FORMS,
  standaloneLabel,
  type FinalAccountsTableId,
} from '../fiscal/forms.ts';
import { chineseNumeral } from './chinese-numerals.ts';
import { titleExample, type ScaffoldContext } from './context.ts';
import {
  EMPTY_STATEMENTS,
  GLOSSARY,
  NOTES,
  T01_EXPENDITURE,
  T01_INCOME,
  T04_EXPENDITURE,
  T04_INCOME,
  T06_GROUPS,
  type Line,
} from './final-accounts-form.ts';
import { todo, todoInline, todoText } from './placeholders.ts';
import { blocks, section } from './narrative.ts';
import { frame, header } from './report-frame.ts';
import { flow, flowMap, indent, scalar, type Item } from './yaml-text.ts';

/** The 部门决算 scaffold: the nine tables with their standard lines, every amount to fill in. */

const width = (id: FinalAccountsTableId) => FORMS[id].columns.length;
const columns = (id: FinalAccountsTableId) => FORMS[id].columns.map(standaloneLabel).join('、');
const todos = (n: number): Item[] => Array.from({ length: n }, () => todo);
const caption = (id: FinalAccountsTableId) => `${FORMS[id].number} ${FORMS[id].title}`;

/** A numbered line: amounts to fill in, or blank (~) where the form prints only its 行次. */
const lineRow = (n: number) => (line: Line) =>
  `- ${flow([line[0], line[1], ...(line[1] === null ? Array(n).fill(null) : todos(n))])}`;

const notes = (id: FinalAccountsTableId) => ['notes:', ...NOTES[id].map((n) => `  - ${scalar(n)}`)];

function twoSided(id: 't01' | 't04', income: Line[], expenditure: Line[], what: string) {
  const n = width(id);
  return [
    `${id}: # ${caption(id)}：[行次, 项目, ${what}]；行次与项目按表式，填金额`,
    '  income:',
    ...indent(4, income.map(lineRow(1))),
    '  expenditure:',
    ...indent(4, expenditure.map(lineRow(n))),
    ...indent(2, notes(id)),
  ];
}

function coded(id: 't02' | 't03' | 't05' | 't07' | 't08') {
  const n = width(id);
  const lines = [
    `${id}: # ${caption(id)}`,
    `  total: ${flow(todos(n))} # 合计行：${columns(id)}`,
    `  rows: # [科目编码, 科目名称, ${columns(id)}]：原文的每个类、款、项一行，照原文顺序；复制下面这一行`,
    `    - ${flow([todo, todoText('科目名称'), ...todos(n)])}`,
    ...indent(2, notes(id)),
  ];
  if (id === 't07' || id === 't08')
    lines.push(
      `  # 本表无数据时：total 全写 ~，rows: []，blankRows: 写原文的空行数，并照录说明：`,
      `  # emptyStatement: ${EMPTY_STATEMENTS[id]}`,
    );
  return lines;
}

function table06() {
  const id = 't06';
  return [
    `${id}: # ${caption(id)}：三栏 [经济分类科目编码, 科目名称, 决算数]，按表式，填金额`,
    '  groups:',
    ...T06_GROUPS.flatMap((group) =>
      group.map(([code, name], i) => `${i === 0 ? '    - - ' : '      - '}${flow([code, name, todo])}`),
    ),
    `  personnelTotal: ${todo} # 人员经费合计`,
    `  publicTotal: ${todo} # 公用经费合计`,
    ...indent(2, notes(id)),
  ];
}

function table09() {
  const id = 't09';
  return [
    `${id}: # ${caption(id)}：${columns(id)}`,
    `  budget: ${flow(todos(width(id)))} # 预算数，栏次 1–6`,
    `  actual: ${flow(todos(width(id)))} # 决算数，栏次 7–12`,
    ...indent(2, notes(id)),
  ];
}

const glossary = () => [
  'glossary: # 名词解释：与原文逐条核对，条目、编号与文字不同处按原文改',
  ...GLOSSARY.map(
    ([term, definition], i) => `  - ${flowMap({ label: chineseNumeral(i + 1), term, definition })}`,
  ),
];

export function finalAccountsYaml(c: ScaffoldContext): string {
  return [
    ...header('部门决算', c),
    '# 表的行次、行名与注按 2022 年度公开表式；原文表式不同处按原文改。',
    ...frame('部门决算', c, `报告标题，照录原文（${titleExample(c, '部门决算')}）`),
    '# conclusion: { score: 98, grade: 优 } 原文写明整体绩效自评得分与等级时填写',
    'tables:',
    ...indent(2, [
      ...twoSided('t01', T01_INCOME, T01_EXPENDITURE, '决算数'),
      ...coded('t02'),
      ...coded('t03'),
      ...twoSided('t04', T04_INCOME, T04_EXPENDITURE, `金额 或 ${columns('t04')}`),
      ...coded('t05'),
      ...table06(),
      ...coded('t07'),
      ...coded('t08'),
      ...table09(),
    ]),
    ...glossary(),
    '',
  ].join('\n');
}

/** Headings of a 决算 narrative (from the committed final-accounts.md), a placeholder under each. */
export function finalAccountsMarkdown(c: ScaffoldContext): string {
  const y = c.year;
  const name = c.officeName ?? todoInline('机构全称');
  return blocks([
    '## 第一部分',
    `## ${name}概况`,
    ...section('### 一、部门职责', '部门职责（每项一段，如“1、……”）'),
    ...section('### 二、机构设置及决算单位构成', '（一）内设机构设置、（二）决算单位构成'),
    '## 第二部分',
    '## 部门决算表',
    ...FINAL_ACCOUNTS_TABLE_IDS.map((id) => `::table{ref=${id}}`),
    '## 第三部分',
    `## ${y}年度部门决算情况说明`,
    ...section('### 一、收入支出决算总体情况说明'),
    ...section('### 二、收入决算情况说明'),
    ...section('### 三、支出决算情况说明'),
    ...section('### 四、财政拨款收入支出决算总体情况说明'),
    '### 五、一般公共预算财政拨款支出决算情况说明',
    ...section('#### （一）财政拨款支出决算总体情况'),
    ...section('#### （二）财政拨款支出决算结构情况'),
    ...section(
      '#### （三）财政拨款支出决算具体情况',
      '财政拨款支出决算具体情况；逐项的标题（如“1、一般公共服务支出（类）……（项）。”）写作 ##### 标题',
    ),
    ...section('### 六、一般公共预算财政拨款基本支出决算情况说明'),
    '### 七、财政拨款三公经费支出决算情况说明',
    ...section('#### （一）“三公”经费财政拨款支出决算总体情况说明'),
    ...section('#### （二）“三公”经费财政拨款支出决算具体情况说明'),
    ...section('### 八、政府性基金预算收入支出决算情况'),
    ...section('### 九、国有资本经营预算收入支出决算情况'),
    ...section('### 十、关于机关运行经费支出说明'),
    ...section('### 十一、一般性支出情况说明'),
    ...section('### 十二、关于政府采购支出说明'),
    ...section('### 十三、关于国有资产占用情况说明'),
    `### 十四、关于${y}年度预算绩效情况的说明`,
    ...section('#### （一）部门整体支出绩效情况', '部门整体支出绩效情况（其下小标题写作 ##### 标题）'),
    ...section('#### （二）存在的问题及原因分析'),
    '## 第四部分',
    '## 名词解释',
    '::glossary',
  ]);
}

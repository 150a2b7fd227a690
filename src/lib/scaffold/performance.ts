import { titleExample, type ScaffoldContext } from './context.ts';
import {
  BASE_DATA_NOTE,
  BUILDINGS_COLUMNS,
  BY_INCOME,
  BY_NATURE,
  COST_LINES,
  EXECUTION_WEIGHT,
  INDICATOR_TREE,
  PROJECT_FUND_SOURCES,
  type CostLine,
} from './performance-form.ts';
import { todo, todoText } from './placeholders.ts';
import { blocks, section } from './narrative.ts';
import { frame, header } from './report-frame.ts';
import { entry, flow, flowMap, indent, raw, scalar, type Item } from './yaml-text.ts';

/** The 部门整体支出绩效自评 scaffold: 基础数据表, 整体支出 自评表 and one 项目支出 自评表. */

const todos = (n: number): Item[] => Array.from({ length: n }, () => todo);

function costLine(line: CostLine): string[] {
  const values = flow(todos(3));
  if (!line.parts && !line.ofWhich) return [`- ${flowMap({ name: line.name, values: raw(values) })}`];
  const sub = (key: string, rows?: CostLine[]) =>
    rows ? [`  ${key}:`, ...indent(4, rows.flatMap(costLine))] : [];
  return [
    `- ${entry('name', line.name)}`,
    `  values: ${values}`,
    ...sub('parts', line.parts),
    ...sub('ofWhich', line.ofWhich),
  ];
}

function baseData(c: ScaffoldContext): string[] {
  const y = c.year;
  return [
    'base-data: # 部门整体支出绩效评价基础数据表',
    '  form: 基础数据表',
    '  label: 附件1',
    `  ${entry('title', `${y}年度部门整体支出绩效评价基础数据表`)}`,
    '  staffing:',
    '    label: 财政供养人员情况（人）',
    `    columns: ${flow(['编制数', `${y}年实际在职人数`, '控制率'])}`,
    `    values: ${flow(todos(3))}`,
    '  costs:',
    '    label: 经费控制情况（万元）',
    `    columns: ${flow([`${y - 1}年决算数`, `${y}年预算数`, `${y}年决算数`])}`,
    '    rows: # 编号的分项（parts）相加等于上级；“其中”行（ofWhich）是上级的一部分',
    ...indent(6, COST_LINES.flatMap(costLine)),
    '  sections:',
    `    - ${entry('label', `楼堂馆所控制情况（${y}年完工项目）`)}`,
    `      columns: ${flow(BUILDINGS_COLUMNS)}`,
    `      rows: [${flow(todos(BUILDINGS_COLUMNS.length))}]`,
    '    - label: 厉行节约保障措施',
    `      ${entry('text', todoText('厉行节约保障措施，照录原文'))}`,
    `  notes: [${scalar(BASE_DATA_NOTE)}]`,
    '  # footer: 填表人：…  原文表下印有签字栏时照录（含空格）',
  ];
}

const indicatorRow = () =>
  flow([
    todoText('三级指标'),
    todoText('年度指标值'),
    todoText('实际完成值'),
    todo,
    todo,
    todoText('偏差原因分析及改进措施，原文空白写 ~'),
  ]);

/** 一级 → 二级 → one 三级 row to copy: [三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施]. */
const indicators = () => [
  'indicators: # 每个二级指标下，原文每个三级指标一行（复制示例行）；原文没有的二级指标连同其行删去',
  ...INDICATOR_TREE.flatMap((l1) => [
    `  - ${entry('name', l1.name)}`,
    ...(l1.weight
      ? [
          `    ${entry('weight', l1.weight, `表式标明的分值（${l1.name}（${l1.weight}分））；原文未标明时删去`)}`,
        ]
      : []),
    '    children:',
    ...l1.children.flatMap((l2) => [
      `      - ${entry('name', l2)}`,
      '        rows:',
      `          - ${indicatorRow()}`,
    ]),
  ]),
];

const goals = () => [
  'goals:',
  `  ${entry('expected', todoText('年度总体目标（预期目标），照录原文；多行时写作 | 块并保留原文换行'))}`,
  `  ${entry('actual', todoText('实际完成情况，照录原文'))}`,
];

/** [名称, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分]. */
const fundsTotal = () => flow(['年度资金总额', todo, todo, todo, EXECUTION_WEIGHT, todo, todo]);

function selfEvaluation(c: ScaffoldContext): string[] {
  return [
    'self-evaluation: # 部门整体支出绩效自评表',
    '  form: 整体支出绩效自评表',
    '  label: 附件2',
    `  ${entry('title', `${c.year}年度部门整体支出绩效自评表`)}`,
    `  ${entry('department', c.officeName ?? todoText('省级预算部门名称，照录原文'))}`,
    '  funds:',
    '    label: 年度预算申请（万元）',
    '    rows: # [名称, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分]',
    `      - ${fundsTotal()}`,
    '    byIncome:',
    ...BY_INCOME.map((name) => `      - ${flow([name, todo])}`),
    '    byNature:',
    ...BY_NATURE.map((name) => `      - ${flow([name, todo])}`),
    ...indent(2, goals()),
    ...indent(2, indicators()),
    `  total: { weight: 100, score: ${todo} } # 总分行：分值、得分`,
    '  # footer: 填表人：…  原文表下印有签字栏时照录（含空格）',
  ];
}

function project(c: ScaffoldContext): string[] {
  return [
    'projects: # 项目支出绩效自评表，一个项目一张（project-1、project-2 …），正文逐张 ::table{ref=project-N}',
    '  - form: 项目支出绩效自评表',
    '    label: 附件3',
    `    ${entry('title', `${c.year}年度项目支出绩效自评表`)}`,
    `    ${entry('project', todoText('项目名称，照录原文'))}`,
    `    ${entry('department', todoText('主管部门，原文空白写 ~'))}`,
    `    ${entry('implementer', todoText('实施单位，原文空白写 ~'))}`,
    '    funds:',
    '      label: 项目资金（万元）',
    '      rows: # [名称, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分]',
    `        - ${fundsTotal()}`,
    ...PROJECT_FUND_SOURCES.map((name) => `        - ${flow([name, todo, todo, todo, null, todo, null])}`),
    ...indent(4, goals()),
    ...indent(4, indicators()),
    `    total: { weight: 100, score: ${todo} }`,
  ];
}

export function performanceYaml(c: ScaffoldContext): string {
  return [
    ...header('部门整体支出绩效自评', c),
    '# 附表的行与指标按湖南省表式（见 docs/domain.md 六）；原文表式不同处按原文改，原文没有的附表连同正文的 ::table 删去。',
    ...frame(
      '部门整体支出绩效自评',
      c,
      `报告标题，照录原文（${titleExample(c, '部门整体支出绩效自评报告')}）`,
    ),
    '# conclusion: { score: 98, grade: 优 } 原文写明综合得分与等级时填写',
    'tables:',
    ...indent(2, [...baseData(c), '', ...selfEvaluation(c), '', ...project(c)]),
    '',
  ].join('\n');
}

/** The headings of the 湖南省 自评报告 template (as in the committed reports), a placeholder under each. */
export function performanceMarkdown(): string {
  return blocks([
    '## 一、基本情况',
    ...section('### （一）部门（单位）基本情况'),
    ...section('### （二）部门（单位）年度整体支出绩效目标'),
    '## 二、一般公共预算支出情况',
    ...section('### （一）基本支出情况'),
    ...section('### （二）项目支出情况'),
    ...section('## 三、政府性基金预算支出情况'),
    ...section('## 四、国有资本经营预算支出情况'),
    ...section('## 五、社会保险基金预算支出情况'),
    ...section('## 六、部门整体支出绩效情况'),
    ...section('## 七、存在的问题及原因分析'),
    ...section('## 八、下一步改进措施'),
    ...section('## 九、部门整体支出绩效自评结果应用及公开情况'),
    ...section('## 十、其他需要说明的情况'),
    '## 附件1',
    '::table{ref=base-data}',
    '## 附件2',
    '::table{ref=self-evaluation}',
    '## 附件3',
    '::table{ref=project-1}',
  ]);
}

/**
 * The measures the site compares and shows in report headers, each defined once: its key, its
 * Chinese label (what staff write as `measure` of a stated figure), its unit and what it is
 * (which funds; 决算 or 预算). A column of /compare/ is one measure with this one definition.
 */
export const MEASURES = [
  {
    key: 'total',
    label: '支出合计',
    unit: '万元',
    definition:
      '本年支出合计的决算数（全部资金），即基本支出与项目支出之和；报告只分别写出这两项时取其和（标“计算”）。不是收入合计，也不是只含财政拨款的执行数。',
    stated: true,
  },
  {
    key: 'basic',
    label: '基本支出',
    unit: '万元',
    definition: '本年基本支出的决算数（全部资金）：保障机构运转的人员经费和公用经费；不是年初预算数。',
    stated: true,
  },
  {
    key: 'project',
    label: '项目支出',
    unit: '万元',
    definition: '本年项目支出的决算数（全部资金）：为完成特定工作任务的支出；不是年初预算数。',
    stated: true,
  },
  {
    key: 'basicShare',
    label: '基本支出占比',
    unit: '%',
    definition: '计算：基本支出 ÷（基本支出 + 项目支出），两者均为决算数。',
    stated: false,
  },
  {
    key: 'sangong',
    label: '“三公”经费决算',
    unit: '万元',
    definition:
      '“三公”经费（因公出国（境）费、公务用车购置及运行维护费、公务接待费）本年的决算数（实际支出）。',
    stated: true,
  },
  {
    key: 'sangongBudget',
    label: '“三公”经费预算',
    unit: '万元',
    definition: '“三公”经费本年的预算数。',
    stated: true,
  },
  {
    key: 'initialBudget',
    label: '年初预算',
    unit: '万元',
    definition: '本年年初预算批复数的合计（全部资金）；不是调整后的全年预算数。',
    stated: true,
  },
  {
    key: 'reception',
    label: '公务接待费',
    unit: '万元',
    definition: '公务接待费本年的决算数。',
    stated: false,
  },
  {
    key: 'vehicles',
    label: '公务用车购置及运行维护费',
    unit: '万元',
    definition: '公务用车购置费与运行维护费本年的决算数之和。',
    stated: false,
  },
  {
    key: 'abroad',
    label: '因公出国（境）费',
    unit: '万元',
    definition: '因公出国（境）费本年的决算数。',
    stated: false,
  },
  {
    key: 'execution',
    label: '预算执行率',
    unit: '%',
    definition: '自评表所列的预算执行率：全年执行数 ÷ 全年预算数。',
    stated: false,
  },
  {
    key: 'score',
    label: '自评得分',
    unit: '分',
    definition: '部门整体支出绩效自评的总分。',
    stated: false,
  },
  {
    key: 'authorized',
    label: '编制数',
    unit: '人',
    definition: '机构的编制数，按所公布的年度。',
    stated: false,
  },
  {
    key: 'staff',
    label: '实际在职人数',
    unit: '人',
    definition: '年末实际在职人数，按所公布的年度。',
    stated: false,
  },
  {
    key: 'perHead',
    label: '人均支出',
    unit: '万元/人',
    definition: '计算：支出合计 ÷ 实际在职人数。',
    stated: false,
  },
] as const;

export type Measure = (typeof MEASURES)[number];
type MeasureKey = Measure['key'];
/** A measure a report may state in its text only: `statedFigures` in the report YAML. */
export type StatedMeasure = Extract<Measure, { stated: true }>;

const STATED_MEASURES = MEASURES.filter((m): m is StatedMeasure => m.stated);
/** The labels staff write as `measure`. */
export const STATED_LABELS = STATED_MEASURES.map((m) => m.label) as [
  StatedMeasure['label'],
  ...StatedMeasure['label'][],
];

export const measureOf = (key: MeasureKey): Measure => MEASURES.find((m) => m.key === key)!;
export const statedMeasureByLabel = (label: string): StatedMeasure | undefined =>
  STATED_MEASURES.find((m) => m.label === label);

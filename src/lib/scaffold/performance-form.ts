/*
 * The standard lines of the 湖南省 部门整体支出绩效自评 forms, as the committed reports print them
 * (content/hunan-shenzhen/2022/performance.yaml holds all three forms) and docs/domain.md describes
 * them: the 基础数据表's lines, and the 一级/二级 indicator tree of the 自评表.
 */

/** A cost line of the 基础数据表: numbered parts add up to it, "其中" rows are a subset. */
export interface CostLine {
  name: string;
  parts?: CostLine[];
  ofWhich?: CostLine[];
}

const lines = (...names: string[]): CostLine[] => names.map((name) => ({ name }));

export const COST_LINES: CostLine[] = [
  {
    name: '三公经费',
    parts: [
      { name: '1、公务用车购置和维护经费', ofWhich: lines('其中：公车购置', '公车运行维护') },
      ...lines('2、出国经费', '3、公务接待'),
    ],
  },
  {
    name: '项目支出：',
    parts: lines('1、业务工作经费', '2、运行维护经费', '……', '3、省级专项资金（一个专项一行）', '……'),
  },
  { name: '公用经费', ofWhich: lines('其中：办公经费', '水费、电费、差旅费', '会议费、培训费') },
  ...lines('政府采购金额', '部门基本支出预算调整'),
];

export const BUILDINGS_COLUMNS = [
  '批复规模（㎡）',
  '实际规模（㎡）',
  '规模控制率',
  '预算投资（万元）',
  '实际投资（万元）',
  '投资概算控制率',
];

export const BASE_DATA_NOTE =
  '说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。';

/** 一级 indicators with the weight the form states for them, and their 二级 indicators. */
export const INDICATOR_TREE: { name: string; weight?: number; children: string[] }[] = [
  { name: '产出指标', children: ['数量指标', '质量指标', '时效指标', '成本指标'] },
  {
    name: '效益指标',
    weight: 30,
    children: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  },
  { name: '满意度指标', weight: 10, children: ['服务对象满意度指标'] },
];

/** 分值 of 预算执行率, scored in the funds header of both 自评表. */
export const EXECUTION_WEIGHT = 10;

/** 年度预算申请 of the 整体支出 自评表, split by income and by nature. */
export const BY_INCOME = ['其中：一般公共预算', '政府性基金拨款', '纳入专户管理的非税收入拨款', '其他资金'];
export const BY_NATURE = ['其中：基本支出', '项目支出'];

/** 项目资金 rows of the 项目支出 自评表 below 年度资金总额. */
export const PROJECT_FUND_SOURCES = ['其中：当年财政拨款', '上年结转资金', '其他资金'];

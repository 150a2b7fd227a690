/**
 * Chinese queries in the reports' own wording (line items, projects, places, activities,
 * people's roles) and the pages each must find among its first five results.
 */
const HB = '/offices/huaihua-beijing/2022/final-accounts/';
const HP = '/offices/huaihua-beijing/2022/performance/';
const SZ = '/offices/hunan-shenzhen/2022/performance/';
const SH = '/offices/hunan-shanghai/2022/performance/';
const ZJ = '/offices/zhanjiang-guangzhou/2020/performance/';
const GL = '/glossary/';

export const QUERIES: { q: string; expect: string[] }[] = [
  { q: '公务接待费', expect: [HB] },
  { q: '援沪医疗队', expect: [SH] },
  { q: '参事事务', expect: [HB] },
  { q: '异地身份证', expect: [SZ] },
  { q: '湛江大厦', expect: [ZJ] },
  { q: '北京怀化企业商会', expect: [HB, HP] },
  { q: '粤港澳大湾区', expect: [SZ] },
  { q: '长三角', expect: [SH] },
  { q: '机关运行经费', expect: [HB, GL] },
  { q: '公务用车运行维护费', expect: [HB, HP] },
  { q: '四大一促', expect: [SH] },
  { q: '双奥会', expect: [HB, HP] },
  { q: '穿岩山村', expect: [HB, HP] },
  { q: '黑水虻', expect: [HB, HP] },
  { q: '莫拉夫', expect: [ZJ] },
  { q: '绩效评价领导小组', expect: [ZJ] },
  { q: '返乡专列', expect: [SZ] },
  { q: '流动党团员', expect: [SZ] },
  { q: '上海信息', expect: [SH] },
  { q: '工会经费', expect: [HB] },
  { q: '预算调整率', expect: [HB, HP] },
  { q: '沅陵县', expect: [SZ] },
  { q: '全球湘商大会', expect: [SZ] },
  { q: '中联办', expect: [HB, HP] },
  { q: '黄花', expect: [SH] },
  { q: '事业运行', expect: [HB] },
  { q: '国有资本经营预算财政拨款支出决算表', expect: [HB] },
  { q: '劝返', expect: [ZJ, HB, HP] },
  { q: '湘西保靖县', expect: [SH] },
  { q: '信息工作目标管理先进单位', expect: [SZ] },
  { q: '办公用房维修改造', expect: [SH] },
  { q: '税金及附加费用', expect: [HB] },
  { q: '年末结转和结余', expect: [HB, GL] },
  { q: '丰台区', expect: [HP] },
  { q: '组长', expect: [ZJ] },
];

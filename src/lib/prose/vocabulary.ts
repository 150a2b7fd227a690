/**
 * The words an explanation uses for the quantities the data holds. A subject is one quantity
 * (e.g. 基本支出); its aliases are every label form the published explanations use for it. A
 * qualifier word says which figure of the subject a sentence states (年初预算, 决算, 上年 …).
 */

export type Qualifier = 'initialBudget' | 'fullBudget' | 'budget' | 'actual' | 'previous';

export const QUALIFIER_NAMES: Record<Qualifier, string> = {
  initialBudget: '年初预算数',
  fullBudget: '全年预算数',
  budget: '预算数',
  actual: '决算数',
  previous: '上年数',
};

/** Subject → the labels that name it, as printed. */
const SUBJECTS: Record<string, string[]> = {
  收入合计: ['本年收入合计', '收入合计', '决算收入', '总收入'],
  支出合计: [
    '本年支出合计',
    '支出合计',
    '全年支出总计',
    '支出总计',
    '决算支出数',
    '支出总额',
    '全年执行数',
    '年度资金总额',
    '年初预算批复数合计',
    '年初预算数',
    '全年预算数',
  ],
  收支总计: ['收、支总计', '收支总计'],
  结余分配: ['结余分配'],
  财政拨款收支总计: ['财政拨款收、支总计', '财政拨款收支总计'],
  财政拨款收入: ['一般公共预算财政拨款收入', '一般公共预算财政拨款', '一般公共预算拨款', '财政拨款收入'],
  其他收入: ['其他收入'],
  财政拨款支出: ['财政拨款支出'],
  基本支出: ['一般公共预算基本支出总额', '财政拨款基本支出', '基本支出总额', '基本支出'],
  项目支出: ['项目支出总额', '项目支出'],
  人员经费: ['人员经费'],
  机关运行经费: ['机关运行经费'],
  公用经费: ['日常公用经费', '公用经费'],
  工资福利支出: ['工资福利支出'],
  商品和服务支出: ['商品和服务支出'],
  对个人和家庭的补助: ['对个人和家庭的补助', '对个人和家庭补助'],
  三公经费: ['“三公”经费总额', '“三公”经费', '"三公"经费', '三公经费'],
  因公出国费: ['因公出国（境）费', '因公出国出境费用', '出国经费'],
  公务用车费: ['公务用车购置及运行维护费', '公务用车购置费及运行维护费', '公务用车购置和维护经费'],
  公务用车购置费: ['公务用车购置费', '公车购置'],
  公务用车运行维护费: ['公务用车运行维护费', '公务用车维护费', '公车运行维护'],
  公务接待费: ['公务接待费', '公务接待'],
  一般公共服务支出: ['一般公共服务（类）支出', '一般公共服务支出'],
  社会保障和就业支出: ['社会保障和就业（类）支出', '社会保障和就业支出'],
  卫生健康支出: ['卫生健康（类）支出', '卫生健康支出'],
  其他支出: ['其他支出'],
};

/** A label's qualifier when the label itself says it (年初预算数 is the 年初预算 of 支出合计). */
export const LABEL_QUALIFIERS: Record<string, Qualifier> = {
  本年支出合计: 'actual',
  支出合计: 'actual',
  全年支出总计: 'actual',
  支出总计: 'actual',
  本年收入合计: 'actual',
  收入合计: 'actual',
  决算支出数: 'actual',
  全年执行数: 'actual',
  年初预算批复数合计: 'initialBudget',
  年初预算数: 'initialBudget',
  全年预算数: 'fullBudget',
  决算收入: 'actual',
};

/** Labels that put a figure in the 财政拨款 scope. */
export const FISCAL_LABELS = new Set(['财政拨款基本支出', '一般公共预算基本支出总额']);

const ALIASES = Object.entries(SUBJECTS)
  .flatMap(([subject, labels]) => labels.map((label) => ({ label, subject })))
  .sort((a, b) => b.label.length - a.label.length);
const SUBJECT_OF = new Map(ALIASES.map((a) => [a.label, a.subject]));

/** Words that make a label part of a longer name (政府采购支出总额 is not 支出总额). */
const COMPOUND_PREFIXES = ['政府采购', '采购', '货物', '工程', '服务', '会议', '培训', '经费'];

const escape = (s: string) => s.replace(/[.\\^$*+?()[\]{}|-]/g, '\\$&');
/** Longest label first: the regex alternation takes the first alternative that matches. */
export const LABEL_RE = new RegExp(
  `(?<!${COMPOUND_PREFIXES.join('|')})(?:${ALIASES.map((a) => escape(a.label)).join('|')})`,
  'g',
);

export const subjectOf = (label: string) => SUBJECT_OF.get(label)!;

/** Words naming which figure: longest first. */
const QUALIFIER_WORDS: [RegExp, Qualifier][] = [
  [/年初预算|预算批复|年初/, 'initialBudget'],
  [/全年预算|调整后预算/, 'fullBudget'],
  [/预算/, 'budget'],
  [/决算|实际|执行数|执行|支出数/, 'actual'],
  [/上年|去年|上一年/, 'previous'],
];
const QUALIFIER_RE = new RegExp(QUALIFIER_WORDS.map(([re]) => re.source).join('|'), 'g');

/** Fund, unit and document names that contain 预算/决算 without naming a figure. */
const NOT_QUALIFIERS =
  /上年结转|上年结余|一般公共预算|政府性基金预算|国有资本经营预算|预算单位|预算部门|部门预算|部门决算|决算单位|预算范围|预算内|预算之内|预算以内|预算总额之内|预算管理|预算绩效/g;

/** The last qualifier word of a lead-in, or null when it names none. */
export function qualifierIn(text: string): Qualifier | null {
  const words = [...text.replace(NOT_QUALIFIERS, '').matchAll(QUALIFIER_RE)].map((m) => m[0]);
  const last = words.at(-1);
  return last ? QUALIFIER_WORDS.find(([re]) => re.test(last))![1] : null;
}

/** Whether a lead-in names two different figures (预算决算金额均为 …): the amount is not one of them. */
export function namesBoth(text: string): boolean {
  const kinds = new Set(
    [...text.replace(NOT_QUALIFIERS, '').matchAll(QUALIFIER_RE)].map(
      (m) => QUALIFIER_WORDS.find(([re]) => re.test(m[0]))![1],
    ),
  );
  return kinds.has('actual') && [...kinds].some((k) => k !== 'actual' && k !== 'previous');
}

/** A change, not a level: the amount is a difference. */
export const CHANGE_RE = /增加|减少|增长|下降|上升|降低|节约|追加|调整|扣减|超支|多支|少支|节余|增支|减支/;
/** An amount that is not stated exactly, or not as this quantity. */
export const HEDGE_RE =
  /约|近|超过|逾|多于|不足|不到|以上|左右|不少于|不超过|不低于|至少|最多|不含|未含|除|没有|无|争取|计划|预计|力争|目标/;
/** A text that names nothing: what may stand between a subject and its next amount. */
export const FILLER_RE =
  /^[\s，,：:、为是共计合计总额金额数的了其中分别均达到安排支出实际年初全年调整后预算决算执行完成批复情况本年度费用]*$/;
/** Another office named in the sentence: its figures are not this report's. */
export const OTHER_OFFICE_RE = /办事处|联络处|驻[\p{Script=Han}]{1,3}办/gu;

/** A claim that spending stayed within budget. */
export const WITHIN_BUDGET_RE =
  /控制在(?:年初|全年)?预算(?:范围|总额)?[之以]?内|未超(?:过|出)?(?:年初|全年)?预算/g;

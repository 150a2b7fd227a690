/** How the forms number and qualify their line names, and the bare names behind them. */

/** "一、一般公共服务支出": the numbered parts of the two-sided summary tables. */
export const CHINESE_NUMBERING = /^[一二三四五六七八九十]+、/;

/** "八、其他收入" → "其他收入". */
export const bareName = (name: string | null) => (name ?? '').replace(CHINESE_NUMBERING, '').trim();

/** 基础数据表 cost lines: "1、公务用车购置和维护经费" / "其中：公车购置" / "项目支出：" → the line's name. */
export const costLineName = (name: string) => name.replace(/^(\d+、|其中：)/, '').replace(/：$/, '');

/** "效益指标（30分）", or "（30分，得30分）" where the report states a score for the level. */
export function levelName(level: {
  name: string | null;
  weight?: string | null;
  score?: string | null;
}): string {
  const name = level.name ?? '';
  if (!level.weight) return name;
  return `${name}（${level.weight}分${level.score ? `，得${level.score}分` : ''}）`;
}

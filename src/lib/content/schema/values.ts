/*
 * Plausibility of published values beyond their shape: a figure written the way no form prints
 * it (-0.00, 000.00), a date that does not exist, a year outside what the site publishes, a score
 * outside 0–100. Each function returns the message for a refused value, or undefined.
 */

/** The years the site publishes: from 2000 to next year (a budget is published before its year). */
const FIRST_YEAR = 2000;
const LAST_YEAR = new Date().getFullYear() + 1;
export const YEAR_RANGE = `${FIRST_YEAR}–${LAST_YEAR}`;

const NUMBER_RE = /^(-?)(\d+)((?:\.\d+)?)(%?)$/;

/**
 * A number as no form prints it: negative zero (-0, -0.00, -0%) or an integer part padded with
 * zeros (000.00, 01.5). Other text (——, words) is left to the caller's pattern.
 */
export function numberFormProblem(text: string): string | undefined {
  const m = NUMBER_RE.exec(text);
  if (!m) return undefined;
  const [, sign, whole, fraction, percent] = m;
  const unpadded = whole.replace(/^0+(?=\d)/, '');
  if (sign && /^0+$/.test(whole) && /^\.?0*$/.test(fraction))
    return `${text} 是负零：写作 ${unpadded}${fraction}${percent}`;
  if (unpadded !== whole)
    return `${text} 的整数部分有多余的前导零：写作 ${sign}${unpadded}${fraction}${percent}`;
  return undefined;
}

/** A count written with padding ("012"). */
export function countProblem(text: string): string | undefined {
  return /^0\d/.test(text) ? `${text} 有多余的前导零：写作 ${text.replace(/^0+(?=\d)/, '')}` : undefined;
}

export function yearProblem(year: number): string | undefined {
  return year < FIRST_YEAR || year > LAST_YEAR
    ? `年份 ${year} 不在本站收录的范围 ${YEAR_RANGE} 内：核对年份`
    : undefined;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) =>
  [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

/** A YYYY-MM-DD date that does not exist or lies outside the years the site publishes. */
export function dateProblem(text: string): string | undefined {
  const [y, m, d] = text.split('-').map(Number);
  if (m < 1 || m > 12) return `${text} 不是实际存在的日期：月份应为 01–12`;
  if (d < 1 || d > daysIn(y, m)) return `${text} 不是实际存在的日期：${y} 年 ${m} 月只有 ${daysIn(y, m)} 天`;
  if (y < FIRST_YEAR || y > LAST_YEAR) return `日期 ${text} 的年份不在本站收录的范围 ${YEAR_RANGE} 内`;
  return undefined;
}

/** 分值, 得分 and overall scores are out of 100. */
export function scoreProblem(text: string): string | undefined {
  return Number(text) > 100 ? `分数 ${text} 超过满分 100：分数应在 0–100 之间` : undefined;
}

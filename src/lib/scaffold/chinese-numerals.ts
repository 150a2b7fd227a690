const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 14 → 十四, 26 → 二十六 (1–99): how the forms number their lines. */
export function chineseNumeral(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (!tens) return DIGITS[ones];
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}

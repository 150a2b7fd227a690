import { z } from 'zod';
import { AMOUNT_RE, INTEGER_RE, NOT_APPLICABLE, PERCENT_RE } from '../../fiscal/numbers.ts';
import { CODE_RE } from '../../fiscal/classification.ts';

// Messages for issues without a custom text come out in Chinese, like the rest.
z.config(z.locales.zhCN());

/*
 * Scalars arrive as the text they were written with (see content/yaml.ts): numbers are never
 * parsed into floats, so "16.50" and "16.5" stay distinct and exact. A blank cell is `~` (null).
 */

export const text = z.string({ error: '应为文字' }).min(1, { error: '不能为空字符串；空白请写 ~' });
export const optionalText = text.nullable().optional();

export const integer = z
  .string({ error: '应为整数' })
  .regex(INTEGER_RE, { error: '应为整数（如 26）' })
  .transform(Number);

export const year = z
  .string({ error: '应为四位年份（如 2022）' })
  .regex(/^(19|20)\d{2}$/, { error: '应为四位年份（如 2022）' })
  .transform(Number);

export const isoDate = z
  .string({ error: '应为日期 YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '应为日期 YYYY-MM-DD（如 2021-06-08）' });

export const amount = z
  .string({ error: '应为金额（如 12.34）' })
  .regex(AMOUNT_RE, { error: '应为金额（如 12.34）' });

const CELL_HINT = '空白写 ~，不适用写 ——';
/** A table cell: a published amount, "——" (not applicable) or blank. Three different values. */
export const cell = z
  .string({ error: `应为金额（如 12.34）；${CELL_HINT}` })
  .regex(new RegExp(`${AMOUNT_RE.source}|^${NOT_APPLICABLE}$`), {
    error: `应为金额（如 12.34）；${CELL_HINT}`,
  })
  .nullable();
export const percentCell = z
  .string({ error: `应为百分比（如 100%）；${CELL_HINT}` })
  .regex(new RegExp(`${PERCENT_RE.source}|^${NOT_APPLICABLE}$`), {
    error: `应为百分比（如 100%）；${CELL_HINT}`,
  })
  .nullable();
/** A count of people or a figure that may be published as either a count or a percentage. */
export const figureCell = z
  .string({ error: `应为数值或百分比；${CELL_HINT}` })
  .regex(new RegExp(`${AMOUNT_RE.source}|${PERCENT_RE.source}|^${NOT_APPLICABLE}$`), {
    error: `应为数值或百分比；${CELL_HINT}`,
  })
  .nullable();

export const code = z
  .string({ error: '应为科目编码（3、5 或 7 位数字）' })
  .regex(CODE_RE, { error: '应为科目编码（类 3 位、款 5 位、项 7 位数字）' });

/** 注 under a table: its lines as printed, without the leading "注：". */
export const notes = z.array(text).optional();

/** Tuple of `n` cells, with a message that names the expected width. */
export function cells<T extends z.ZodType>(n: number, item: T, what: string) {
  return z.array(item).length(n, { error: `应有 ${n} 个单元格（${what}）` });
}

/**
 * A strict object whose unknown-key error names the keys that are allowed, so a typo is
 * answered with what was expected.
 */
export function record<S extends z.ZodRawShape>(shape: S) {
  const allowed = Object.keys(shape).join('、');
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `未知的键 ${iss.keys.join('、')}；此处允许的键：${allowed}`
        : undefined,
  });
}

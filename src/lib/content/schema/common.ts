import { z } from 'zod';
import { AMOUNT_RE, INTEGER_RE, NOT_APPLICABLE, PERCENT_RE } from '../../fiscal/numbers.ts';
import { CODE_RE } from '../../fiscal/classification.ts';
import { hiddenCharacter, hiddenMessage, showHidden } from './characters.ts';
import { countProblem, dateProblem, numberFormProblem, scoreProblem, yearProblem } from './values.ts';
import { PLACEHOLDER } from '../placeholder.ts';

// Messages for issues without a custom text come out in Chinese, like the rest.
z.config(z.locales.zhCN());

/*
 * Scalars arrive as the text they were written with (see content/yaml.ts): numbers are never
 * parsed into floats, so "16.50" and "16.5" stay distinct and exact. A blank cell is `~` (null).
 */

/**
 * A string whose every character shows what it is: the one refinement every text and figure of
 * the schemas passes first (it aborts, so the message names the character rather than a pattern).
 */
export function visibleString(error: string, opts: { multiline?: boolean } = {}) {
  return z
    .string({ error })
    .refine((s) => !s.startsWith(PLACEHOLDER), {
      abort: true,
      error: `${PLACEHOLDER}：此处尚未填写，请按原文填入（${error}）`,
    })
    .refine((s) => !hiddenCharacter(s, opts), {
      abort: true,
      error: (iss) => hiddenMessage(hiddenCharacter(String(iss.input), opts)!, opts),
    });
}

/** A refinement whose message depends on the value: `problem` returns it, or undefined when fine. */
const plausible = (problem: (s: string) => string | undefined) =>
  [(s: string) => !problem(s), { error: (iss: { input?: unknown }) => problem(String(iss.input)) }] as const;

const EMPTY = { error: '不能为空字符串；空白请写 ~' };

/** Single-line text: names, titles, cells of text. */
export const text = visibleString('应为文字').min(1, EMPTY);
/** Text that keeps its published line breaks (goals, block scalars `|`). */
const multilineText = visibleString('应为文字', { multiline: true }).min(1, EMPTY);
export const optionalText = text.nullable().optional();
export const optionalMultilineText = multilineText.nullable().optional();

export const integer = visibleString('应为整数')
  .regex(INTEGER_RE, { error: '应为整数（如 26）' })
  .refine(...plausible(countProblem))
  .transform(Number);

export const year = visibleString('应为四位年份（如 2022）')
  .regex(/^\d{4}$/, { error: '应为四位年份（如 2022）' })
  .refine(...plausible((s) => yearProblem(Number(s))))
  .transform(Number);

export const isoDate = visibleString('应为日期 YYYY-MM-DD')
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '应为日期 YYYY-MM-DD（如 2021-06-08）' })
  .refine(...plausible(dateProblem));

/** A sum of points as published (a 总分 row may print 110 where its items add up to 110). */
export const points = visibleString('应为分数（如 98）')
  .regex(/^\d+(\.\d+)?$/, { error: '应为分数（不小于 0，如 98）' })
  .refine(...plausible(numberFormProblem));
/** 分值, 得分, an overall score: a number from 0 to 100 as published (98, 7.5). */
export const score = visibleString('应为分数（如 98）')
  .regex(/^\d+(\.\d+)?$/, { error: '应为分数（0–100，如 98）' })
  .refine(...plausible(numberFormProblem))
  .refine(...plausible(scoreProblem));

const CELL_HINT = '空白写 ~，不适用写 ——';
/** A cell that matches one of `patterns` (or is "——"), written as a form prints it. */
function figure(what: string, patterns: RegExp[]) {
  const error = `${what}；${CELL_HINT}`;
  const re = new RegExp([...patterns.map((p) => p.source), `^${NOT_APPLICABLE}$`].join('|'));
  return visibleString(error)
    .regex(re, { error })
    .refine(...plausible(numberFormProblem))
    .nullable();
}

/** A table cell: a published amount, "——" (not applicable) or blank. Three different values. */
export const cell = figure('应为金额（如 12.34）', [AMOUNT_RE]);
export const percentCell = figure('应为百分比（如 100%）', [PERCENT_RE]);
/** A count of people or a figure that may be published as either a count or a percentage. */
export const figureCell = figure('应为数值或百分比', [AMOUNT_RE, PERCENT_RE]);

export const code = visibleString('应为科目编码（3、5 或 7 位数字）').regex(CODE_RE, {
  error: '应为科目编码（类 3 位、款 5 位、项 7 位数字）',
});

/** 注 under a table: its lines as printed, without the leading "注：". */
export const notes = z.array(text).optional();

/** Tuple of `n` cells, with a message that names the expected width. */
export function cells<T extends z.ZodType>(n: number, item: T, what: string) {
  return z.array(item).length(n, { error: `应有 ${n} 个单元格（${what}）` });
}

/**
 * A strict object whose unknown-key error names the keys that are allowed, so a typo is
 * answered with what was expected (an invisible character in a key is spelled out).
 */
export function record<S extends z.ZodRawShape>(shape: S) {
  const allowed = Object.keys(shape).join('、');
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `未知的键 ${iss.keys.map(showHidden).join('、')}；此处允许的键：${allowed}`
        : undefined,
  });
}

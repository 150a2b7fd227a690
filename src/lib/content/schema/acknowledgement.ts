import type { z } from 'zod';
import { record, text } from './common.ts';

/*
 * A finding that is part of the published record: the report is never corrected, the finding is
 * acknowledged with its reason and shown to readers in the page's 数据说明. The acknowledgement
 * records the values it was written for, so it goes stale when they change (checks/run.ts).
 */

const REASON_HINT =
  '确认的理由应是一句说明原文为何如此的话（至少 8 个字符，其中至少 4 个汉字或字母，不能只是重复的同一字符），如“原文如此：公开09表合计 25.12，各项之和 25.13。”';

/** A reason a reader can understand: not empty, not "x", not a row of one character. */
function reasonProblem(reason: string): string | undefined {
  const chars = [...reason.replace(/\s/g, '')];
  const letters = chars.filter((c) => /\p{L}/u.test(c)).length;
  return chars.length < 8 || letters < 4 || new Set(chars).size < 4 ? REASON_HINT : undefined;
}

/** The finding's values as `npm run check -- --json` prints them (expected, actual). */
const values = record({
  expected: text.optional(),
  actual: text.optional(),
}).refine((v) => v.expected !== undefined || v.actual !== undefined, {
  error: 'values 至少写 expected 或 actual 之一；检查结果本身没有数值时省略 values',
});

export const acknowledgement = record({
  /** Rule id, as `npm run check` prints it (e.g. fa.cross.05-06). */
  rule: text,
  /** What it concerns: the subject `npm run check` prints for the finding (e.g. t09.决算数.合计). */
  subject: text,
  /** The values the finding had when it was acknowledged; omitted only for findings without any. */
  values: values.optional(),
  reason: text.refine((r) => !reasonProblem(r), { error: REASON_HINT }),
});

export type Acknowledgement = z.infer<typeof acknowledgement>;
export type AcknowledgedValues = z.infer<typeof values>;

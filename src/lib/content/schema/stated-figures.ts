import { z } from 'zod';
import { AMOUNT_RE } from '../../fiscal/numbers.ts';
import { STATED_LABELS } from '../../measures.ts';
import { numberFormProblem } from './values.ts';
import { record, text, visibleString } from './common.ts';

const MEASURE_HINT = `measure 应为 ${STATED_LABELS.join('、')} 之一（见 docs/content-format.md“只在正文中公布的数字”）`;
const VALUE_HINT = '应为正文所写的金额（如 74.88），写成带引号的文字';

/**
 * A figure the report publishes only in its text, with the sentence that states it: the check
 * prose.stated-figure (checks/stated-figures.ts) finds the sentence in the narrative and the
 * figure in the sentence.
 */
const statedFigure = record({
  measure: z.enum(STATED_LABELS, { error: MEASURE_HINT }),
  value: visibleString(VALUE_HINT)
    .regex(AMOUNT_RE, { error: VALUE_HINT })
    .refine((s) => !numberFormProblem(s), { error: (iss) => numberFormProblem(String(iss.input)) }),
  /** The sentence or clause of the narrative that states it, copied exactly. */
  quote: text,
});

export const statedFigures = z.array(statedFigure).optional();
export type StatedFigure = z.infer<typeof statedFigure>;

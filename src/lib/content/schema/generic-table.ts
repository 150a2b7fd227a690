import { z } from 'zod';
import { notes, optionalText, record, text } from './common.ts';

/** A published table that fits none of the standard forms: header labels and rows of text cells. */
export const genericTable = record({
  form: z.literal('通用表'),
  label: optionalText,
  title: text,
  unit: optionalText,
  columns: z.array(text).min(1),
  rows: z.array(z.array(text.nullable())),
  notes,
  footer: optionalText,
});

export type GenericTable = z.infer<typeof genericTable>;

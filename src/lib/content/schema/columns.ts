import { z } from 'zod';
import { text } from './common.ts';

/*
 * Forms whose columns vary between provinces and years (the funds block, the indicator rows of
 * the 自评表) declare their printed headings; each heading names a column by meaning, so a cell
 * is addressed by name (`executed`, `weight`) wherever the form prints it.
 */

export interface ColumnSpec<K extends string> {
  key: K;
  /** Headings printed for this column, before any parenthetical ("执行率（C=B/A）"). */
  headings: readonly string[];
  /** The schema of a cell in this column. */
  cell: z.ZodType<string | null, unknown>;
  required?: boolean;
}

export interface Column<K extends string> {
  key: K;
  /** The heading as printed. */
  heading: string;
}

/** "执行率（C=B/A）" → "执行率": the parenthetical a form adds to a heading does not change its meaning. */
const bareHeading = (heading: string) => heading.replace(/\s*[（(][^（()）]*[）)]$/, '');

/** The printed headings, each resolved to its column; unknown, repeated or missing ones are refused. */
export function headings<K extends string>(specs: readonly ColumnSpec<K>[]) {
  const accepted = specs.map((s) => s.headings.join('/')).join('、');
  return z.array(text).transform((list, ctx): Column<K>[] => {
    const out: Column<K>[] = [];
    list.forEach((heading, i) => {
      const spec = specs.find((s) => s.headings.includes(bareHeading(heading)));
      if (!spec)
        ctx.addIssue({
          code: 'custom',
          path: [i],
          input: heading,
          message: `栏目“${heading}”不认识；可用的栏目：${accepted}（可带括号说明，如“执行率（C=B/A）”）`,
        });
      else if (out.some((c) => c.key === spec.key))
        ctx.addIssue({
          code: 'custom',
          path: [i],
          input: heading,
          message: `栏目“${heading}”与前面的“${out.find((c) => c.key === spec.key)!.heading}”是同一栏：每栏只写一次`,
        });
      else out.push({ key: spec.key, heading });
    });
    const missing = specs.filter((s) => s.required && !out.some((c) => c.key === s.key));
    if (missing.length)
      ctx.addIssue({
        code: 'custom',
        input: list,
        message: `缺少栏目 ${missing.map((s) => s.headings[0]).join('、')}：这些栏每张表都有`,
      });
    return out;
  });
}

/**
 * Validates `row` against the columns (width, then each cell by its column's schema) and returns
 * its cells by key; issues are added at `path` (relative to the value being transformed).
 */
export function readRow<K extends string>(
  row: readonly (string | null)[],
  columns: readonly Column<K>[],
  specs: readonly ColumnSpec<K>[],
  ctx: z.RefinementCtx,
  path: (string | number)[],
  offset = 0,
): Record<K, string | null> | undefined {
  if (row.length !== columns.length + offset) {
    ctx.addIssue({
      code: 'custom',
      path,
      input: row,
      message: `应有 ${columns.length + offset} 个单元格（${[...(offset ? ['名称'] : []), ...columns.map((c) => c.heading)].join('、')}），实有 ${row.length} 个；空白写 ~`,
    });
    return undefined;
  }
  const out = Object.fromEntries(specs.map((s) => [s.key, null])) as Record<K, string | null>;
  let ok = true;
  columns.forEach((column, i) => {
    const spec = specs.find((s) => s.key === column.key)!;
    const parsed = spec.cell.safeParse(row[i + offset]);
    if (parsed.success) out[column.key] = parsed.data;
    else {
      ok = false;
      for (const issue of parsed.error.issues)
        ctx.addIssue({
          code: 'custom',
          path: [...path, i + offset, ...issue.path.map((p) => p as string | number)],
          input: row[i + offset],
          message: `${column.heading}：${issue.message}`,
        });
    }
  });
  return ok ? out : undefined;
}

/** Where a column sits in a printed row (its YAML index), or undefined when the form has no such column. */
export function columnIndex<K extends string>(
  columns: readonly Column<K>[],
  key: K,
  offset = 0,
): number | undefined {
  const i = columns.findIndex((c) => c.key === key);
  return i < 0 ? undefined : i + offset;
}

/**
 * A raw row handed down with the columns its table resolved. A row cannot see its table's
 * headings, so the table passes them down before it is parsed; rows are then read, with their
 * errors, alongside every other error of the table.
 */
export class Carried<K extends string> {
  constructor(
    readonly row: unknown,
    /** Undefined when the headings have errors of their own (reported at the headings). */
    readonly columns: readonly Column<K>[] | undefined,
  ) {}
}

/** The columns a printed headings list resolves to; the standard ones when the form prints none. */
export function resolveColumns<K extends string>(
  schema: z.ZodType<Column<K>[], unknown>,
  value: unknown,
  standard: readonly Column<K>[],
): readonly Column<K>[] | undefined {
  if (value === undefined) return standard;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export const isMapping = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

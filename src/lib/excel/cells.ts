import { AMOUNT_RE, INTEGER_RE, NOT_APPLICABLE, PERCENT_RE } from '../fiscal/numbers.ts';
import { CODE_RE } from '../fiscal/classification.ts';
import type { GridCell } from './grid.ts';
import type { Problem } from './problems.ts';

/*
 * Reading one sheet's cells into the texts the YAML keeps, each problem located at its cell.
 * A figure is the text the cell displays; numbers typed as text are taken as typed.
 */

const FIGURES = {
  amount: { re: [AMOUNT_RE], what: '金额（如 12.34）' },
  percent: { re: [PERCENT_RE], what: '百分比（如 100%）' },
  figure: { re: [AMOUNT_RE, PERCENT_RE], what: '数值或百分比' },
  score: { re: [/^\d+(?:\.\d+)?$/], what: '分数（如 10）' },
} as const;
type FigureKind = keyof typeof FIGURES;

/** Grouping separators typed into a number stored as text ("1,215.05"). */
const GROUPED_RE = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$/;

export const normalized = (cell: GridCell | undefined) => (cell?.text ?? '').replace(/[\s：:]/g, '');

export class SheetReader {
  constructor(
    readonly sheet: string,
    readonly problems: Problem[],
  ) {}

  error(cell: GridCell | undefined, message: string): void {
    this.problems.push({ sheet: this.sheet, ...(cell ? { cell: cell.address } : {}), message });
  }

  /** Single-line text, trimmed; blank is null. */
  text(cell: GridCell | undefined): string | null {
    if (!cell || cell.covered) return null;
    if (cell.problem) this.error(cell, cell.problem);
    return cell.text.trim() || null;
  }

  /** Text that keeps its line breaks (goals): only trailing spaces on each line go. */
  multiline(cell: GridCell | undefined): string | null {
    if (!cell || cell.covered) return null;
    if (cell.problem) this.error(cell, cell.problem);
    const text = cell.text.replace(/[ \t]+$/gm, '').replace(/^\n+/, '');
    return text.trim() ? text : null;
  }

  required(cell: GridCell | undefined, what: string): string {
    const text = this.text(cell);
    if (text === null) this.error(cell, `缺少${what}：请在此格填写${what}`);
    return text ?? '';
  }

  /** A figure as published: its displayed text, "——" (not applicable) or blank (null). */
  figure(cell: GridCell | undefined, kind: FigureKind = 'amount'): string | null {
    const raw = this.text(cell);
    if (raw === null) return null;
    const text = GROUPED_RE.test(raw) ? raw.replaceAll(',', '') : raw;
    if (text === NOT_APPLICABLE || FIGURES[kind].re.some((re) => re.test(text))) return text;
    this.error(
      cell,
      `应为${FIGURES[kind].what}、——（不适用）或空白，却是“${raw}”：请改为表中公布的数字，不适用写 ——，没有数字就清空此格`,
    );
    return text;
  }

  /** 科目编码: 3, 5 or 7 digits, typed as a number or as text. */
  code(cell: GridCell | undefined): string {
    const text = this.text(cell)?.replace(/\s/g, '') ?? '';
    if (!CODE_RE.test(text))
      this.error(
        cell,
        text
          ? `科目编码应为 3、5 或 7 位数字（类、款、项），却是“${text}”：请照公开表填写编码`
          : '缺少科目编码：有数字的行都要有科目编码（类 3 位、款 5 位、项 7 位）',
      );
    return text;
  }

  /** 行次: a whole number. */
  line(cell: GridCell | undefined): string {
    const text = this.text(cell) ?? '';
    if (!INTEGER_RE.test(text))
      this.error(cell, text ? `行次应为整数，却是“${text}”` : '缺少行次：这一行有内容，行次栏却是空的');
    return text;
  }

  /** Cells past the table's last column that hold something cannot be placed. */
  beyond(row: GridCell[], width: number, table: string): void {
    for (const cell of row.slice(width))
      if (!cell.covered && (cell.text.trim() || cell.problem))
        this.error(
          cell,
          `这一格在${table}的表格之外（本表共 ${width} 列），无法放入表中：请删去它，或把它移到表内正确的列`,
        );
  }
}

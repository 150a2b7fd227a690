import ExcelJS from 'exceljs';
import type { Cell, CellValue, Worksheet } from 'exceljs';
import { displayNumber } from './number-format.ts';
import { PLACEHOLDER_COLOR } from './layout.ts';

/*
 * A worksheet as the reader sees it: every cell's displayed text (numbers through their number
 * format), with what the layout says about it: covered by a merge, indented, boxed.
 */

export interface GridCell {
  /** The text Excel displays ('' when empty); line breaks as \n. */
  text: string;
  /** A1 address, for messages. */
  address: string;
  /** Inside a merged range whose first cell is another one: shows nothing of its own. */
  covered: boolean;
  /** Rows spanned by the merged range this cell starts (1 when it starts none). */
  rowspan: number;
  /** Indentation steps (the form's 类/款/项 levels when printed by indent). */
  indent: number;
  /** Drawn inside the table's grid lines. */
  boxed: boolean;
  /** In the muted colour the export gives a placeholder row's cells (指标2：……). */
  muted: boolean;
  /** Why the displayed text could not be read (a date, an error value …). */
  problem?: string;
}

export interface Grid {
  sheet: string;
  rows: GridCell[][];
}

export function readGrid(ws: Worksheet): Grid {
  const spans = rowSpans(ws);
  const rows: GridCell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: GridCell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push(gridCell(ws.getCell(r, c), spans));
    rows.push(row);
  }
  return { sheet: ws.name, rows };
}

/** Rows spanned by each merged range, by the address of its first cell. */
function rowSpans(ws: Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  for (const range of ws.model.merges ?? []) {
    const [first, last] = range.split(':');
    out.set(first, Number(/\d+$/.exec(last)![0]) - Number(/\d+$/.exec(first)![0]) + 1);
  }
  return out;
}

function gridCell(cell: Cell, spans: Map<string, number>): GridCell {
  const covered = cell.type === ExcelJS.ValueType.Merge;
  const border = cell.border ?? {};
  const base = {
    address: cell.address,
    covered,
    rowspan: spans.get(cell.address) ?? 1,
    indent: cell.alignment?.indent ?? 0,
    boxed: !!(border.top || border.bottom || border.left || border.right),
    muted: cell.font?.color?.argb === PLACEHOLDER_COLOR,
  };
  if (covered) return { ...base, text: '' };
  const shown = display(cell.value, cell.numFmt);
  return typeof shown === 'string' ? { ...base, text: shown } : { ...base, text: '', problem: shown.problem };
}

/** The text a value displays under a number format. */
function display(value: CellValue, numFmt: string | undefined): string | { problem: string } {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const text = displayNumber(value, numFmt);
    return text ?? { problem: `单元格设为日期格式（${numFmt}），无法读出数字：请把格式改为“数值”` };
  }
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  if (typeof value === 'boolean') return { problem: '单元格是逻辑值（TRUE/FALSE），不是表中的文字或数字' };
  if (value instanceof Date)
    return { problem: '单元格是日期，不是表中的文字或数字：请把格式改为“数值”或“文本”' };
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return { problem: `单元格是错误值 ${value.error}：请在 Excel 中改正后再导入` };
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined)
      return { problem: '公式没有保存计算结果：请在 Excel 中打开、重新计算并保存后再导入' };
    return display(value.result as CellValue, numFmt);
  }
  if ('text' in value) return display(value.text as CellValue, numFmt);
  return { problem: '无法识别的单元格内容' };
}

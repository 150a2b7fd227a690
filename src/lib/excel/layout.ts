import type { Alignment, Border, Borders, Cell, Worksheet } from 'exceljs';
import type { FormModel, ModelCell } from '../tables/model.ts';
import { AMOUNT_RE, PERCENT_RE } from '../fiscal/numbers.ts';
import { figureNumber } from './number-format.ts';

/*
 * One printed form on a worksheet, laid out from the same table model the report page prints:
 * title merged across, the form number, the 部门 / 单位 line, the header rows with their merged
 * cells, the 栏次 row, the body, then 说明, 注 and the signature line.
 */

const THIN: Partial<Border> = { style: 'thin' };
const BOXED: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Codes, 行次 and other numbers printed as text stay text when retyped. */
const TEXT_FORMAT = '@';
/** The font colour of a placeholder row's cells (指标2：……): muted as on the page, and read back as such. */
export const PLACEHOLDER_COLOR = 'FF808080';

interface Placed {
  cell: ModelCell;
  row: number;
  col: number;
}

/** Rows laid out on a grid, honouring row and column spans (as the page's table does). */
function place(rows: ModelCell[][]): { placed: Placed[]; width: number } {
  const taken: boolean[][] = [];
  const placed: Placed[] = [];
  let width = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken[r]?.[c]) c++;
      placed.push({ cell, row: r, col: c });
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++) (taken[r + dr] ??= [])[c + dc] = true;
      c += cell.colspan ?? 1;
      width = Math.max(width, c);
    }
  });
  return { placed, width };
}

const blocksOf = (form: FormModel) =>
  form.tables.map((t) => ({
    caption: t.captionLine ? t.caption : null,
    head: place([...t.head, ...(t.columnNumbers ? [t.columnNumbers] : [])]),
    headRows: t.head.length + (t.columnNumbers ? 1 : 0),
    body: place(t.body),
    bodyRows: t.body.length,
  }));

/** Writes `form` from the top of `ws`; `preamble` lines go under the 部门 / 单位 line. */
export function writeForm(ws: Worksheet, form: FormModel, preamble: string[] = []): void {
  const blocks = blocksOf(form);
  const width = Math.max(2, ...blocks.map((b) => Math.max(b.head.width, b.body.width)));
  let row = 1;
  const line = (text: string, alignment: Partial<Alignment>, font = {}) => {
    ws.mergeCells(row, 1, row, width);
    const cell = ws.getCell(row++, 1);
    cell.value = text;
    cell.alignment = { vertical: 'middle', wrapText: true, ...alignment };
    cell.font = font;
  };
  line(form.title, { horizontal: 'center' }, { bold: true, size: 14 });
  if (form.number) line(form.number, { horizontal: 'right' });
  if (form.department !== null || form.unit) {
    if (form.department !== null) ws.getCell(row, 1).value = `部门：${form.department}`;
    if (form.unit) {
      const unit = ws.getCell(row, width);
      unit.value = `单位：${form.unit}`;
      unit.alignment = { horizontal: 'right' };
    }
    row++;
  }
  for (const text of preamble) line(text, { horizontal: 'left' });
  for (const block of blocks) {
    if (block.caption !== null) line(block.caption, { horizontal: 'left' }, { bold: true });
    writeCells(ws, block.head.placed, row, true);
    row += block.headRows;
    writeCells(ws, block.body.placed, row, false);
    row += block.bodyRows;
  }
  if (form.emptyStatement) line(`说明：${form.emptyStatement}`, { horizontal: 'left' });
  form.notes.forEach((note, i) => line(i === 0 ? `注：${note}` : note, { horizontal: 'left' }));
  if (form.footer) line(form.footer, { horizontal: 'left' });
  setColumnWidths(ws, blocks, width);
  ws.pageSetup = {
    paperSize: 9,
    orientation: width > 6 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
}

function writeCells(ws: Worksheet, placed: Placed[], top: number, head: boolean): void {
  for (const { cell: model, row, col } of placed) {
    const r = top + row;
    const c = col + 1;
    const bottom = r + (model.rowspan ?? 1) - 1;
    const right = c + (model.colspan ?? 1) - 1;
    if (bottom > r || right > c) ws.mergeCells(r, c, bottom, right);
    for (let rr = r; rr <= bottom; rr++)
      for (let cc = c; cc <= right; cc++) ws.getCell(rr, cc).border = BOXED;
    fill(ws.getCell(r, c), model, head);
  }
}

/** A model cell's value and look: amounts as numbers formatted to their published text. */
function fill(cell: Cell, model: ModelCell, head: boolean): void {
  const alignment: Partial<Alignment> = { vertical: 'middle', wrapText: true };
  if (head) {
    alignment.horizontal = 'center';
    if (model.th) cell.font = { bold: true };
  }
  if (model.level && model.level > 1) alignment.indent = model.level - 1;
  if (model.multiline) alignment.vertical = 'top';
  if (model.placeholder) cell.font = { color: { argb: PLACEHOLDER_COLOR } };
  const number = model.kind === 'amount' ? figureNumber(model.text) : null;
  if (number) {
    cell.value = number.value;
    cell.numFmt = number.numFmt;
  } else if (model.text) {
    cell.value = model.text;
    if (AMOUNT_RE.test(model.text) || PERCENT_RE.test(model.text)) cell.numFmt = TEXT_FORMAT;
    if (model.kind === 'na') alignment.horizontal = 'center';
  }
  cell.alignment = alignment;
}

/** Widths from the cells that fill one column (wide characters count double), within reason. */
function setColumnWidths(ws: Worksheet, blocks: ReturnType<typeof blocksOf>, width: number): void {
  const widths = Array.from({ length: width }, () => 6);
  for (const block of blocks)
    for (const { cell, col } of [...block.head.placed, ...block.body.placed]) {
      if ((cell.colspan ?? 1) > 1) continue;
      const longest = Math.max(...cell.text.split('\n').map(displayWidth));
      widths[col] = Math.min(40, Math.max(widths[col], longest + 2));
    }
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

const displayWidth = (text: string) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);

import { NOT_APPLICABLE } from '../fiscal/numbers.ts';

/**
 * A render-ready table: header rows with spans, body rows with levels, and header association
 * (`id`/`headers`) computed here so the component only prints what it is given.
 */
type CellKind = 'text' | 'amount' | 'blank' | 'na';

export interface ModelCell {
  text: string;
  /** A header cell and its scope; absent for data cells. */
  th?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  colspan?: number;
  rowspan?: number;
  /** Indentation of a name cell by classification level or tree depth. */
  level?: number;
  kind?: CellKind;
  /** Printed with preserved line breaks (goal texts). */
  multiline?: boolean;
  /** Link to the glossary entry explaining this header. */
  href?: string;
  /** A cell of a placeholder row the form prints ("指标2：", "……"): shown as printed, counts for nothing. */
  placeholder?: boolean;
  /** Set by `associate`: header id, and the ids of the headers a data cell belongs to. */
  id?: string;
  headers?: string;
}

export interface TableModel {
  caption: string;
  /**
   * The form prints the caption as a line above the table, no header cell carrying it (a funds
   * block headed 资金来源): the workbook writes that line; the page shows the caption.
   */
  captionLine?: boolean;
  head: ModelCell[][];
  body: ModelCell[][];
  /** Column numbers (栏次) printed under the header, when the form has them. */
  columnNumbers?: ModelCell[];
}

/** One printed form: its identification, the table(s) it consists of, and what is printed below. */
export interface FormModel {
  id: string;
  /** 公开01表 or 附件1. */
  number: string | null;
  title: string;
  /** The "部门：" cell of the 决算 forms ('' when printed blank); null where the form has none. */
  department: string | null;
  unit: string | null;
  tables: TableModel[];
  notes: string[];
  emptyStatement: string | null;
  footer: string | null;
}

/** The form's heading as printed: "公开09表 财政拨款“三公”经费支出决算表". */
export const formHeading = (f: FormModel) => (f.number ? `${f.number} ${f.title}` : f.title);

export const th = (text: string, scope: ModelCell['th'], extra: Partial<ModelCell> = {}): ModelCell => ({
  text,
  th: scope,
  ...extra,
});

/** A figure cell: published text, "——", or blank. */
export function figure(value: string | null | undefined): ModelCell {
  if (value === null || value === undefined) return { text: '', kind: 'blank' };
  if (value === NOT_APPLICABLE) return { text: NOT_APPLICABLE, kind: 'na' };
  return { text: value, kind: 'amount' };
}

export const textCell = (value: string | null | undefined, extra: Partial<ModelCell> = {}): ModelCell =>
  value === null || value === undefined || value === ''
    ? { text: '', kind: 'blank', ...extra }
    : { text: value, kind: 'text', ...extra };

/**
 * Lays the header rows, the 栏次 row and the body rows out on one grid (honouring row and column
 * spans), gives every header cell an id and every data cell (栏次 cells included) the ids of its
 * headers. The association is the one HTML_CodeSniffer (pa11y's engine) requires of a table with
 * several levels of headers (its H43 test): every header cell of the cell's rows from the row's
 * first header cell on, and every header cell of its columns from the column's first header cell
 * down, wherever in the table that header cell is. A header cell with no text would head nothing:
 * it becomes a blank data cell.
 */
export function associate(table: TableModel, prefix: string): TableModel {
  const rows = [...table.head, ...(table.columnNumbers ? [table.columnNumbers] : []), ...table.body];
  interface Placed {
    cell: ModelCell;
    row: number;
    col: number;
  }
  const placed: Placed[] = [];
  const taken: boolean[][] = [];
  let n = 0;
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken[r]?.[c]) c++;
      if (cell.th && cell.text.trim() === '') {
        delete cell.th;
        cell.kind ??= 'blank';
      }
      if (cell.th) cell.id = `${prefix}-${++n}`;
      placed.push({ cell, row: r, col: c });
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++) (taken[r + dr] ??= [])[c + dc] = true;
      c += cell.colspan ?? 1;
    }
  });
  // The header cells of each grid row and column, in document order, and where the first starts.
  interface Line {
    first: number;
    headers: Placed[];
  }
  const rowLines: Line[] = [];
  const colLines: Line[] = [];
  for (const p of placed) {
    if (!p.cell.th) continue;
    for (let r = p.row; r < p.row + (p.cell.rowspan ?? 1); r++)
      (rowLines[r] ??= { first: p.col, headers: [] }).headers.push(p);
    for (let c = p.col; c < p.col + (p.cell.colspan ?? 1); c++)
      (colLines[c] ??= { first: p.row, headers: [] }).headers.push(p);
  }
  for (const p of placed) {
    if (p.cell.th) continue;
    const columnHeaders = new Set<Placed>();
    const rowHeaders = new Set<Placed>();
    for (let r = p.row; r < p.row + (p.cell.rowspan ?? 1); r++)
      for (let c = p.col; c < p.col + (p.cell.colspan ?? 1); c++) {
        if (rowLines[r] && c >= rowLines[r].first) rowLines[r].headers.forEach((h) => rowHeaders.add(h));
        if (colLines[c] && r >= colLines[c].first) colLines[c].headers.forEach((h) => columnHeaders.add(h));
      }
    // Read top-down, then left to right: column headers, then row headers.
    const ordered = [
      ...[...columnHeaders].sort((a, b) => a.row - b.row || a.col - b.col),
      ...[...rowHeaders].filter((h) => !columnHeaders.has(h)).sort((a, b) => a.col - b.col || a.row - b.row),
    ];
    p.cell.headers = ordered.map((h) => h.cell.id).join(' ');
  }
  return table;
}

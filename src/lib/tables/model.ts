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
 * Lays the header and body rows out on a grid (honouring row and column spans), gives every
 * header cell an id and every data cell the ids of its column and row headers.
 */
export function associate(table: TableModel, prefix: string): TableModel {
  let n = 0;
  const place = (rows: ModelCell[][]) => {
    const grid: ModelCell[][] = [];
    rows.forEach((row, r) => {
      grid[r] ??= [];
      let c = 0;
      for (const cell of row) {
        while (grid[r][c]) c++;
        if (cell.th) cell.id = `${prefix}-${++n}`;
        for (let dr = 0; dr < (cell.rowspan ?? 1); dr++)
          for (let dc = 0; dc < (cell.colspan ?? 1); dc++) (grid[r + dr] ??= [])[c + dc] = cell;
        c += cell.colspan ?? 1;
      }
    });
    return grid;
  };
  const headGrid = place(table.head);
  const bodyGrid = place(table.body);
  const columnHeaders = (col: number) =>
    [
      ...new Set(
        headGrid.map((row) => row[col]).filter((cell): cell is ModelCell => !!cell?.th && cell.th !== 'row'),
      ),
    ].map((cell) => cell.id);
  bodyGrid.forEach((row) => {
    row.forEach((cell, col) => {
      if (cell.th || cell.headers !== undefined || row.indexOf(cell) !== col) return;
      // Groups to the left apply; of the row headers only the nearest (two-sided forms print two).
      const left = row.slice(0, col);
      const nearest = left.findLast((c) => c.th === 'row');
      const rowHeaders = [...new Set(left.filter((c) => c.th === 'rowgroup' || c === nearest))].map(
        (c) => c.id,
      );
      cell.headers = [...columnHeaders(col), ...rowHeaders].join(' ');
    });
  });
  return table;
}

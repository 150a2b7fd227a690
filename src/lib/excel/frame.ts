import type { Grid, GridCell } from './grid.ts';
import { DERIVED_FROM_PREFIX } from './sheet-names.ts';

/*
 * A sheet split the way a form is printed: the lines above the table (title, form number,
 * 部门 / 单位), the table's rows, and the lines below it (说明, 注, the signature line).
 * Blank rows anywhere above or below are skipped; inside the table the readers decide.
 */

export interface Frame {
  sheet: string;
  title: string | null;
  /** 公开01表, 附件1 … as printed above the table. */
  number: string | null;
  /** Text after 部门： ('' when printed blank); null when there is no such line. */
  department: string | null;
  unit: string | null;
  derivedFrom: string | null;
  /** The table from its first header row to its last row, starting at its first column. */
  rows: GridCell[][];
  notes: string[];
  emptyStatement: string | null;
  footer: string | null;
}

const NUMBER_RE = /^(?:公开\s*\d{1,2}\s*表|附[件表]\s*\d+)$/;
const META_RE = /(部门|编制单位|单位名称|金额单位|单位)\s*[：:]/g;
/** The first line under a table: 注：, 说明：, or the signature line. */
const BELOW_RE = /^(?:(?:注|说明)\s*\d*\s*[：:]|填表人|填报人)/;
const FOOTER_RE = /^(?:填表人|填报人|填报日期|联系电话|单位负责人)/;

export const cellTexts = (row: GridCell[]) =>
  row.filter((c) => !c.covered && c.text.trim()).map((c) => c.text.trim());

export const isBlank = (cells: GridCell[]) => cells.every((c) => c.covered || (!c.text.trim() && !c.problem));

export function splitFrame(grid: Grid, opts: { statement: boolean }): Frame {
  const frame: Frame = {
    sheet: grid.sheet,
    title: null,
    number: null,
    department: null,
    unit: null,
    derivedFrom: null,
    rows: [],
    notes: [],
    emptyStatement: null,
    footer: null,
  };
  let start = 0;
  for (; start < grid.rows.length; start++) {
    const texts = cellTexts(grid.rows[start]);
    const others = texts.filter((t) => !readMeta(t, frame));
    if (others.length === 0) continue;
    if (others.length === 1 && frame.title === null) frame.title = others[0];
    else break;
  }
  let end = start;
  while (end < grid.rows.length && !BELOW_RE.test(cellTexts(grid.rows[end])[0] ?? '')) end++;
  const table = grid.rows.slice(start, end);
  const origin = Math.min(
    ...table.map((row) => row.findIndex((c) => !c.covered && c.text.trim())).filter((i) => i >= 0),
  );
  frame.rows = Number.isFinite(origin) ? table.map((row) => row.slice(origin)) : [];
  for (const row of grid.rows.slice(end)) readBelow(cellTexts(row).join(' '), frame, opts);
  return frame;
}

/** Takes a line above the table into the frame; false when it is none of those lines. */
function readMeta(text: string, frame: Frame): boolean {
  if (NUMBER_RE.test(text)) {
    frame.number = text;
    return true;
  }
  if (text.startsWith(DERIVED_FROM_PREFIX)) {
    frame.derivedFrom = text.slice(DERIVED_FROM_PREFIX.length);
    return true;
  }
  const marks = [...text.matchAll(META_RE)];
  if (!marks.length || marks[0].index !== 0) return false;
  // "部门：…    单位：万元" may share one cell.
  marks.forEach((m, i) => {
    const value = text.slice(m.index + m[0].length, marks[i + 1]?.index).trim();
    if (m[1] === '单位' || m[1] === '金额单位') frame.unit = value;
    else frame.department = value;
  });
  return true;
}

function readBelow(text: string, frame: Frame, opts: { statement: boolean }): void {
  if (!text) return;
  const note = /^注\s*[：:]\s*/.exec(text);
  const statement = /^说明\s*[：:]\s*/.exec(text);
  if (note) {
    if (text.slice(note[0].length)) frame.notes.push(text.slice(note[0].length));
  } else if (statement && opts.statement) frame.emptyStatement = text.slice(statement[0].length);
  else if (FOOTER_RE.test(text)) frame.footer = text;
  else frame.notes.push(text);
}

/**
 * The result of `npm run review`: what a change does to the published figures, the narrative,
 * the checks and the built pages. Written as `.review/diff.json`; comment.md and report.html are
 * rendered from it.
 */

/** A YAML or Markdown place of the head side (the base side's for a removed item). */
export interface Place {
  file: string;
  line: number;
}

export type Status = 'added' | 'removed' | 'changed';

/** One published figure, addressed by the form's own keys, never by line position. */
export interface CellChange extends Place {
  /** Table id as the report page anchors it (t01…t09, base-data, self-evaluation, project-1, …). */
  table: string;
  /** Row key: classification code, 行次, indicator path (一级/二级/三级) or line name. */
  row: string;
  /** Column key: the form's column name (e.g. 决算数, 基本支出, 分值). */
  column: string;
  old: string | null;
  new: string | null;
  /** new − old when both are amounts, as published text arithmetic (e.g. "0.10"); else absent. */
  delta?: string;
  /** The row's printed name where the row key is a code or 行次 (e.g. 行政运行 for 2013501). */
  rowName?: string;
  /** Set when the whole row appeared or vanished (then old or new is null for each of its cells). */
  rowStatus?: 'added' | 'removed';
}

/** One changed run of words in a block of the narrative (old '' = inserted, new '' = deleted). */
export interface NarrativeChange extends Place {
  old: string;
  new: string;
  /** A few characters of unchanged text around the run (head side; base side for a removed block). */
  context?: { before: string; after: string };
}

export interface MetaChange {
  /** Dotted path of the field (e.g. "title", "source.date", "acknowledgements[2].reason"). */
  field: string;
  /** null when the field or list item is absent on that side. */
  old: unknown;
  new: unknown;
  /** Where the field is: head side, base side for a removed one. */
  file?: string;
  line?: number;
}

/** A check finding as `npm run check --json` prints it (rule, severity, subject, message, place). */
export interface ReviewFinding {
  rule: string;
  severity: 'error' | 'note';
  subject: string;
  message: string;
  acknowledged: boolean;
  file: string;
  line: number;
}

export interface ReportDiff {
  /** "<office>/<year>/<report>" */
  id: string;
  status: Status;
  cells: CellChange[];
  narrative: NarrativeChange[];
  meta: MetaChange[];
  findings: { new: ReviewFinding[]; fixed: ReviewFinding[] };
}

export interface OfficeDiff {
  /** Office slug. */
  id: string;
  status: Status;
  meta: MetaChange[];
  /** Schema errors of office.yaml (and of the office folder) that appeared or went away. */
  findings?: { new: ReviewFinding[]; fixed: ReviewFinding[] };
}

export interface Screenshot {
  /** Viewport width in CSS px (1280 or 375). */
  width: number;
  base: string | null;
  head: string | null;
  diff: string | null;
  changedRatio: number;
  /**
   * The parts of the page the three images show, stacked top to bottom (CSS px): bands the page's
   * width around the changed rows, plus a margin, 2,400 px in all at most. Absent when no pixel changed.
   */
  regions?: { x: number; y: number; width: number; height: number }[];
}

export interface PageDiff {
  url: string;
  status: Status;
  /**
   * Report ids whose changes explain this page (its own report, its office's, every one on
   * home/compare), and office slugs whose office.yaml changed; empty when nothing explains it.
   */
  causes: string[];
  /** At 1280 px; absent with --no-visual. An added or removed page has only its one side (base or head null). */
  screenshots?: Screenshot;
  /** The same at 375 px. */
  mobile?: Screenshot;
}

export interface ReviewResult {
  base: string;
  head: string;
  reports: ReportDiff[];
  offices: OfficeDiff[];
  pages: PageDiff[];
  /** Published files other than pages (data files, scripts, styles); the search index is left out. */
  files?: { path: string; status: Status }[];
  /** Whether Pagefind's index (dist/pagefind/) differs: it changes with any indexed text. */
  searchIndexChanged?: boolean;
  /** Display names of the reports and offices in the diff, by id (the head side's, else the base's). */
  names?: Record<string, string>;
}

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
}

export interface NarrativeChange extends Place {
  old: string;
  new: string;
}

export interface MetaChange {
  /** Dotted path of the field (e.g. "title", "source.date", "acknowledgements[2].reason"). */
  field: string;
  old: unknown;
  new: unknown;
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
}

export interface Screenshot {
  /** Viewport width in CSS px (1280 or 375). */
  width: number;
  base: string | null;
  head: string | null;
  diff: string | null;
  changedRatio: number;
}

export interface PageDiff {
  url: string;
  status: Status;
  /** Report ids whose changes explain this page (its own report, its office's, every one on home/compare). */
  causes: string[];
  /** At 1280 px; absent with --no-visual or when a side has no such page. */
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
}

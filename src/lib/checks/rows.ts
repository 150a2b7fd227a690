import type { Content, Report } from '../content/load.ts';
import type { ContentError } from '../content/errors.ts';
import { checkReport, locations } from './run.ts';

/**
 * One finding as `npm run check` prints it (a line, or an object of `--json`): the one code path
 * from findings to printed rows, shared by the check and the review.
 */
export interface FindingRow {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'note';
  rule: string;
  subject: string;
  message: string;
  expected?: string;
  actual?: string;
  acknowledged: boolean;
  reason?: string;
  locations: { file: string; line: number; column: number }[];
}

/** Schema and load errors: rule "schema", never acknowledged. */
export const schemaRows = (errors: readonly ContentError[]): FindingRow[] =>
  errors.map((e) => ({
    file: e.file,
    line: e.line,
    column: e.col,
    severity: 'error',
    rule: 'schema',
    subject: '',
    message: e.message,
    acknowledged: false,
    locations: [{ file: e.file, line: e.line, column: e.col }],
  }));

/** Every rule over one report, located; `content` is the whole loaded side it belongs to. */
export function reportRows(report: Report, content: Content): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const f of checkReport(report, content.reports)) {
    // With schema errors some data did not load, so an acknowledgement may only look stale.
    if (f.rule === 'ack.stale' && content.errors.length) continue;
    const where = locations(f, report, content.reports).map((l) => ({
      file: l.file,
      line: l.line,
      column: l.col,
    }));
    rows.push({
      ...where[0],
      severity: f.severity,
      rule: f.rule,
      subject: f.subject,
      message: f.message,
      expected: f.expected,
      actual: f.actual,
      acknowledged: !!f.acknowledged,
      reason: f.acknowledged?.reason,
      locations: where,
    });
  }
  return rows;
}

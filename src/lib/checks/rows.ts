import type { Content, Report } from '../content/load.ts';
import type { ContentError } from '../content/errors.ts';
import { checkReport, locations } from './run.ts';
import type { Diagnostic } from './diagnostic.ts';

/* Content errors and findings as Diagnostics: the one code path shared by the check and the review. */

/** Schema and load errors: rule "schema", never acknowledged. */
export const schemaRows = (errors: readonly ContentError[]): Diagnostic[] =>
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

const dirOf = (file: string) => file.slice(0, file.lastIndexOf('/') + 1);

/**
 * Whether a report the checks of `report` read failed to load: its own YAML or, for the prose
 * checked against the 决算, another report of the same office and year (same directory).
 */
function dependsOnUnloaded(report: Report, content: Content): boolean {
  const loaded = new Set(content.reports.map((r) => r.files.yaml));
  const dir = dirOf(report.files.yaml);
  return content.errors.some((e) => e.file.endsWith('.yaml') && dirOf(e.file) === dir && !loaded.has(e.file));
}

/** Every rule over one report, located; `content` is the whole loaded side it belongs to. */
export function reportRows(report: Report, content: Content): Diagnostic[] {
  const rows: Diagnostic[] = [];
  // Only when data it reads did not load may an acknowledgement look stale without being so.
  const partial = dependsOnUnloaded(report, content);
  for (const f of checkReport(report, content.reports)) {
    if (f.rule === 'ack.stale' && partial) continue;
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
      report: report.files.yaml,
    });
  }
  return rows;
}

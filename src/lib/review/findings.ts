import type { Content, Report } from '../content/load.ts';
import { reportRows, schemaRows } from '../checks/rows.ts';
import type { Diagnostic } from '../checks/diagnostic.ts';
import type { ReviewFinding } from './types.ts';

/*
 * Check findings of the two sides, matched by what they are about (rule, subject, severity and
 * whether acknowledged), never by message text or line: a finding whose figures moved or whose
 * message now names other numbers is the same finding.
 */

const reviewed = (r: Diagnostic): ReviewFinding => ({
  rule: r.rule,
  severity: r.severity,
  subject: r.subject,
  message: r.message,
  acknowledged: r.acknowledged,
  file: r.file,
  line: r.line,
});

/** Every check over one report of a loaded side, as `npm run check` reports it. */
export const reportFindings = (report: Report, content: Content) => reportRows(report, content).map(reviewed);

/** What a content file belongs to: "content/<office>/<year>/<slug>.yaml" → that report, else its office. */
function ownerOf(file: string): { office: string; report?: string } {
  const [, office = '', year, name] = file.split('/');
  const report = /^\d{4}$/.test(year ?? '') && /\.(yaml|md)$/.test(name ?? '');
  return report ? { office, report: `${office}/${year}/${name.replace(/\.(yaml|md)$/, '')}` } : { office };
}

/** A side's schema and load errors (rule "schema") by report id and by office slug. */
export function schemaFindings(content: Content) {
  const reports = new Map<string, ReviewFinding[]>();
  const offices = new Map<string, ReviewFinding[]>();
  for (const row of schemaRows(content.errors)) {
    const owner = ownerOf(row.file);
    const [map, key] = owner.report ? [reports, owner.report] : [offices, owner.office];
    map.set(key, [...(map.get(key) ?? []), reviewed(row)]);
  }
  return { reports, offices };
}

const identity = (f: ReviewFinding) =>
  f.rule === 'schema'
    ? `schema\u0000${f.file}\u0000${f.message}`
    : `${f.rule}\u0000${f.subject}\u0000${f.severity}\u0000${f.acknowledged}`;

/** Unacknowledged errors first (they fail the check), then rounding notes, then acknowledged ones. */
const rank = (f: ReviewFinding) => (f.acknowledged ? 2 : f.severity === 'error' ? 0 : 1);

/** Findings only in `from`, each identity counted as often as it occurs. */
function missingFrom(from: ReviewFinding[], other: ReviewFinding[]): ReviewFinding[] {
  const left = new Map<string, number>();
  for (const f of other) left.set(identity(f), (left.get(identity(f)) ?? 0) + 1);
  return from
    .filter((f) => {
      const n = left.get(identity(f)) ?? 0;
      if (n) left.set(identity(f), n - 1);
      return !n;
    })
    .sort((a, b) => rank(a) - rank(b));
}

export const diffFindings = (base: ReviewFinding[], head: ReviewFinding[]) => ({
  new: missingFrom(head, base),
  fixed: missingFrom(base, head),
});

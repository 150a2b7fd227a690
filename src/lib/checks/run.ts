import type { Report } from '../content/load.ts';
import type { Position } from '../content/yaml.ts';
import { Findings, type Finding } from './findings.ts';
import { acknowledge, type CheckedFinding } from './acknowledgements.ts';
import { checkFinalAccounts } from './final-accounts.ts';
import { checkGrade, checkPerformance } from './performance.ts';
import { checkProse } from './prose.ts';
import { checkStatedFigures } from './stated-figures.ts';
import { finalAccountsFigures, performanceFigures, type ProseFigure } from './prose-figures.ts';

export type { CheckedFinding };

/** The 决算 of the same office and year: the narrative of its other reports is checked against it. */
function finalAccountsOf(report: Report, all: readonly Report[]) {
  return all.find(
    (r) => r.office === report.office && r.data.year === report.data.year && r.data.kind === '部门决算',
  );
}

function proseFigures(report: Report, all: readonly Report[]): ProseFigure[] {
  const d = report.data;
  const own =
    d.kind === '部门决算'
      ? finalAccountsFigures(d.tables)
      : d.kind === '部门整体支出绩效自评'
        ? performanceFigures(d)
        : [];
  const fa = d.kind === '部门决算' ? undefined : finalAccountsOf(report, all);
  return fa && fa.data.kind === '部门决算' ? [...own, ...finalAccountsFigures(fa.data.tables, fa.id)] : own;
}

/** Every rule over one report; acknowledgements applied, stale ones reported. */
export function checkReport(report: Report, all: readonly Report[]): CheckedFinding[] {
  const f = new Findings();
  const d = report.data;
  if (d.kind === '部门决算') checkFinalAccounts(d.tables, f);
  if (d.kind === '部门整体支出绩效自评') checkPerformance(d, f);
  checkGrade(d.conclusion, f);
  for (const x of checkProse(report.narrative, proseFigures(report, all))) f.add(x);
  checkStatedFigures(report, f);

  return acknowledge(f.list, d.acknowledgements ?? []);
}

/** An error nobody has acknowledged: what makes `npm run check` and the build fail. */
export const isFailure = (f: { severity: string; acknowledged?: unknown }) =>
  f.severity === 'error' && !f.acknowledged;

export interface Location extends Position {
  file: string;
}

/** Where a finding is: its narrative positions first, then every YAML node involved. */
export function locations(f: Finding, report: Report, all: readonly Report[]): Location[] {
  const out: Location[] = (f.narrative ?? []).map((p) => ({ file: report.files.markdown, ...p }));
  for (const ref of f.refs) {
    const owner = ref.source ? all.find((r) => r.id === ref.source)! : report;
    out.push({ file: owner.files.yaml, ...(owner.locate ? owner.locate(ref.path) : { line: 1, col: 1 }) });
  }
  if (!out.length) out.push({ file: report.files.yaml, line: 1, col: 1 });
  return out;
}

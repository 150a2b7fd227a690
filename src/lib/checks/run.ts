import type { Report } from '../content/load.ts';
import type { Position } from '../content/yaml.ts';
import { Findings, type Finding } from './findings.ts';
import { acknowledge, type CheckedFinding } from './acknowledgements.ts';
import { checkFinalAccounts } from './final-accounts.ts';
import { checkGrade, checkPerformance } from './performance.ts';
import { checkProse, type ProseResult, type Status } from './prose.ts';
import { checkStatedFigures } from './stated-figures.ts';
import {
  finalAccountsCandidates,
  performanceCandidates,
  statedCandidates,
  type Figures,
} from '../prose/figures.ts';
import { statementsOf, type Statements } from '../prose/statements.ts';

export type { CheckedFinding };

/** The reports of the same office and year, this one first. */
const officeYear = (report: Report, all: readonly Report[]) => [
  report,
  ...all.filter((r) => r !== report && r.office === report.office && r.data.year === report.data.year),
];

const parsed = new WeakMap<Report, Statements>();
function statements(r: Report): Statements {
  let s = parsed.get(r);
  if (!s) parsed.set(r, (s = statementsOf(r.narrative, Number(r.data.year))));
  return s;
}

/** Every figure of the office-year a narrative may state; the other reports' with their id. */
function figuresOf(report: Report, all: readonly Report[]): Figures {
  const out: Figures = new Map();
  for (const r of officeYear(report, all)) {
    const own: Figures = new Map();
    const d = r.data;
    if (d.kind === '部门决算') finalAccountsCandidates(d.tables, own);
    if (d.kind === '部门整体支出绩效自评') performanceCandidates(d, own);
    statedCandidates(d, own);
    for (const [subject, list] of own)
      out.set(subject, [
        ...(out.get(subject) ?? []),
        ...list.map((c) => (r === report ? c : { ...c, source: r.id })),
      ]);
  }
  return out;
}

const checked = new WeakMap<Report, { all: readonly Report[]; result: ProseResult }>();

/** The prose rules over one report: findings and the status of every number of its narrative. */
function proseOf(report: Report, all: readonly Report[]): ProseResult {
  const cached = checked.get(report);
  if (cached?.all === all) return cached.result;
  const own = statements(report);
  const related = officeYear(report, all)
    .slice(1)
    .flatMap((r) => statements(r).statements.map((statement) => ({ statement, report: r.data.kind })));
  const result = checkProse({ ...own, figures: figuresOf(report, all), related });
  checked.set(report, { all, result });
  return result;
}

/** How many numbers of a narrative the checks compared, by outcome. */
export type ProseCoverage = Record<Status, number> & { numbers: number };

export function proseCoverage(report: Report, all: readonly Report[]): ProseCoverage {
  const { statuses } = proseOf(report, all);
  const count = (s: Status) => statuses.filter((x) => x === s).length;
  return {
    numbers: statuses.length,
    verified: count('verified'),
    rounding: count('rounding'),
    inconsistent: count('inconsistent'),
    unverified: count('unverified'),
  };
}

/** Every rule over one report; acknowledgements applied, stale ones reported. */
export function checkReport(report: Report, all: readonly Report[]): CheckedFinding[] {
  const f = new Findings();
  const d = report.data;
  if (d.kind === '部门决算') checkFinalAccounts(d.tables, f);
  if (d.kind === '部门整体支出绩效自评') checkPerformance(d, f);
  checkGrade(d.conclusion, f);
  for (const x of proseOf(report, all).findings) f.add(x);
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

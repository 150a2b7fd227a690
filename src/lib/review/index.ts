import type { Content, Office, Report } from '../content/load.ts';
import { diffCells } from './cells.ts';
import { diffFindings, reportFindings, schemaFindings } from './findings.ts';
import { isFigurePath } from './figures.ts';
import { diffMeta } from './meta.ts';
import { diffNarrative } from './narrative.ts';
import { sameValue } from './same.ts';
import type { OfficeDiff, ReportDiff, Status } from './types.ts';

/*
 * The data half of `npm run review`: what a change does to each report and office, from the two
 * sides as loadContent(…, { locations: true }) returns them. Unchanged reports and offices are
 * left out; added and removed ones carry their findings only (their pages show the rest).
 */

const byId = <T>(list: readonly T[], id: (x: T) => string) => new Map(list.map((x) => [id(x), x]));
const sorted = (...keys: Iterable<string>[]) => [...new Set(keys.flatMap((k) => [...k]))].sort();

function statusOf(inBase: boolean, inHead: boolean): Status {
  return inBase && inHead ? 'changed' : inHead ? 'added' : 'removed';
}

/** Each report's 决算 (same office and year), whose figures its narrative is checked against. */
function finalAccountsOf(reports: readonly Report[]): Map<string, string> {
  const year = (r: Report) => `${r.office}/${r.data.year}`;
  const byYear = new Map<string, string>();
  for (const r of reports) if (r.data.kind === '部门决算' && !byYear.has(year(r))) byYear.set(year(r), r.id);
  const out = new Map<string, string>();
  for (const r of reports) {
    const fa = byYear.get(year(r));
    if (fa && fa !== r.id) out.set(r.id, fa);
  }
  return out;
}

type Edit = Omit<ReportDiff, 'findings'>;

/** What the files of one report say changed: its figures, fields and narrative. */
function reportEdit(id: string, status: Status, b: Report | undefined, h: Report | undefined): Edit {
  const edit: Edit = { id, status, cells: [], narrative: [], meta: [] };
  if (!b || !h) return edit;
  if (!sameValue(b.data, h.data)) {
    const { cells, order } = diffCells(b, h);
    const fields = diffMeta(
      { value: b.data, file: b.files.yaml, locate: b.locate },
      { value: h.data, file: h.files.yaml, locate: h.locate },
      isFigurePath,
    );
    edit.cells = cells;
    edit.meta = [...fields, ...order];
  }
  edit.narrative = diffNarrative(b, h);
  return edit;
}

export function diffContent(base: Content, head: Content): { reports: ReportDiff[]; offices: OfficeDiff[] } {
  const reports = { base: byId(base.reports, (r) => r.id), head: byId(head.reports, (r) => r.id) };
  const schema = { base: schemaFindings(base), head: schemaFindings(head) };
  const ids = sorted(
    reports.base.keys(),
    reports.head.keys(),
    schema.base.reports.keys(),
    schema.head.reports.keys(),
  );

  // First what the files say, then the checks: a report's findings also depend on its 决算.
  const edits = new Map<string, Edit>();
  for (const id of ids) {
    const [b, h] = [reports.base.get(id), reports.head.get(id)];
    const status = statusOf(!!b || schema.base.reports.has(id), !!h || schema.head.reports.has(id));
    const edit = reportEdit(id, status, b, h);
    // A report that failed to load on one side has nothing to compare: it changed, its errors say how.
    const unreadable = status === 'changed' && !b !== !h;
    if (status !== 'changed' || unreadable || edit.cells.length || edit.meta.length || edit.narrative.length)
      edits.set(id, edit);
  }

  const dependencies = { base: finalAccountsOf(base.reports), head: finalAccountsOf(head.reports) };
  const out: ReportDiff[] = [];
  for (const id of ids) {
    const [b, h] = [reports.base.get(id), reports.head.get(id)];
    const edit = edits.get(id) ?? { id, status: 'changed', cells: [], narrative: [], meta: [] };
    const fa = [dependencies.base.get(id), dependencies.head.get(id)];
    const affected = edits.has(id) || fa.some((d) => d !== undefined && edits.has(d));
    // Check findings of a side that did not load are unknown, not fixed: then only its errors count.
    const checked = affected && (edit.status !== 'changed' || (!!b && !!h));
    const findings = diffFindings(
      [...(schema.base.reports.get(id) ?? []), ...(b && checked ? reportFindings(b, base) : [])],
      [...(schema.head.reports.get(id) ?? []), ...(h && checked ? reportFindings(h, head) : [])],
    );
    if (edits.has(id) || findings.new.length || findings.fixed.length) out.push({ ...edit, findings });
  }
  return { reports: out, offices: diffOffices(base, head, schema) };
}

function diffOffices(
  base: Content,
  head: Content,
  schema: Record<'base' | 'head', ReturnType<typeof schemaFindings>>,
): OfficeDiff[] {
  const offices = { base: byId(base.offices, (o) => o.slug), head: byId(head.offices, (o) => o.slug) };
  const out: OfficeDiff[] = [];
  const file = (o: Office) => `content/${o.slug}/office.yaml`;
  for (const id of sorted(
    offices.base.keys(),
    offices.head.keys(),
    schema.base.offices.keys(),
    schema.head.offices.keys(),
  )) {
    const [b, h] = [offices.base.get(id), offices.head.get(id)];
    const status = statusOf(!!b || schema.base.offices.has(id), !!h || schema.head.offices.has(id));
    const meta =
      b && h && !sameValue(b.data, h.data)
        ? diffMeta(
            { value: b.data, file: file(b), locate: b.locate },
            { value: h.data, file: file(h), locate: h.locate },
          )
        : [];
    const findings = diffFindings(schema.base.offices.get(id) ?? [], schema.head.offices.get(id) ?? []);
    if (status !== 'changed' || meta.length || findings.new.length || findings.fixed.length)
      out.push({ id, status, meta, findings });
  }
  return out;
}

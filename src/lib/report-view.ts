import type { Report } from './content/load.ts';
import { tableAnchorOf } from './content/tables.ts';
import { reportForms } from './tables/report-forms.ts';
import { workbookUrl } from './excel/workbook-url.ts';
import type { FormModel } from './tables/model.ts';
import { renderNarrative, type Segment } from './narrative/render.ts';
import { figureKeys } from './fiscal/figure-keys.ts';
import { checkReport } from './checks/run.ts';
import { termLookup, type Term } from './glossary.ts';
import { reportCharts } from './charts/report.ts';
import type { ChartSpec } from './charts/model.ts';

/** Everything a report page prints, computed outside the components. */
export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

/** A line of the page's 数据说明: what does not add up, by how much, and why it stays as published. */
export interface DataNote {
  message: string;
  reason: string | null;
  kind: '原文不一致' | '尾数差异';
  /** Anchor of the table it concerns, when it concerns one of this report's tables. */
  table: { id: string; name: string } | null;
}

interface ReportView {
  charts: ChartSpec[];
  forms: Map<string, FormModel>;
  segments: Segment[];
  toc: TocEntry[];
  notes: DataNote[];
  /** The report's tables as an .xlsx workbook in the official layout, when it has tables. */
  workbookUrl: string | null;
}

/** Each table's printed form by id; the workbook download uses the same forms (report-forms.ts). */
const forms = (r: Report) => new Map(reportForms(r.data).map(({ entry, form }) => [entry.id, form]));

export const formHeading = (f: FormModel) => (f.number ? `${f.number} ${f.title}` : f.title);

/** What a report page needs from the rest of the site; built once per build. */
export interface ViewContext {
  reports: readonly Report[];
  term: (text: string) => Term | undefined;
}

export const viewContext = (reports: readonly Report[], terms: readonly Term[]): ViewContext => ({
  reports,
  term: termLookup(terms),
});

/** Links each glossary term's first header cell in every form to its explanation. */
function linkTerms(forms: Map<string, FormModel>, lookup: ViewContext['term']) {
  for (const form of forms.values()) {
    const linked = new Set<string>();
    for (const table of form.tables)
      for (const cell of [...table.head.flat(), ...table.body.flat()]) {
        const term = cell.th && lookup(cell.text);
        if (term && !linked.has(term.id)) {
          linked.add(term.id);
          cell.href = `/glossary/#${term.id}`;
        }
      }
  }
}

export function reportView(r: Report, ctx: ViewContext): ReportView {
  const keys = figureKeys(r.data);
  const { segments, headings } = renderNarrative(r.narrative, (key) => keys.get(key));
  const formsById = forms(r);
  linkTerms(formsById, ctx.term);
  const charts = reportCharts(r);
  const toc: TocEntry[] = charts.length ? [{ depth: 2, id: 'charts', text: '图表' }] : [];
  let h = 0;
  let depth = 1;
  for (const node of r.narrative.children) {
    if (node.type === 'heading') {
      const heading = headings[h++];
      depth = heading.depth;
      if (depth <= 3) toc.push(heading);
    } else if (node.type === 'leafDirective' && node.name === 'table') {
      const f = formsById.get(node.attributes?.ref ?? '');
      if (f) toc.push({ depth: Math.min(depth + 1, 4), id: f.id, text: formHeading(f) });
    }
  }
  const notes: DataNote[] = checkReport(r, ctx.reports)
    .filter((f) => f.acknowledged || f.severity === 'note')
    .map((f) => {
      const anchor = f.refs
        .filter((x) => !x.source)
        .map((x) => tableAnchorOf(x.path))
        .find((a) => a !== null);
      const form = anchor ? formsById.get(anchor) : undefined;
      return {
        message: f.message,
        reason: f.acknowledged?.reason ?? null,
        kind: f.acknowledged ? '原文不一致' : '尾数差异',
        table: form ? { id: form.id, name: formHeading(form) } : null,
      };
    });
  if (notes.length) toc.push({ depth: 2, id: 'data-notes', text: '数据说明' });
  return { charts, forms: formsById, segments, toc, notes, workbookUrl: workbookUrl(r) };
}

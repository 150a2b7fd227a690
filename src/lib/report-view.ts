import type { Report } from './content/load.ts';
import type { FormModel } from './tables/model.ts';
import { finalAccountsForms } from './tables/final-accounts.ts';
import { baseDataForm, projectEvaluationForm, selfEvaluationForm } from './tables/performance.ts';
import { genericForm } from './tables/generic.ts';
import { renderNarrative, type Segment } from './narrative/render.ts';

/** Everything a report page prints, computed outside the components. */
export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

export interface ReportView {
  forms: Map<string, FormModel>;
  segments: Segment[];
  toc: TocEntry[];
}

function forms(r: Report): Map<string, FormModel> {
  const out = new Map<string, FormModel>();
  const d = r.data;
  if (d.kind === '部门决算') for (const [id, f] of Object.entries(finalAccountsForms(d.tables))) out.set(id, f);
  if (d.kind === '部门整体支出绩效自评' && d.tables) {
    const t = d.tables;
    if (t['base-data']) out.set('base-data', baseDataForm('base-data', t['base-data']));
    if (t['self-evaluation']) out.set('self-evaluation', selfEvaluationForm('self-evaluation', t['self-evaluation']));
    t.projects?.forEach((p, i) => out.set(`project-${i + 1}`, projectEvaluationForm(`project-${i + 1}`, p)));
  }
  for (const [id, t] of Object.entries(d.extraTables ?? {})) out.set(id, genericForm(id, t));
  return out;
}

export const formHeading = (f: FormModel) => (f.number ? `${f.number} ${f.title}` : f.title);

export function reportView(r: Report): ReportView {
  const { segments, headings } = renderNarrative(r.narrative);
  const formsById = forms(r);
  const toc: TocEntry[] = [];
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
  return { forms: formsById, segments, toc };
}

import type { Report } from './content/load.ts';
import { tableAnchorOf } from './content/tables.ts';
import { checkReport } from './checks/run.ts';
import { reportForms } from './tables/report-forms.ts';
import { formHeading, type FormModel } from './tables/model.ts';
import type { Passage } from './narrative/render.ts';
import { KIND_LABELS } from './labels.ts';
import type { Diagnostic } from './checks/diagnostic.ts';

/** Where a note points: a table or passage of this page, or a table of the office-year's other report. */
interface NoteLink {
  href: string;
  text: string;
}

/** A line of the page's 数据说明: what does not add up, by how much, and why it stays as published. */
export interface DataNote extends Pick<Diagnostic, 'rule' | 'message'> {
  reason: string | null;
  kind: '原文不一致' | '尾数差异';
  /** What it concerns: its passages of the narrative, then its tables in the order of its refs. */
  links: NoteLink[];
}

/** A heading's text in quotation marks; its own “” become ‘’, as quotes within quotes are written. */
const quoted = (text: string) => `“${text.replace(/“/g, '‘').replace(/”/g, '’')}”`;

/** "见正文“（二）部门整体支出情况”一节第3段": a section the reader finds in the table of contents. */
function passageText(p: Passage): string {
  if (!p.block) return `见正文标题${quoted(p.heading!.text)}`;
  const section = p.heading ? `正文${quoted(p.heading.text)}一节` : '正文开头';
  return `见${section}第${p.block}段${p.item ? `第${p.item}项` : ''}`;
}

/**
 * The notes of a report page: the findings the page reports without failing the build (rounding
 * notes and acknowledged errors), each linked to what it concerns. A ref with `source` is a table
 * of the same office-year's other report (a self-evaluation's prose checked against the 决算):
 * its link goes to that report's page and names the report.
 */
export function dataNotes(
  r: Report,
  reports: readonly Report[],
  forms: Map<string, FormModel>,
  passages: readonly Passage[],
): DataNote[] {
  // Another report's forms are built only when a note names one of its tables.
  const formsOf = new Map([[r.id, forms]]);
  const tableLink = (ref: { path: (string | number)[]; source?: string }): NoteLink | null => {
    const owner = ref.source ? reports.find((x) => x.id === ref.source) : r;
    const anchor = tableAnchorOf(ref.path);
    if (!owner || !anchor) return null;
    if (!formsOf.has(owner.id))
      formsOf.set(owner.id, new Map(reportForms(owner.data).map((x) => [x.entry.id, x.form])));
    const form = formsOf.get(owner.id)!.get(anchor);
    if (!form) return null;
    return owner === r
      ? { href: `#${anchor}`, text: `见${formHeading(form)}` }
      : {
          href: `/offices/${owner.id}/#${anchor}`,
          text: `见${KIND_LABELS[owner.data.kind]} ${formHeading(form)}`,
        };
  };
  const passageLink = ({ line }: { line: number }): NoteLink | null => {
    const p = passages.find((x) => x.lines[0] <= line && line <= x.lines[1]);
    return p ? { href: `#${p.id}`, text: passageText(p) } : null;
  };
  return checkReport(r, reports)
    .filter((f) => f.acknowledged || f.severity === 'note')
    .map((f) => {
      const links = [...(f.narrative ?? []).map(passageLink), ...f.refs.map(tableLink)];
      return {
        rule: f.rule,
        message: f.message,
        reason: f.acknowledged?.reason ?? null,
        kind: f.acknowledged ? '原文不一致' : '尾数差异',
        // A finding names a table once per figure in it, a passage once per place in it: one link each.
        links: links.filter((l, i): l is NoteLink => !!l && links.findIndex((x) => x?.href === l.href) === i),
      };
    });
}

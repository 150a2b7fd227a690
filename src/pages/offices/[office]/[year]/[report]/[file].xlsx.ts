import type { APIRoute, GetStaticPaths } from 'astro';
import { content, report } from '../../../../../lib/site.ts';
import { reportWorkbook } from '../../../../../lib/excel/export.ts';
import { hasWorkbook, workbookName } from '../../../../../lib/excel/workbook-url.ts';

/** Each report's tables as an Excel workbook in the official layout, beside its page. */
export const getStaticPaths = (() =>
  content()
    .reports.filter((r) => hasWorkbook(r.data))
    .map((r) => ({
      params: { office: r.office, year: String(r.data.year), report: r.slug, file: workbookName(r) },
      props: { id: r.id },
    }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ id: string }> = async ({ props }) =>
  new Response(new Uint8Array(await reportWorkbook(report(props.id).data)), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });

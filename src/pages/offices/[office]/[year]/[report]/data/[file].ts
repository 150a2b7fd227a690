import type { APIRoute, GetStaticPaths } from 'astro';
import { content, report } from '../../../../../../lib/site.ts';
import { packageFileNames, publishedFiles, reportPackage } from '../../../../../../lib/open-data/package.ts';
import { mediaType } from '../../../../../../lib/open-data/urls.ts';

/** Each report's open data (docs/open-data.md): every table and chart as CSV/JSON/xlsx, datapackage.json, the zip. */
export const getStaticPaths = (() =>
  content().reports.flatMap((r) =>
    packageFileNames(r).map((file) => ({
      params: { office: r.office, year: String(r.data.year), report: r.slug, file },
      props: { id: r.id, file },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ id: string; file: string }> = async ({ props, site }) => {
  const p = await reportPackage(report(props.id), String(site));
  const f = publishedFiles(p).find((x) => x.path === props.file);
  if (!f) throw new Error(`${props.id}: no data file ${props.file}`);
  return new Response(new Uint8Array(f.bytes), { headers: { 'Content-Type': mediaType(f.path) } });
};

import type { APIRoute, GetStaticPaths } from 'astro';
import { content, office, reportsOf } from '../../../../lib/site.ts';
import { officeData, pageFileNames, pageFiles } from '../../../../lib/open-data/site-wide.ts';
import { mediaType } from '../../../../lib/open-data/urls.ts';

/** Each office page's open data (docs/open-data.md): its table of main figures and its trend chart as CSV/JSON/xlsx. */
export const getStaticPaths = (() =>
  content().offices.flatMap((o) =>
    pageFileNames(officeData(o, reportsOf(o.slug))).map((file) => ({
      params: { office: o.slug, file },
      props: { slug: o.slug, file },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ slug: string; file: string }> = async ({ props, site }) => {
  const files = await pageFiles(officeData(office(props.slug), reportsOf(props.slug)), String(site));
  const f = files.find((x) => x.path === props.file);
  if (!f) throw new Error(`${props.slug}: no data file ${props.file}`);
  return new Response(new Uint8Array(f.bytes), { headers: { 'Content-Type': mediaType(f.path) } });
};

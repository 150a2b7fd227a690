import type { APIRoute, GetStaticPaths } from 'astro';
import { content } from '../../../lib/site.ts';
import { compareData, pageFileNames, pageFiles } from '../../../lib/open-data/site-wide.ts';
import { mediaType } from '../../../lib/open-data/urls.ts';

const data = () => {
  const { offices, reports } = content();
  return compareData(offices, reports);
};

/** The /compare/ page's open data (docs/open-data.md): its table and each chart as CSV/JSON/xlsx. */
export const getStaticPaths = (() =>
  pageFileNames(data()).map((file) => ({ params: { file }, props: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: string }> = async ({ props, site }) => {
  const f = (await pageFiles(data(), String(site))).find((x) => x.path === props.file);
  if (!f) throw new Error(`/compare/: no data file ${props.file}`);
  return new Response(new Uint8Array(f.bytes), { headers: { 'Content-Type': mediaType(f.path) } });
};

import type { APIRoute, GetStaticPaths } from 'astro';
import { archiveBytes, archives } from '../../../../lib/site.ts';

/** Each archived source document at /sources/<office>/<year>/<name>.txt, byte for byte. */
export const getStaticPaths = (() =>
  archives().map((archive) => {
    const [, office, year, name] = archive.replace(/\.txt$/, '').split('/');
    return { params: { office, year, name }, props: { archive } };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ archive: string }> = ({ props }) =>
  new Response(new Uint8Array(archiveBytes(props.archive)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });

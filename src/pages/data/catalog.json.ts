import type { APIRoute } from 'astro';
import { content } from '../../lib/site.ts';
import { openData } from '../../lib/open-data/catalog.ts';

/** The machine-readable catalogue of the site's open data. */
export const GET: APIRoute = async ({ site }) => {
  const { catalog } = await openData(content(), String(site));
  return new Response(`${JSON.stringify(catalog, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

import type { APIRoute } from 'astro';
import { content } from '../../lib/site.ts';
import { openData } from '../../lib/open-data/catalog.ts';

/** Every report's data package in one zip, a folder per report. */
export const GET: APIRoute = async ({ site }) => {
  const { bulk } = await openData(content(), String(site));
  return new Response(new Uint8Array(bulk), { headers: { 'Content-Type': 'application/zip' } });
};

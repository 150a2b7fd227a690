import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadContent, type Content, type Office, type Report } from './content/load.ts';
import { ContentErrors } from './content/errors.ts';
import { archiveFile } from './content/archive.ts';
import { glossary, type Term } from './glossary.ts';
import { viewContext, type ViewContext } from './report-view.ts';

/**
 * The site's view of content/: loaded once per build (not through Astro's content layer, whose
 * data store does not scale to thousands of reports), sorted, with URL helpers.
 *
 * In `astro dev` the gongkai integration calls invalidateContent() when a file under content/ or
 * sources/ changes, and the next page loads the content again. The integration and the pages run
 * this module as separate instances (Astro's config loader and the dev server's SSR graph), so the
 * generation lives on globalThis, where both see it.
 */
const GENERATION = Symbol.for('gongkai.contentGeneration');
const store = globalThis as { [GENERATION]?: number };
const generation = () => store[GENERATION] ?? 0;

/** Marks the loaded content stale: the next content() reads content/ again. */
export function invalidateContent(): void {
  store[GENERATION] = generation() + 1;
}

let cached: Content | undefined;
let cachedGeneration = -1;
let terms: Term[] | undefined;
let context: ViewContext | undefined;
/** Offices by slug and each office's reports (in content order), indexed once per load: no page scans them all. */
let index: { offices: Map<string, Office>; reports: Map<string, Report[]> } | undefined;

/** content/ of the project, or CONTENT_DIR (the tests build broken copies of it). */
export const contentRoot = () => resolve(process.cwd(), process.env.CONTENT_DIR ?? 'content');

export function content(): Content {
  if (!cached || cachedGeneration !== generation()) {
    cached = undefined;
    terms = undefined;
    context = undefined;
    index = undefined;
    cachedGeneration = generation();
    const loaded = loadContent(contentRoot());
    if (loaded.errors.length) throw new ContentErrors(loaded.errors);
    const order = (r: Report) => `${r.office}/${9999 - r.data.year}/${r.slug}`;
    loaded.reports.sort((a, b) => (order(a) < order(b) ? -1 : 1));
    cached = loaded;
  }
  return cached;
}

export const officeUrl = (slug: string) => `/offices/${slug}/`;
export const reportUrl = (r: Report) => `/offices/${r.id}/`;
/** An archived source is published at its repository path: sources/… → /sources/…. */
export const archiveUrl = (archive: string) => `/${archive}`;

/** The archived sources the reports name, each once. */
export const archives = () => [...new Set(content().reports.map((r) => r.data.source.archive))].sort();

/** An archive's bytes, unchanged: readers get exactly the file whose sha256 the report records. */
export const archiveBytes = (archive: string) => readFileSync(archiveFile(dirname(contentRoot()), archive));

function indexed() {
  const { offices, reports } = content();
  if (!index) {
    const byOffice = new Map<string, Report[]>();
    for (const r of reports) {
      const list = byOffice.get(r.office);
      if (list) list.push(r);
      else byOffice.set(r.office, [r]);
    }
    index = { offices: new Map(offices.map((o) => [o.slug, o])), reports: byOffice };
  }
  return index;
}

export function office(slug: string): Office {
  const o = indexed().offices.get(slug);
  if (!o) throw new Error(`unknown office ${slug}`);
  return o;
}

export function reportsOf(slug: string): readonly Report[] {
  return indexed().reports.get(slug) ?? [];
}

export function report(id: string): Report {
  const r = content().reports.find((x) => x.id === id);
  if (!r) throw new Error(`unknown report ${id}`);
  return r;
}

/** The site glossary, gathered once per build. */
export function glossaryTerms(): Term[] {
  const { reports } = content();
  return (terms ??= glossary(reports));
}

/** Shared by every report page: built once, not per page (thousands of pages). */
export function reportContext(): ViewContext {
  const { reports } = content();
  return (context ??= viewContext(reports, glossaryTerms()));
}

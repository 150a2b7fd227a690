/**
 * Builds the Pagefind search index of a built site into <site>/pagefind. Pagefind's Node API runs
 * its extended binary, which segments Chinese. The API reports problems in `errors` arrays instead
 * of throwing: any error stops the build. Before indexing, every page's data-pagefind-* values are
 * checked (search-fields.ts).
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pagefind from 'pagefind';
import { searchFieldProblems } from './search-fields.ts';

/** Why the search index could not be built, in the words the build prints. */
export class SearchIndexError extends Error {}

function stopOn(step: string, errors: string[]) {
  if (errors.length) throw new SearchIndexError(`搜索索引失败（${step}）：\n${errors.join('\n')}`);
}

/**
 * GONGKAI_TIMINGS=<file> (set by `npm run bench`, scripts/bench.ts): each step's start and end, in
 * ms since the epoch, appended to the file as a JSON line. Nothing is written when it is unset.
 */
function recordTiming(step: string, start: number) {
  const file = process.env.GONGKAI_TIMINGS;
  if (file) appendFileSync(file, `${JSON.stringify({ step, start, end: Date.now() })}\n`);
}

/** Indexes the pages under `site`; returns the summary line. Throws SearchIndexError on any error. */
export async function indexSearch(site: string): Promise<string> {
  const started = performance.now();
  const checking = Date.now();
  // Filters and metadata reach the Pagefind UI as HTML: refuse a page whose values could carry markup.
  stopOn('data-pagefind-*', searchFieldProblems(site));
  recordTiming('search-fields', checking);
  const indexing = Date.now();
  try {
    const created = await pagefind.createIndex({});
    stopOn('createIndex', created.errors);
    const index = created.index!;
    const added = await index.addDirectory({ path: site });
    stopOn('addDirectory', added.errors);
    if (added.page_count === 0) stopOn('addDirectory', ['没有可索引的页面：检查 data-pagefind-body']);
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    stopOn('writeFiles', written.errors);
    return `搜索索引：${added.page_count} 个页面，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`;
  } finally {
    await pagefind.close();
    recordTiming('pagefind', indexing);
  }
}

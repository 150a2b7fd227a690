/**
 * Builds the Pagefind search index of a built site (default dist/) into <site>/pagefind.
 * Pagefind's Node API runs its extended binary, which segments Chinese. The API reports problems
 * in `errors` arrays instead of throwing: any error stops the build.
 *   npx tsx scripts/index-search.ts [dist]
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

const site = process.argv[2] ?? 'dist';
const started = performance.now();

function stopOn(step: string, errors: string[]) {
  if (!errors.length) return;
  console.error(`搜索索引失败（${step}）：\n${errors.join('\n')}`);
  process.exit(1);
}

const created = await pagefind.createIndex({});
stopOn('createIndex', created.errors);
const index = created.index!;
const added = await index.addDirectory({ path: site });
stopOn('addDirectory', added.errors);
if (added.page_count === 0) stopOn('addDirectory', ['没有可索引的页面：检查 data-pagefind-body']);
const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
stopOn('writeFiles', written.errors);
await pagefind.close();
console.log(
  `搜索索引：${added.page_count} 个页面，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`,
);

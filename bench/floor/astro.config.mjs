// The floor of `npm run bench` (scripts/bench.ts): the least a site like this one can do, built with
// the project's installed packages. `astro build --root bench/floor` renders every report of
// CONTENT_DIR (default content/) as plain HTML, then Pagefind indexes everything it wrote.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import * as pagefind from 'pagefind';

/** Pagefind's Node API returns problems in `errors` arrays instead of throwing. */
function stopOn(step, errors) {
  if (errors.length) throw new Error(`Pagefind ${step}: ${errors.join('\n')}`);
}

/** After the build: Pagefind over the whole output; GONGKAI_TIMINGS gets its start and end, as in the project. */
const searchIndex = {
  name: 'floor-search-index',
  hooks: {
    'astro:build:done': async ({ dir }) => {
      const site = fileURLToPath(dir);
      const start = Date.now();
      try {
        const created = await pagefind.createIndex({});
        stopOn('createIndex', created.errors);
        const added = await created.index.addDirectory({ path: site });
        stopOn('addDirectory', added.errors);
        const written = await created.index.writeFiles({ outputPath: join(site, 'pagefind') });
        stopOn('writeFiles', written.errors);
        if (added.page_count === 0) stopOn('addDirectory', ['no page indexed']);
      } finally {
        await pagefind.close();
      }
      if (process.env.GONGKAI_TIMINGS)
        appendFileSync(
          process.env.GONGKAI_TIMINGS,
          `${JSON.stringify({ step: 'pagefind', start, end: Date.now() })}\n`,
        );
    },
  },
};

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 2 },
  integrations: [searchIndex],
});

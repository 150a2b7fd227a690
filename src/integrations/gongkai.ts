/**
 * The site's Astro integration, registered in astro.config.mjs:
 * - before Astro reads public/ (dev and build), the chart script is bundled (chart-script.ts);
 * - in `astro dev`, content/ and sources/ (or CONTENT_DIR and the sources/ beside it) are watched:
 *   a change marks the loaded content stale (invalidateContent in src/lib/site.ts), prints the
 *   located content errors if there are any, and reloads the open pages;
 * - after `astro build`, the Pagefind index is written into the output (search-index.ts); any
 *   error Pagefind reports fails the build. Then the sitemap (written by @astrojs/sitemap, which
 *   runs before this and only logs its failures) must exist, and the Content-Security-Policy the
 *   built pages need is written to the output's _headers (csp.ts); a page the policy cannot
 *   allow fails the build.
 */
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { loadContent } from '../lib/content/load.ts';
import { contentRoot, invalidateContent } from '../lib/site.ts';
import { buildChartScript } from './chart-script.ts';
import { CspError, writeHeaders } from './csp.ts';
import { indexSearch, SearchIndexError } from './search-index.ts';

/** Prints the located content errors (file:line:col, in Chinese); true when there are none. */
function reportContentErrors(logger: AstroIntegrationLogger): boolean {
  const { errors } = loadContent(contentRoot());
  if (errors.length)
    logger.error(
      `内容有 ${errors.length} 处错误，页面暂时无法显示：\n${errors.map((e) => `${e.file}:${e.line}:${e.col} ${e.message}`).join('\n')}`,
    );
  return errors.length === 0;
}

export default function gongkai(): AstroIntegration {
  return {
    name: 'gongkai',
    hooks: {
      'astro:config:setup': async ({ config, command }) => {
        if (command === 'dev' || command === 'build') await buildChartScript(fileURLToPath(config.root));
      },
      'astro:server:setup': ({ server, logger }) => {
        const dirs = [contentRoot(), join(dirname(contentRoot()), 'sources')];
        server.watcher.add(dirs);
        let timer: NodeJS.Timeout | undefined;
        const onChange = (_event: string, file: string) => {
          if (!dirs.some((d) => file === d || file.startsWith(d + sep))) return;
          // An editor's save can be several events: reload once they settle.
          clearTimeout(timer);
          timer = setTimeout(() => {
            invalidateContent();
            if (reportContentErrors(logger)) logger.info('内容已更新，正在重新加载页面。');
            server.ws.send({ type: 'full-reload' });
          }, 50);
        };
        server.watcher.on('all', onChange);
      },
      'astro:server:start': ({ logger }) => {
        reportContentErrors(logger);
      },
      'astro:build:done': async ({ dir }) => {
        // Printed as the old index step did: `astro build --silent` mutes the logger, not these.
        const site = fileURLToPath(dir);
        try {
          console.log(await indexSearch(site));
          console.log(writeHeaders(site));
        } catch (e) {
          if (!(e instanceof SearchIndexError || e instanceof CspError)) throw e;
          console.error(e.message);
          process.exit(1);
        }
        if (!existsSync(join(site, 'sitemap-index.xml'))) {
          console.error(
            '没有生成 sitemap-index.xml：检查 astro.config.mjs 中的 site 和 @astrojs/sitemap 的设置。',
          );
          process.exit(1);
        }
      },
    },
  };
}

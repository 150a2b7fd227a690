import process from 'node:process';
import { URL } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import gongkai from './src/integrations/gongkai.ts';

/**
 * The site's public address: canonical URLs, Open Graph URLs, sitemap.xml and robots.txt are
 * absolute URLs under it. The default is a placeholder, not a real address: a deployment sets
 * SITE_URL (e.g. `SITE_URL=https://gongkai.example.gov.cn npm run build`); see docs/deploy.md.
 */
const PLACEHOLDER_SITE = 'https://gongkai.example.org/';

function siteUrl(value = process.env.SITE_URL) {
  if (!value) return PLACEHOLDER_SITE;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL 不是有效的网址：${value}`);
  }
  // Every link in the site starts at the root (/offices/…): it cannot be served under a sub-path.
  if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username)
    throw new Error(
      `SITE_URL 须是网站的根地址，如 https://gongkai.example.gov.cn（不含路径、查询或 #）：${value}`,
    );
  return url.href;
}

export default defineConfig({
  site: siteUrl(),
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [
    // Pages only (their URLs end in /), not the 原文 .txt or the .xlsx downloads; 404 is left out by the integration.
    sitemap({ filter: (url) => url.endsWith('/') }),
    // After the sitemap: its build step checks that the sitemap was written.
    gongkai(),
  ],
});

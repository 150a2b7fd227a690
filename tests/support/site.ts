import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

/** The site `npm test` built from content/ before running the tests. */
export const siteDir = () => {
  if (!process.env.SITE_DIR) throw new Error('run the tests with `npm test`, which builds the site first');
  return process.env.SITE_DIR;
};

/** The site `npm test` built from the form-variant fixtures (tests/fixtures/form-variants). */
export const fixtureSiteDir = () => {
  if (!process.env.FIXTURE_SITE_DIR)
    throw new Error('run the tests with `npm test`, which builds the fixture site (FIXTURE_SITE_DIR) first');
  return process.env.FIXTURE_SITE_DIR;
};

const pagePath = (urlPath: string) => join(siteDir(), urlPath, 'index.html');

/** Visible text of a built page, as a reader sees it. */
export function pageText(urlPath: string): string {
  return toText(fromHtml(readFileSync(pagePath(urlPath), 'utf8')));
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8', withFileTypes: false }).sort();
}

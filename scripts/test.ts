/**
 * Runs every test: installs Chromium and a CJK font for the browser tests when missing, checks formatting
 * and lint (Prettier, ESLint), type-checks
 * (TypeScript strict, Astro components included), builds the site (scripts/build-site.ts)
 * once from content/ (tests read it through SITE_DIR) and once from the form-variant fixtures
 * (FIXTURE_SITE_DIR), then runs the test files with Node's test runner, and fails if they changed
 * the git working tree. `npm test` calls this.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureChromium } from './support/chromium.ts';
import { treeChanges, treeState } from './support/tree-state.ts';

// Tests write only to git-ignored places (.test-output/) and the OS temp dir; checked at the end.
const treeBefore = treeState();

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

// The browser tests drive Debian's Chromium with a CJK font; a fresh machine has neither.
const missing = ensureChromium();
if (missing) {
  console.error(missing);
  process.exit(1);
}

// Formatting and lint first: a style problem fails in seconds, not after the build.
run('npm', ['run', '--silent', 'lint']);
run('npx', ['astro', 'check', '--minimumFailingSeverity', 'warning']);

const out = resolve('.test-output');
rmSync(out, { recursive: true, force: true });
const site = join(out, 'site');
run('npx', ['tsx', 'scripts/build-site.ts', '--outDir', site]);
// A second site from the form-variant fixtures (made-up reports, never published), for the tests of
// those forms' rendering and search (tests/form-variants.test.ts reads it through FIXTURE_SITE_DIR).
const fixtureSite = join(out, 'fixture-site');
run('npx', ['tsx', 'scripts/build-site.ts', '--outDir', fixtureSite], {
  CONTENT_DIR: 'tests/fixtures/form-variants/content',
});

const files = readdirSync('tests', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => join('tests', f));
const tests = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
  stdio: 'inherit',
  env: { ...process.env, SITE_DIR: site, FIXTURE_SITE_DIR: fixtureSite, TEST_OUTPUT: out },
});

const treeAfter = treeBefore && treeState();
const changed = treeBefore && treeAfter ? treeChanges(treeBefore, treeAfter) : [];
if (changed.length)
  console.error(
    `\n测试改动了 git 工作区中的 ${changed.length} 个文件（测试只应写入 .test-output/ 等被 git 忽略的目录或系统临时目录）：\n${changed.map((c) => `  ${c}`).join('\n')}`,
  );
process.exit(tests.status !== 0 ? (tests.status ?? 1) : changed.length ? 1 : 0);

/**
 * The archived source documents: each report page links to its original ("原文"), the built site
 * serves that file byte for byte (sha256), and `npm run check` reports a missing or changed
 * archive at the YAML line that names it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { loadContent } from '../src/lib/content/load.ts';
import { sha256 } from '../src/lib/content/archive.ts';
import { contentRoot, reportUrl } from '../src/lib/site.ts';
import { siteDir } from './support/site.ts';
import { archivedBytes } from './support/sources.ts';

const { reports } = loadContent(contentRoot());

/** The targets of the links labelled 原文 on a built page. */
function originalLinks(urlPath: string): string[] {
  const tree = fromHtml(readFileSync(join(siteDir(), urlPath, 'index.html'), 'utf8'));
  const hrefs: string[] = [];
  visit(tree, 'element', (node) => {
    if (node.tagName === 'a' && toText(node).trim() === '原文') hrefs.push(String(node.properties.href));
  });
  return hrefs;
}

for (const r of reports) {
  test(`${r.id}: the page links 原文 to its archive, served byte for byte`, () => {
    const { archive, sha256: recorded } = r.data.source;
    assert.deepEqual(originalLinks(reportUrl(r)), [`/${archive}`]);
    assert.equal(sha256(archivedBytes(archive)), recorded, `${archive} in the repository`);
    const served = join(siteDir(), archive);
    assert.ok(existsSync(served), `the site has /${archive}`);
    assert.equal(sha256(readFileSync(served)), recorded, `/${archive} on the site`);
  });
}

test('the about page links every report’s 原文', () => {
  assert.deepEqual(originalLinks('/about/').sort(), reports.map((r) => `/${r.data.source.archive}`).sort());
});

/** `npm run check` on a copy of content/ and sources/ after `change(copyRoot)`. */
function checkCopy(change: (root: string) => void) {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-sources-'));
  try {
    cpSync('content', join(root, 'content'), { recursive: true });
    cpSync('sources', join(root, 'sources'), { recursive: true });
    change(root);
    const r = spawnSync('npm', ['run', 'check', '--silent'], {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: join(root, 'content') },
    });
    return { status: r.status, lines: r.stdout.split('\n') };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** "content/…/x.yaml:LINE:COL" of the value of `key:` in a report's source block. */
function keyAt(report: (typeof reports)[number], key: string) {
  const lines = readFileSync(join(contentRoot(), '..', report.files.yaml), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith(`  ${key}: `));
  assert.ok(i >= 0, `${report.files.yaml} has source.${key}`);
  return `${report.files.yaml}:${i + 1}:${key.length + 5}`;
}

const shared = reports.find((r) => r.id === 'huaihua-beijing/2022/final-accounts')!;
const sharing = reports.filter((r) => r.data.source.archive === shared.data.source.archive);

test('a changed archive is reported at each sha256 that records it', () => {
  assert.equal(sharing.length, 2, 'the 决算 and the 绩效自评 share one document');
  const r = checkCopy((root) => appendFileSync(join(root, shared.data.source.archive), ' '));
  assert.equal(r.status, 1);
  for (const report of sharing) {
    const line = r.lines.find((l) => l.startsWith(`${keyAt(report, 'sha256')}  错误  `));
    assert.ok(line, `no error at ${keyAt(report, 'sha256')}:\n${r.lines.join('\n')}`);
    assert.match(line, /sha256 .*与 source\.sha256 不符/);
    assert.match(line, /恢复原文/);
    assert.match(line, /重新计算 sha256/);
  }
});

test('a missing archive is reported at each source.archive that names it', () => {
  const r = checkCopy((root) => rmSync(join(root, shared.data.source.archive)));
  assert.equal(r.status, 1);
  for (const report of sharing) {
    const line = r.lines.find((l) => l.startsWith(`${keyAt(report, 'archive')}  错误  `));
    assert.ok(line, `no error at ${keyAt(report, 'archive')}:\n${r.lines.join('\n')}`);
    assert.match(line, /找不到原文存档 sources\/huaihua-beijing\/2022\/.*：恢复原文/);
  }
});

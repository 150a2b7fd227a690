/** `npm run check` on the committed content, its JSON output, path filter, and the page's 数据说明. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadContent } from '../src/lib/content/load.ts';
import { contentRoot, reportUrl } from '../src/lib/site.ts';
import { pageText } from './support/site.ts';
import { checkEdited } from './support/edited-content.ts';

const check = (...args: string[]) =>
  spawnSync('npm', ['run', 'check', '--silent', '--', ...args], { encoding: 'utf8' });
const { reports } = loadContent(contentRoot());
const acknowledgements = reports.flatMap((r) =>
  (r.data.acknowledgements ?? []).map((a) => ({ report: r, ...a })),
);

test('the committed content passes: errors only, a count of the rest; --all lists every acknowledged finding', () => {
  const findingLines = (stdout: string) =>
    stdout.split('\n').filter((l) => /^content\/\S+:\d+:\d+ {2}/.test(l));
  const quiet = check();
  assert.equal(quiet.status, 0, quiet.stdout + quiet.stderr);
  assert.deepEqual(findingLines(quiet.stdout), []);
  assert.match(quiet.stdout, new RegExp(`0 个未确认的错误；另有 ${acknowledgements.length} 个已确认`));
  assert.match(quiet.stdout, /--all 列出它们/);

  const everything = check('--all');
  assert.equal(everything.status, 0);
  const lines = findingLines(everything.stdout);
  assert.equal(lines.filter((l) => l.includes('  已确认（')).length, acknowledgements.length);
  assert.ok(acknowledgements.length >= 20);
});

test('--help explains the options; an unknown option is refused with the help', () => {
  const help = check('--help');
  assert.equal(help.status, 0);
  for (const option of ['--all', '--json', 'acknowledgements'])
    assert.ok(help.stdout.includes(option), option);
  const wrong = check('--everything');
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /不认识的选项 --everything/);
});

test('--json gives file, line, column, severity, rule, message, expected, actual, acknowledged', () => {
  const rows = JSON.parse(check('--json').stdout) as Record<string, unknown>[];
  assert.equal(
    rows.length,
    acknowledgements.length + rows.filter((x) => x.severity === 'note' && !x.acknowledged).length,
  );
  for (const row of rows) {
    for (const key of ['file', 'line', 'column', 'severity', 'rule', 'message', 'acknowledged'])
      assert.ok(key in row, key);
    assert.match(String(row.file), /^content\/.+\.(yaml|md)$/);
  }
  const acked = rows.filter((x) => x.acknowledged);
  assert.ok(acked.every((x) => typeof x.expected === 'string' && typeof x.actual === 'string'));
});

test('paths limit the check to those reports', () => {
  const rows = JSON.parse(check('--json', 'content/hunan-shenzhen').stdout) as { file: string }[];
  assert.ok(rows.length > 0);
  assert.ok(rows.every((x) => x.file.startsWith('content/hunan-shenzhen/')));
});

test('each report page shows its acknowledged findings in 数据说明', () => {
  for (const a of acknowledgements) {
    const text = pageText(reportUrl(a.report));
    assert.match(text, /数据说明/);
    assert.ok(text.includes(a.reason), `${a.report.id}: ${a.reason}`);
  }
});

test('a broken ::table directive is located at its own line, not at the top of the file', () => {
  const file = 'content/huaihua-beijing/2022/final-accounts.md';
  const { errors, changed } = checkEdited([{ file, from: /^::table\{ref=t09\}$/m, to: '::table{ref=t09' }]);
  const at = `${file}:${changed[0].line}:1`;
  assert.ok(
    errors.some((e) => e.startsWith(at) && e.includes('不是完整的指令')),
    errors.join('\n'),
  );
  assert.ok(
    errors.some((e) => e.startsWith(at) && e.includes('表 t09 未在正文中放置')),
    errors.join('\n'),
  );
});

test('a content folder given as a relative path (CONTENT_DIR=…) loads without false archive errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-relative-'));
  try {
    cpSync('content', join(dir, 'content'), { recursive: true });
    cpSync('sources', join(dir, 'sources'), { recursive: true });
    const loaded = loadContent(relative(process.cwd(), join(dir, 'content')));
    assert.deepEqual(loaded.errors, []);
    assert.equal(loaded.reports.length, reports.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

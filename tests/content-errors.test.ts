/**
 * A broken content file stops `npm run build` with the file, line, column and what was
 * expected. Each case breaks one line of a copy of the real content; the expected position
 * is where the edit was made.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const REPORT = 'content/huaihua-beijing/2022/final-accounts.yaml';

interface Edit {
  file: string;
  /** Changes the file's lines; returns the 1-based line and column the error must point at. */
  apply(lines: string[]): { line: number; col: number };
}

function buildBroken(...edits: Edit[]) {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bad-'));
  cpSync('content', join(dir, 'content'), { recursive: true });
  cpSync('sources', join(dir, 'sources'), { recursive: true });
  const expected = edits.map((e) => {
    const path = join(dir, e.file);
    const lines = readFileSync(path, 'utf8').split('\n');
    const at = e.apply(lines);
    writeFileSync(path, lines.join('\n'));
    return { file: e.file, ...at };
  });
  const outDir = join(dir, 'dist');
  const r = spawnSync('npm', ['run', 'build', '--silent', '--', '--outDir', outDir], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: join(dir, 'content') },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, built: existsSync(outDir), expected };
}

const lineOf = (lines: string[], needle: string) => {
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `fixture line not found: ${needle}`);
  return i;
};

/** The printed line for a location, e.g. "content/…/final-accounts.yaml:86:9 …". */
function located(stdout: string, at: { file: string; line: number; col: number }) {
  const line = stdout.split('\n').find((l) => l.startsWith(`${at.file}:${at.line}:${at.col} `));
  assert.ok(line, `no error printed at ${at.file}:${at.line}:${at.col}; printed:\n${stdout}`);
  return line;
}

function assertStopped(r: ReturnType<typeof buildBroken>) {
  assert.notEqual(r.status, 0, 'build exits non-zero');
  assert.equal(r.built, false, 'no site is written');
  assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace');
}

const unclosedRow: Edit = {
  file: REPORT,
  apply(lines) {
    const i = lineOf(lines, '[2010309, 参事事务, 83.19, 83.19,');
    lines[i] = lines[i].replace(/\]\s*$/, '');
    return { line: i + 1, col: lines[i].indexOf('[') + 1 };
  },
};

const wordInAmount: Edit = {
  file: REPORT,
  apply(lines) {
    const i = lineOf(lines, '[2010309, 参事事务, 83.19, 0.00, 83.19,');
    lines[i] = lines[i].replace('83.19', '83.19万');
    return { line: i + 1, col: lines[i].indexOf('83.19万') + 1 };
  },
};

const unknownKey: Edit = {
  file: REPORT,
  apply(lines) {
    const i = lineOf(lines, '  t02:');
    lines.splice(i + 1, 0, '    totl: [1]');
    return { line: i + 2, col: 5 };
  },
};

const missingTable: Edit = {
  file: REPORT,
  apply(lines) {
    const start = lineOf(lines, '  t08:');
    const end = lineOf(lines, '  t09:');
    lines.splice(start, end - start);
    return { line: lineOf(lines, 'tables:') + 1, col: 1 };
  },
};

const unplacedTable: Edit = {
  file: 'content/huaihua-beijing/2022/final-accounts.md',
  apply(lines) {
    lines.splice(lineOf(lines, '::table{ref=t05}'), 1);
    return { line: 1, col: 1 };
  },
};

test('YAML syntax error: points at the bracket left open', () => {
  const r = buildBroken(unclosedRow);
  assertStopped(r);
  assert.match(located(r.stdout, r.expected[0]), /YAML 语法错误：这一行的 \[ 没有对应的 \]/);
});

test('wrong type: an amount with a word in it', () => {
  const r = buildBroken(wordInAmount);
  assertStopped(r);
  assert.match(
    located(r.stdout, r.expected[0]),
    /tables\.t03\.rows\.\d+\.2：应为金额（如 12\.34）；空白写 ~，不适用写 ——/,
  );
});

test('unknown key: names the allowed keys', () => {
  const r = buildBroken(unknownKey);
  assertStopped(r);
  assert.match(located(r.stdout, r.expected[0]), /未知的键 totl；此处允许的键：.*total、rows/);
});

test('missing table: reported at the map that should hold it', () => {
  const r = buildBroken(missingTable);
  assertStopped(r);
  assert.match(located(r.stdout, r.expected[0]), /缺少必填项 tables\.t08/);
});

test('a table the narrative does not place', () => {
  const r = buildBroken(unplacedTable);
  assertStopped(r);
  assert.match(located(r.stdout, r.expected[0]), /表 t05 未在正文中放置/);
});

test('an inconsistent figure stops the build, located at the figure', () => {
  const r = buildBroken({
    file: REPORT,
    apply(lines) {
      const i = lineOf(lines, 'budget: [50.58,');
      lines[i] = lines[i].replace('50.58', '51.58');
      return { line: i + 1, col: lines[i].indexOf('51.58') + 1 };
    },
  });
  assertStopped(r);
  assert.match(
    located(r.stdout, r.expected[0]),
    /错误 {2}fa\.t09\.total {2}公开09表 预算数 合计 为 51\.58，.* 为 50\.58，相差 1\.00/,
  );
  // A finding about published figures says how to acknowledge it, ready to paste.
  assert.match(r.stdout, /若原文确实如此（不要改数字）.*acknowledgements/);
  assert.match(
    r.stdout,
    /- rule: fa\.t09\.total\n {8}subject: 't09\.预算数\.合计'\n {8}values: \{ expected: '50\.58', actual: '51\.58' \}/,
  );
});

test('every problem is printed, not just the first', () => {
  const r = buildBroken(unknownKey, wordInAmount); // the inserted line comes first so the later position holds
  assertStopped(r);
  for (const at of r.expected) located(r.stdout, at);
  assert.match(r.stdout, /2 个未确认的错误/);
});

/**
 * `npm run review`: a system test on a clone of this repository (one commit changing one 决算
 * figure, one reformatting YAML without changing a figure), the screenshots' stability, and
 * table-driven tests of the comment's escaping and its 60 KB cut.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes } from 'mdast';
import { FORMS } from '../src/lib/fiscal/forms.ts';
import type { PageDiff, ReviewResult } from '../src/lib/review/types.ts';
import { escapeMarkdown } from '../scripts/review/markdown.ts';
import { COMMENT_LIMIT, renderComment } from '../scripts/review/comment.ts';
import { MARKER } from '../scripts/review-comment.mjs';
import { shootPages } from '../scripts/review/screenshots.ts';

const REPORT = 'huaihua-beijing/2022/final-accounts';
const YAML = `content/${REPORT}.yaml`;

const IDENTITY = {
  GIT_AUTHOR_NAME: 'review test',
  GIT_AUTHOR_EMAIL: 'review-test@example.invalid',
  GIT_COMMITTER_NAME: 'review test',
  GIT_COMMITTER_EMAIL: 'review-test@example.invalid',
};

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...IDENTITY } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function git(args: string[], cwd: string): string {
  const r = run('git', args, cwd);
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/**
 * A clone of this repository at HEAD with the working tree's uncommitted state copied in and
 * committed, so the test reviews the code as it is now; node_modules is linked.
 */
function cloneWorkingTree(into: string): string {
  const source = process.cwd();
  git(['clone', '--quiet', source, into], tmpdir());
  symlinkSync(realpathSync(join(source, 'node_modules')), join(into, 'node_modules'), 'dir');
  appendFileSync(join(into, '.git/info/exclude'), '/node_modules\n');
  const changed = git(['ls-files', '-z', '--modified', '--others', '--exclude-standard'], source)
    .split('\0')
    .filter(Boolean);
  for (const file of new Set(changed)) {
    if (!existsSync(join(source, file))) rmSync(join(into, file), { force: true });
    else {
      mkdirSync(dirname(join(into, file)), { recursive: true });
      copyFileSync(join(source, file), join(into, file));
    }
  }
  git(['add', '-A'], into);
  git(['commit', '--quiet', '--allow-empty', '-m', 'working tree'], into);
  return git(['rev-parse', 'HEAD'], into);
}

function commitEdit(repo: string, message: string, edit: (text: string) => string): string {
  const file = join(repo, YAML);
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  assert.notEqual(after, before, `${message}: the edit changes the file`);
  writeFileSync(file, after);
  git(['commit', '--quiet', '-am', message], repo);
  return git(['rev-parse', 'HEAD'], repo);
}

/** The t09 决算数 line: `actual: [25.12, …, 10.43]`, its last figure being 公务接待费. */
const T09_ACTUAL = /^(\s+actual: \[)([^\]]+)\]$/m;

const review = (repo: string, args: string[]) =>
  run('npm', ['run', '--silent', 'review', '--', ...args], repo);
const readResult = (out: string) => JSON.parse(readFileSync(join(out, 'diff.json'), 'utf8')) as ReviewResult;

describe('npm run review on a clone of the repository', () => {
  let tmp = '';
  let repo = '';
  const sha: string[] = [];
  let oldFigure = '';
  let newFigure = '';

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'gongkai-review-test-'));
    repo = join(tmp, 'repo');
    sha.push(cloneWorkingTree(repo));
    sha.push(
      commitEdit(repo, 'one figure', (text) =>
        text.replace(T09_ACTUAL, (_, start: string, list: string) => {
          const figures = list.split(',').map((f) => f.trim());
          oldFigure = figures.at(-1)!;
          newFigure = (Number(oldFigure) + 0.1).toFixed(2);
          return `${start}${[...figures.slice(0, -1), newFigure].join(', ')}]`;
        }),
      ),
    );
    // The same figures as a block sequence: other lines move, no figure changes.
    sha.push(
      commitEdit(repo, 'reformat', (text) =>
        text.replace(T09_ACTUAL, (_, start: string, list: string) => {
          const indent = start.slice(0, start.indexOf('actual'));
          return `${indent}actual:\n${list
            .split(',')
            .map((f) => `${indent}  - ${f.trim()}`)
            .join('\n')}`;
        }),
      ),
    );
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('one changed figure: exit 1, one cell, its pages changed and shot', () => {
    const out = join(tmp, 'out-figure');
    const r = review(repo, ['--base', sha[0], '--head', sha[1], '--out', out]);
    assert.equal(r.status, 1, r.stderr + r.stdout);
    assert.match(r.stdout, /构建基线 [\d.]+ 秒，构建对比 [\d.]+ 秒，比较 [\d.]+ 秒，截图 [\d.]+ 秒/);
    const result = readResult(out);
    assert.equal(result.base, sha[0]);
    assert.equal(result.head, sha[1]);
    const cells = result.reports.flatMap((x) => x.cells.map((c) => ({ report: x.id, ...c })));
    assert.equal(cells.length, 1, JSON.stringify(cells));
    assert.deepEqual(
      {
        report: cells[0].report,
        table: cells[0].table,
        row: cells[0].row,
        column: cells[0].column,
        old: cells[0].old,
        new: cells[0].new,
      },
      {
        report: REPORT,
        table: 't09',
        row: '决算数',
        column: FORMS.t09.columns.at(-1)!.label,
        old: oldFigure,
        new: newFigure,
      },
    );

    const pages = new Map(result.pages.map((p) => [p.url, p]));
    for (const url of [`/offices/${REPORT}/`, '/offices/huaihua-beijing/', '/compare/']) {
      const page = pages.get(url);
      assert.ok(page, `${url} is listed as changed (${[...pages.keys()].join(', ')})`);
      assert.equal(page.status, 'changed');
      assert.deepEqual(page.causes, [REPORT], url);
      const shot = page.screenshots!;
      assert.equal(shot.width, 1280);
      assert.ok(shot.changedRatio > 0, `${url}: pixels changed at 1280 px`);
      for (const image of [shot.base, shot.head, shot.diff]) {
        assert.ok(image && !image.startsWith('/'), `${url}: image path relative to the out dir`);
        assert.ok(existsSync(join(out, image)), `${url}: ${image} exists`);
      }
      assert.equal(page.mobile?.width, 375);
    }
    assert.deepEqual(pages.get(`/offices/${REPORT}/`)!.causes, [REPORT], 'a report page by its own report');
    for (const page of result.pages) assert.ok(page.causes.includes(REPORT), `${page.url} is explained`);

    const comment = readFileSync(join(out, 'comment.md'), 'utf8');
    assert.ok(comment.startsWith(`${MARKER}\n`), 'comment starts with the marker');
    assert.match(comment.split('\n')[1], /1 份报告中 1 个数字有变化/);
    assert.ok(
      comment.includes(
        `| 公开09表 | 决算数 | ${FORMS.t09.columns.at(-1)!.label} | ${oldFigure} → ${newFigure} |`,
      ),
      comment,
    );
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    assert.ok(
      html.includes(`<del>${oldFigure}</del> → <ins>${newFigure}</ins>`),
      'report.html shows old → new',
    );
  });

  test('reformatted YAML with the same figures: exit 0, no cells, no pages', () => {
    const out = join(tmp, 'out-reformat');
    const r = review(repo, ['--base', sha[1], '--head', sha[2], '--out', out, '--no-visual']);
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const result = readResult(out);
    assert.deepEqual(result.reports, []);
    assert.deepEqual(result.pages, []);
    assert.equal(result.searchIndexChanged, false);
    assert.ok(readFileSync(join(out, 'comment.md'), 'utf8').startsWith(`${MARKER}\n没有差异`));
  });

  test('a ref that does not exist: exit 2, a Chinese message, no stack trace', () => {
    const r = review(repo, [
      '--base',
      'no-such-ref',
      '--head',
      sha[1],
      '--out',
      join(tmp, 'out-bad'),
      '--no-visual',
    ]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /评审失败：找不到提交“no-such-ref”/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  test('two screenshots of the same unchanged page differ in no pixel', async () => {
    // The built site of the test run, or a build of the clone.
    let site = process.env.SITE_DIR;
    if (!site) {
      site = join(tmp, 'site');
      const built = run('npx', ['tsx', 'scripts/build-site.ts', '--outDir', site], repo);
      assert.equal(built.status, 0, built.stderr);
    }
    const out = join(tmp, 'out-same');
    mkdirSync(out);
    const pages: PageDiff[] = [`/offices/${REPORT}/`, '/compare/'].map((url) => ({
      url,
      status: 'changed',
      causes: [],
    }));
    await shootPages(pages, { base: site, head: site }, out);
    for (const page of pages)
      for (const shot of [page.screenshots, page.mobile]) {
        assert.equal(shot?.changedRatio, 0, `${page.url} at ${shot?.width} px`);
        assert.equal(shot?.diff, null);
      }
  });
});

/** The inline nodes a line of Markdown parses into (CommonMark), and its visible text. */
function parsed(markdown: string): { types: string[]; text: string } {
  const tree = unified().use(remarkParse).parse(markdown);
  const types: string[] = [];
  let text = '';
  const walk = (node: Nodes) => {
    types.push(node.type);
    if (node.type === 'text') text += node.value;
    if ('children' in node) node.children.forEach(walk);
  };
  walk(tree);
  return { types: [...new Set(types)], text };
}

describe('escapeMarkdown', () => {
  const hostile: [string, string][] = [
    ['html', '<img src=x onerror=alert(1)> <b>粗</b>'],
    ['fake marker', '<!-- gongkai-review --> 伪造'],
    ['link', '[点击](https://evil.example/x) 与 ![图](https://evil.example/i.png)'],
    ['autolink', 'https://evil.example/ 和 www.evil.example 和 <https://evil.example>'],
    ['mention', '@octocat 请看，@org/team 也看'],
    ['email', '联系 someone@example.com'],
    ['issue reference', '见 #123 与 owner/repo#45'],
    ['table pipe', '合计 | 基本支出 || 项目支出'],
    ['code with backticks', '`a` ``b`` ```c``` \\`d`'],
    ['emphasis', '*斜体* **粗体** _下划线_ __粗__ ~删除~ ~~删除~~'],
    ['heading and list', '# 标题'],
    ['ordered list', '1. 第一'],
    ['bullet', '- 条目'],
    ['thematic break', '---'],
    ['blockquote', '> 引用'],
    ['math', '$x^2$ 与 $$y$$'],
    ['entities', '&lt;script&gt; &amp; &#60;'],
    ['backslashes', 'C:\\path\\ 与 \\*'],
    ['newlines', '第一行\n\n# 第二段\r\n| 表 |'],
    ['invisible', '正\u202E文\u200B字\u0000'],
    ['footnote', '[^1] 与 [^1]: 注'],
    ['html comment', 'a <!-- b --> c'],
  ];
  for (const [name, input] of hostile)
    test(`${name}: renders as the same plain text`, () => {
      const escaped = escapeMarkdown(input);
      assert.ok(!escaped.includes('\n'), 'one line');
      assert.ok(!/[<>]/.test(escaped), 'no raw angle brackets');
      assert.ok(!/(^|[^\\])\|/.test(escaped), 'every | is escaped');
      assert.ok(!/(^|[^\\])`/.test(escaped), 'every backtick is escaped');
      assert.ok(!/@\w/.test(escaped), 'no @mention');
      assert.ok(!/#\d/.test(escaped), 'no #reference');
      assert.ok(!/:\/\/|www\./i.test(escaped), 'no autolink literal');
      assert.ok(!/(^|[^\\])[~$]/.test(escaped), 'no strikethrough or math');
      // As a list item (what the comment puts it in) and as a table cell's text.
      for (const markdown of [`- ${escaped}`, escaped]) {
        const { types, text } = parsed(markdown);
        const allowed = ['root', 'list', 'listItem', 'paragraph', 'text'];
        assert.deepEqual(
          types.filter((t) => !allowed.includes(t)),
          [],
          `${markdown} parses to text only`,
        );
        const visible = input
          .replace(/\p{Cf}/gu, '')
          .replace(/\s+/g, ' ')
          .replace(/\p{Cc}/gu, '')
          .trim();
        assert.equal(text.replace(/\u200b/g, ''), visible, 'the reader sees the original text');
      }
    });
});

/** A result with many changed figures, each with long hostile names. */
function bigResult(cells: number): ReviewResult {
  return {
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    reports: [
      {
        id: REPORT,
        status: 'changed',
        cells: Array.from({ length: cells }, (_, i) => ({
          file: YAML,
          line: i + 1,
          table: 't03',
          row: `${2010000 + i}`,
          rowName: `行政运行 | <b>@someone</b> ${'很长的名称'.repeat(10)}`,
          column: '基本支出',
          old: `${i}.00`,
          new: `${i}.10`,
          delta: '0.10',
        })),
        narrative: [],
        meta: [],
        findings: { new: [], fixed: [] },
      },
    ],
    offices: [],
    pages: [{ url: `/offices/${REPORT}/`, status: 'changed', causes: [REPORT] }],
  };
}

describe('the comment is at most 60 KB', () => {
  const cases: [string, number, boolean][] = [
    ['a few rows', 10, false],
    ['just over the limit', 260, true],
    ['far over the limit', 5000, true],
  ];
  for (const [name, cells, cut] of cases)
    test(name, () => {
      const comment = renderComment(bigResult(cells));
      const bytes = Buffer.byteLength(comment);
      assert.ok(bytes <= COMMENT_LIMIT, `${bytes} bytes`);
      assert.ok(comment.startsWith(`${MARKER}\n`));
      const rows = comment.split('\n').filter((l) => /^\| 公开03表 \| 20\d+ /.test(l));
      const pageRows = comment.split('\n').filter((l) => l.startsWith('| /offices/')).length;
      const footer = /\n另有 (\d+) 项见 report\.html\n$/.exec(comment);
      if (!cut) {
        assert.equal(footer, null);
        assert.equal(rows.length, cells);
        return;
      }
      assert.ok(footer, 'ends with the count of what was left out');
      assert.equal(rows.length + pageRows + Number(footer[1]), cells + 1, 'every row is shown or counted');
      const lastRow = comment.split('\n').at(-4)!;
      assert.match(lastRow, /^\| .* \|$/, 'cut at a row boundary');
    });
});

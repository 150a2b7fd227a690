/**
 * What the limits of src/lib/content/limits.ts cost: for each limit, the largest input just under
 * it and the smallest just over it, checked in a fresh process on a copy of content/ (load and
 * every rule, as `npm run check` does). Prints the check time, the whole process's wall time
 * and its peak memory. Not a test: figures for docs/limits.md.
 *   npx tsx scripts/bench-hostile.ts [--build] [case…]
 * --build also builds the site with the just-under-the-limit narrative and compares the time
 * with a build of the committed content.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  MAX_BYTES,
  MAX_ENTRIES,
  MAX_LINE_LENGTH,
  MAX_LINES,
  MAX_MARKUP_PER_FILE,
  MAX_MARKUP_PER_PARAGRAPH,
  MAX_NARRATIVE_DEPTH,
  MAX_TOTAL_BYTES,
  MAX_UNDERLINED_HEADINGS,
  MAX_YAML_DEPTH,
} from '../src/lib/content/limits.ts';

const REPORT = 'content/huaihua-beijing/2022/final-accounts';
const OFFICE = 'content/huaihua-beijing/office.yaml';
const ARCHIVE = 'sources/huaihua-beijing/2022/final-accounts-and-performance.txt';

// ---- measuring one copy (in a child process, so that peak memory is its own) ----

if (process.argv[2] === '--measure') {
  const dir = process.argv[3];
  const { loadContent } = await import('../src/lib/content/load.ts');
  const { reportRows, schemaRows } = await import('../src/lib/checks/rows.ts');
  const started = performance.now();
  const content = loadContent(join(dir, 'content'), { locations: true });
  const rows = [...schemaRows(content.errors), ...content.reports.flatMap((r) => reportRows(r, content))];
  const ms = performance.now() - started;
  const first = content.errors[0];
  console.log(
    JSON.stringify({
      ms,
      rssMb: process.resourceUsage().maxRSS / 1024,
      heapMb: process.memoryUsage().heapUsed / 2 ** 20,
      rows: rows.length,
      first: first
        ? `${first.file.split('/').pop()}:${first.line}:${first.col} ${first.message.slice(0, 36)}`
        : '',
    }),
  );
  process.exit(0);
}

// ---- the inputs ----

const KiB = 1024;
const han = (n: number) => '财政拨款收入支出决算总表'.repeat(Math.ceil(n / 12)).slice(0, n);
const bytesOf = (s: string) => Buffer.byteLength(s);

/** Text of exactly `bytes` bytes: lines of Chinese (3 bytes a character) of up to `perLine` characters, padded with ASCII. */
function chineseOfBytes(bytes: number, perLine = 3000, separator = '\n\n'): string {
  const paragraph = han(perLine) + separator;
  const whole = paragraph.repeat(Math.floor(bytes / bytesOf(paragraph)));
  return whole + 'a'.repeat(bytes - bytesOf(whole));
}

type Edit = (dir: string) => void;
const narrative = (dir: string) => join(dir, `${REPORT}.md`);
const reportYaml = (dir: string) => join(dir, `${REPORT}.yaml`);
const original = (file: string) => readFileSync(file, 'utf8');
const narrativeOfBytes =
  (bytes: number, perLine?: number): Edit =>
  (dir) => {
    const head = `${original('content/huaihua-beijing/2022/final-accounts.md')}\n`;
    writeFileSync(narrative(dir), head + chineseOfBytes(bytes - bytesOf(head), perLine));
  };
const appendNarrative =
  (text: string): Edit =>
  (dir) =>
    appendFileSync(narrative(dir), `\n${text}\n`);
/** Appended as a comment-free extra key after the report's data: parsed, then refused by the schema. */
const appendYaml =
  (text: string): Edit =>
  (dir) =>
    appendFileSync(reportYaml(dir), text);
const yamlOfBytes =
  (bytes: number, line: (i: number) => string): Edit =>
  (dir) => {
    let text = `${original(`${REPORT}.yaml`)}extra:\n`;
    const lines: string[] = [];
    let size = bytesOf(text);
    for (let i = 0; size + bytesOf(line(i)) + 1 <= bytes; i++) {
      lines.push(line(i));
      size += bytesOf(line(i)) + 1;
    }
    text += `${lines.join('\n')}\n`;
    writeFileSync(
      reportYaml(dir),
      text + '#'.repeat(Math.max(0, bytes - bytesOf(text) - 1)) + (bytes > bytesOf(text) ? '\n' : ''),
    );
  };
/** Paragraphs of `_*a` (two markup characters in three), the slowest shape measured. */
const markupParagraphs = (paragraphs: number, perParagraph: number) =>
  Array.from({ length: paragraphs }, () => '_*a'.repeat(perParagraph / 2)).join('\n\n');
const nested = (depth: number) => `${'> '.repeat(depth)}财政拨款`;

interface Case {
  name: string;
  under: Edit;
  over: Edit;
}

const lines = (n: number, line: string | ((i: number) => string)) =>
  Array.from({ length: n }, (_, i) => (typeof line === 'string' ? line : line(i))).join('\n');
/** Lines of a committed file (each ends with a newline). */
const linesOf = (file: string) => original(file).split('\n').length - 1;
const committedEntries = () =>
  spawnSync('find', ['content', '-mindepth', '1'], { encoding: 'utf8' }).stdout.trim().split('\n').length;

const cases: Case[] = [
  {
    name: `正文大小 ${MAX_BYTES.narrative / KiB} KB（中文段落）`,
    under: narrativeOfBytes(MAX_BYTES.narrative),
    over: narrativeOfBytes(MAX_BYTES.narrative + 1),
  },
  {
    name: `每行 ${MAX_LINE_LENGTH} 字（一行中文）`,
    under: appendNarrative(han(MAX_LINE_LENGTH)),
    over: appendNarrative(han(MAX_LINE_LENGTH + 1)),
  },
  {
    name: `正文 ${MAX_LINES} 行（## 标题）`,
    under: (dir) =>
      writeFileSync(
        narrative(dir),
        `${original(`${REPORT}.md`)}${lines(MAX_LINES - linesOf(`${REPORT}.md`), '## 标题')}`,
      ),
    over: (dir) =>
      writeFileSync(
        narrative(dir),
        `${original(`${REPORT}.md`)}${lines(MAX_LINES - linesOf(`${REPORT}.md`) + 1, '## 标题')}`,
      ),
  },
  {
    name: `嵌套 ${MAX_NARRATIVE_DEPTH} 层（每行 > 引用，填满大小上限）`,
    under: (dir) => {
      const head = `${original(`${REPORT}.md`)}\n`;
      const line = nested(MAX_NARRATIVE_DEPTH);
      const n = Math.min(
        MAX_LINES - 240,
        Math.floor((MAX_BYTES.narrative - bytesOf(head)) / (bytesOf(line) + 1)),
      );
      writeFileSync(narrative(dir), head + lines(n, line));
    },
    over: appendNarrative(nested(MAX_NARRATIVE_DEPTH + 1)),
  },
  {
    name: `每段 ${MAX_MARKUP_PER_PARAGRAPH} 个标记字符、全文 ${MAX_MARKUP_PER_FILE} 个（_*a 重复）`,
    under: appendNarrative(
      markupParagraphs(MAX_MARKUP_PER_FILE / MAX_MARKUP_PER_PARAGRAPH - 1, MAX_MARKUP_PER_PARAGRAPH),
    ),
    over: appendNarrative(markupParagraphs(1, MAX_MARKUP_PER_PARAGRAPH + 2)),
  },
  {
    name: `下划线标题 ${MAX_UNDERLINED_HEADINGS} 个（在 ${MAX_LINES - 400} 行之后）`,
    under: (dir) =>
      writeFileSync(
        narrative(dir),
        `${original(`${REPORT}.md`)}${lines(MAX_LINES - 400, '## 标题')}\n${lines(MAX_UNDERLINED_HEADINGS, '标题\n===')}\n`,
      ),
    over: (dir) =>
      writeFileSync(
        narrative(dir),
        `${original(`${REPORT}.md`)}${lines(MAX_LINES - 400, '## 标题')}\n${lines(MAX_UNDERLINED_HEADINGS + 1, '标题\n===')}\n`,
      ),
  },
  {
    name: `报告 YAML ${MAX_BYTES.report / KiB} KB（真实形状的行）`,
    under: yamlOfBytes(
      MAX_BYTES.report,
      (i) => `  - [${2010301 + i}, 行政运行, 134.38, 134.38, 0.00, 0.00, 0.00, 0.00, 0.00]`,
    ),
    over: yamlOfBytes(
      MAX_BYTES.report + 1,
      (i) => `  - [${2010301 + i}, 行政运行, 134.38, 134.38, 0.00, 0.00, 0.00, 0.00, 0.00]`,
    ),
  },
  {
    name: `报告 YAML ${MAX_BYTES.report / KiB} KB（每行 ${MAX_LINE_LENGTH} 字符的 [1,1,…]）`,
    under: yamlOfBytes(MAX_BYTES.report, () => `  - [${'1,'.repeat(MAX_LINE_LENGTH / 2 - 4)}1]`),
    over: yamlOfBytes(MAX_BYTES.report + 1, () => `  - [${'1,'.repeat(MAX_LINE_LENGTH / 2 - 4)}1]`),
  },
  {
    name: `报告 YAML ${MAX_LINES} 行（一个映射的键）`,
    under: (dir) =>
      appendYaml(`extra:\n${lines(MAX_LINES - linesOf(`${REPORT}.yaml`) - 1, (i) => `  k${i}: 1`)}\n`)(dir),
    over: (dir) =>
      appendYaml(`extra:\n${lines(MAX_LINES - linesOf(`${REPORT}.yaml`), (i) => `  k${i}: 1`)}\n`)(dir),
  },
  {
    name: `YAML 嵌套 ${MAX_YAML_DEPTH} 层（[[…]]）`,
    under: appendYaml(`extra: ${'['.repeat(MAX_YAML_DEPTH - 1)}${']'.repeat(MAX_YAML_DEPTH - 1)}\n`),
    over: appendYaml(`extra: ${'['.repeat(MAX_YAML_DEPTH)}${']'.repeat(MAX_YAML_DEPTH)}\n`),
  },
  {
    name: '别名 0 个（超出：十层别名炸弹）',
    under: appendYaml('extra: [a, a]\n'),
    over: appendYaml(
      Array.from({ length: 10 }, (_, i) =>
        i
          ? `a${i}: &a${i} [${Array(9)
              .fill(`*a${i - 1}`)
              .join(', ')}]`
          : 'a0: &a0 [x, x, x, x, x, x, x, x, x]',
      ).join('\n') + '\n',
    ),
  },
  {
    name: `office.yaml ${MAX_BYTES.office / KiB} KB`,
    under: (dir) =>
      appendFileSync(join(dir, OFFICE), commentOfBytes(MAX_BYTES.office - bytesOf(original(OFFICE)))),
    over: (dir) =>
      appendFileSync(join(dir, OFFICE), commentOfBytes(MAX_BYTES.office - bytesOf(original(OFFICE)) + 1)),
  },
  {
    name: `原文存档 ${MAX_BYTES.archive / KiB / KiB} MB`,
    under: (dir) =>
      appendFileSync(join(dir, ARCHIVE), 'a'.repeat(MAX_BYTES.archive - bytesOf(original(ARCHIVE)))),
    over: (dir) =>
      appendFileSync(join(dir, ARCHIVE), 'a'.repeat(MAX_BYTES.archive - bytesOf(original(ARCHIVE)) + 1)),
  },
  {
    name: `文件和目录 ${MAX_ENTRIES} 个（content/ 下的空文件）`,
    under: (dir) => emptyFiles(dir, MAX_ENTRIES - committedEntries()),
    over: (dir) => emptyFiles(dir, MAX_ENTRIES - committedEntries() + 1),
  },
  {
    name: `合计 ${MAX_TOTAL_BYTES / KiB / KiB} MB（每个 512 KB 的 YAML，首行过长）`,
    under: (dir) => manyBigFiles(dir, 0),
    over: (dir) => manyBigFiles(dir, 1),
  },
  {
    name: '符号链接（超出：正文链接到 /proc/self/environ）',
    under: () => {},
    over: (dir) => {
      rmSync(narrative(dir));
      symlinkSync('/proc/self/environ', narrative(dir));
    },
  },
];

/** YAML comment lines of 1,000 bytes, `bytes` in all. */
function commentOfBytes(bytes: number): string {
  const whole = `#${'a'.repeat(998)}\n`.repeat(Math.floor(bytes / 1000));
  const rest = bytes - whole.length;
  return whole + (rest > 1 ? `#${'a'.repeat(rest - 2)}\n` : '\n'.repeat(rest));
}

/** Empty files at the top of content/, which the loader lists but does not read. */
function emptyFiles(dir: string, n: number) {
  for (let i = 0; i < n; i++) writeFileSync(join(dir, 'content', `f${i}.txt`), '');
}

/**
 * Reports whose YAML is refused at its first line, each as big as allowed: the cost of reading
 * alone. As many as fit in the byte budget beside the committed content, plus `extra`.
 */
function manyBigFiles(dir: string, extra: number) {
  const year = join(dir, 'content/huaihua-beijing/2023');
  mkdirSync(year);
  const text = `${'a'.repeat(MAX_LINE_LENGTH + 1)}\n`.repeat(
    Math.floor(MAX_BYTES.report / (MAX_LINE_LENGTH + 2)),
  );
  const committed = spawnSync('find', ['content', '-type', 'f', '-printf', '%s\\n'], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .reduce((sum, size) => sum + Number(size), 0);
  // Each report also has a narrative of 6 bytes.
  const n = Math.floor((MAX_TOTAL_BYTES - committed) / (bytesOf(text) + 6)) + extra;
  for (let i = 0; i < n; i++) {
    writeFileSync(join(year, `r${i}.yaml`), text);
    writeFileSync(join(year, `r${i}.md`), '正文');
  }
}

// ---- running ----

function copy(edit: Edit): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
  cpSync('content', join(dir, 'content'), { recursive: true });
  cpSync('sources', join(dir, 'sources'), { recursive: true });
  edit(dir);
  return dir;
}

function measure(edit: Edit) {
  const dir = copy(edit);
  try {
    const started = performance.now();
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', resolve('scripts/bench-hostile.ts'), '--measure', dir],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      },
    );
    const wall = performance.now() - started;
    if (r.status !== 0) return { error: (r.stderr || r.stdout).split('\n').slice(0, 3).join(' ') };
    return { ...(JSON.parse(r.stdout) as { ms: number; rssMb: number; first: string }), wall };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function build(edit: Edit): number {
  const dir = copy(edit);
  try {
    const started = performance.now();
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/build-site.ts', '--outDir', join(dir, 'dist')],
      {
        env: { ...process.env, CONTENT_DIR: join(dir, 'content') },
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr.slice(-500)}`);
    return (performance.now() - started) / 1000;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const row = (label: string, m: ReturnType<typeof measure>) =>
  'error' in m
    ? `  ${label}  失败：${m.error}`
    : `  ${label}  检查 ${m.ms.toFixed(0).padStart(6)} ms  进程 ${m.wall.toFixed(0).padStart(6)} ms  峰值内存 ${m.rssMb.toFixed(0).padStart(5)} MB  ${m.first}`;

console.log(
  `基线（已提交的内容）：\n${row(
    '    ',
    measure(() => {}),
  )}`,
);
for (const c of cases.filter((c) => !wanted.length || wanted.some((w) => c.name.includes(w)))) {
  console.log(c.name);
  console.log(row('上限内', measure(c.under)));
  console.log(row('超出  ', measure(c.over)));
}
if (process.argv.includes('--build')) {
  const base = build(() => {});
  const big = build(narrativeOfBytes(MAX_BYTES.narrative));
  console.log(
    `构建整站：已提交的内容 ${base.toFixed(1)} s；其中一份正文换成 ${MAX_BYTES.narrative / KiB} KB 的中文 ${big.toFixed(1)} s`,
  );
}

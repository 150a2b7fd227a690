/**
 * Hostile files: content, proposed by anyone in a pull request, that tries to read outside
 * content/, to make the check or the build hang, run out of memory or overflow the stack, or to
 * be read as something other than it is. Each case changes a copy of content/ and sources/ and
 * asserts exactly what is reported: the file, the line and column, a Chinese message with the
 * key words, no English from a parser, no text from outside content/, and a quick answer.
 * A few cases run the real `npm run check` and `npm run build`.
 *   node --import tsx --test tests/hostile-files.test.ts
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../src/lib/content/load.ts';
import {
  MAX_BYTES,
  MAX_ENTRIES,
  MAX_ERRORS_PER_FILE,
  MAX_LINE_LENGTH,
  MAX_LINES,
  MAX_MARKUP_PER_FILE,
  MAX_MARKUP_PER_PARAGRAPH,
  MAX_NARRATIVE_DEPTH,
  MAX_TOTAL_BYTES,
  MAX_UNDERLINED_HEADINGS,
  MAX_YAML_DEPTH,
} from '../src/lib/content/limits.ts';

const FA = 'content/huaihua-beijing/2022/final-accounts';
const FA_MD = `${FA}.md`;
const FA_YAML = `${FA}.yaml`;
const OFFICE = 'content/huaihua-beijing/office.yaml';
const ARCHIVE = 'sources/huaihua-beijing/2022/final-accounts-and-performance.txt';

/** Text no content file holds: it must never appear in anything the loader returns or the check prints. */
const SECRET = `SECRET-${randomUUID()}`;
const outside = mkdtempSync(join(tmpdir(), 'gongkai-outside-'));
const secretFile = join(outside, 'secret.txt');
writeFileSync(secretFile, `${SECRET}\n`);
const work = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
after(() => {
  rmSync(outside, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

let copies = 0;
/** A fresh copy of content/ and sources/ (the loader checks each report's archive). */
function copy(): string {
  const dir = join(work, String(copies++));
  cpSync('content', join(dir, 'content'), { recursive: true });
  cpSync('sources', join(dir, 'sources'), { recursive: true });
  // Archives are committed read-only; the copies may be changed.
  chmodSync(join(dir, ARCHIVE), 0o644);
  return dir;
}

const KiB = 1024;
const han = (n: number) => '财政拨款收入支出决算总表'.repeat(Math.ceil(n / 12)).slice(0, n);
const committed = (file: string) => readFileSync(file, 'utf8');
/** Lines of a committed file (each ends with a newline). */
const linesOf = (file: string) => committed(file).split('\n').length - 1;
/** Writes the committed file, a blank line and `block`; returns the line `block` starts on. */
function append(dir: string, file: string, block: string): number {
  writeFileSync(join(dir, file), `${committed(file)}\n${block}\n`);
  return linesOf(file) + 2;
}
const replace = (dir: string, file: string, from: string | RegExp, to: string) => {
  const text = committed(file);
  assert.ok(typeof from === 'string' ? text.includes(from) : from.test(text), `${from} not in ${file}`);
  writeFileSync(join(dir, file), text.replace(from, to));
};
const lineOf = (file: string, needle: string) =>
  committed(file)
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;
const colOf = (file: string, needle: string, part: string) =>
  committed(file).split('\n')[lineOf(file, needle) - 1].indexOf(part) + 1;
/** Text of exactly `bytes` UTF-8 bytes: paragraphs of Chinese, padded with ASCII. */
function chineseOfBytes(bytes: number): string {
  const paragraph = `${han(3000)}\n\n`;
  const whole = paragraph.repeat(Math.floor(bytes / Buffer.byteLength(paragraph)));
  return whole + 'a'.repeat(bytes - Buffer.byteLength(whole));
}
/** YAML comment lines of at most 1,000 bytes, `bytes` in all. */
function commentOfBytes(bytes: number): string {
  const whole = `#${'a'.repeat(998)}\n`.repeat(Math.floor(bytes / 1000));
  const rest = bytes - whole.length;
  return whole + (rest > 1 ? `#${'a'.repeat(rest - 2)}\n` : '\n'.repeat(rest));
}
const padTo = (dir: string, file: string, bytes: number, pad: (n: number) => string) =>
  writeFileSync(join(dir, file), committed(file) + pad(bytes - Buffer.byteLength(committed(file))));
const link = (dir: string, file: string, target: string) => {
  rmSync(join(dir, file), { recursive: true, force: true });
  symlinkSync(target, join(dir, file));
};

/** The position a message must be at, and what it must say. */
interface Refused {
  file: string;
  line: number;
  col: number;
  message: RegExp;
}
/** Files that must load with no problem at all: an input at (not over) a limit. */
interface Accepted {
  accepted: string[];
}
/** An input at a limit that the schema refuses for another reason: only the limit's message must be absent. */
interface WithinLimit {
  within: string;
  notReported: RegExp;
}
type Expected = Refused | Accepted | WithinLimit;
interface Case {
  name: string;
  /** Changes the copy; returns what must be reported. */
  edit(dir: string): Expected | Promise<Expected>;
}

const SYMLINK = /是符号链接：内容目录只接受普通文件和目录，请换成文件本身/;
/** Words of the yaml package's English messages: none may reach staff. */
const ENGLISH =
  /\b(must|allowed|Missing|Unexpected|Implicit|indent|Nested|mapping|sequence|token|scalar|Flow|alias|anchor|quote|resolve)\b/i;
const SAVE_AS = /请另存为 UTF-8（无 BOM）/;
const at1 = (file: string, message: RegExp): Refused => ({ file, line: 1, col: 1, message });

/** GBK bytes of 中文机构 (D6D0 CEC4 BBFA B9B9), as Windows Notepad saves them. */
const GBK_NAME = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xbb, 0xfa, 0xb9, 0xb9]);
const ALIAS_BOMB = Array.from({ length: 10 }, (_, i) =>
  i
    ? `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`
    : 'a0: &a0 [x, x, x, x, x, x, x, x, x]',
).join('\n');
const MARKUP = /[*_[\]!<&`\\:(){}]/g;
const TOO_DEEP = new RegExp(`嵌套到第 ${MAX_NARRATIVE_DEPTH + 1} 层`);

/** Listens on a Unix socket at `path` until the tests end. */
async function socketAt(path: string) {
  const server = createServer();
  await new Promise<void>((done) => server.listen(path, done));
  after(() => server.close());
}

const cases: Case[] = [
  // Links, in every form, are refused before anything is read through them.
  {
    name: 'a narrative linked to a file outside content/ holding a secret',
    edit: (dir) => (link(dir, FA_MD, secretFile), at1(FA_MD, SYMLINK)),
  },
  {
    name: 'a narrative linked to /proc/self/environ',
    edit: (dir) => (link(dir, FA_MD, '/proc/self/environ'), at1(FA_MD, SYMLINK)),
  },
  {
    name: 'a narrative linked to another narrative inside content/',
    edit: (dir) => (link(dir, FA_MD, 'performance.md'), at1(FA_MD, SYMLINK)),
  },
  {
    name: 'a dangling link as report YAML',
    edit: (dir) => (link(dir, FA_YAML, join(outside, 'no-such-file.yaml')), at1(FA_YAML, SYMLINK)),
  },
  {
    name: 'a link to itself',
    edit: (dir) => (link(dir, FA_MD, 'final-accounts.md'), at1(FA_MD, SYMLINK)),
  },
  {
    name: 'office.yaml linked to the secret',
    edit: (dir) => (link(dir, OFFICE, secretFile), at1(OFFICE, SYMLINK)),
  },
  {
    name: 'an office directory linked to a directory outside content/',
    edit: (dir) => {
      const office = join(outside, `office-${copies}`);
      cpSync('content/zhanjiang-guangzhou', office, { recursive: true });
      writeFileSync(join(office, 'office.yaml'), `name: ${SECRET}\n`);
      symlinkSync(office, join(dir, 'content/evil-office'));
      return at1('content/evil-office', SYMLINK);
    },
  },
  {
    name: 'a year directory linked to another year',
    edit: (dir) => (
      symlinkSync('2022', join(dir, 'content/huaihua-beijing/2023')),
      at1('content/huaihua-beijing/2023', SYMLINK)
    ),
  },
  {
    name: 'a link at the top of content/ (where plain files are ignored)',
    edit: (dir) => (symlinkSync(secretFile, join(dir, 'content/notes.md')), at1('content/notes.md', SYMLINK)),
  },
  {
    name: 'a link to /dev/zero',
    edit: (dir) => (link(dir, FA_MD, '/dev/zero'), at1(FA_MD, SYMLINK)),
  },
  {
    name: 'an archived source linked to the secret',
    edit: (dir) => {
      link(dir, ARCHIVE, secretFile);
      return {
        file: FA_YAML,
        line: lineOf(FA_YAML, 'archive:'),
        col: colOf(FA_YAML, 'archive:', 'sources/'),
        message:
          /原文存档 sources\/huaihua-beijing\/2022\/final-accounts-and-performance\.txt 是符号链接：sources\/ 只接受普通文件和目录，请换成原文文件本身/,
      };
    },
  },
  {
    name: "an archive's office directory linked outside sources/",
    edit: (dir) => {
      const office = join(outside, `sources-${copies}`);
      cpSync('sources/huaihua-beijing', office, { recursive: true });
      link(dir, 'sources/huaihua-beijing', office);
      return {
        file: FA_YAML,
        line: lineOf(FA_YAML, 'archive:'),
        col: colOf(FA_YAML, 'archive:', 'sources/'),
        message: /所在的目录 sources\/huaihua-beijing 是符号链接/,
      };
    },
  },

  // Files that are not files: opening them would hang (a pipe) or never end (a device).
  {
    name: 'a named pipe as narrative',
    edit: (dir) => {
      rmSync(join(dir, FA_MD));
      assert.equal(spawnSync('mkfifo', [join(dir, FA_MD)]).status, 0);
      return at1(FA_MD, /是命名管道（FIFO）：内容目录只接受普通文件和目录/);
    },
  },
  {
    name: 'a socket as narrative',
    edit: async (dir) => {
      rmSync(join(dir, FA_MD));
      await socketAt(join(dir, FA_MD));
      return at1(FA_MD, /是套接字（socket）/);
    },
  },
  {
    name: 'a character device (a copy of /dev/zero) as narrative, where mknod is allowed',
    edit: (dir) => {
      rmSync(join(dir, FA_MD));
      const made = spawnSync('mknod', [join(dir, FA_MD), 'c', '1', '5']).status === 0;
      // Without the right to make devices, an empty file stands in (and is refused as empty).
      if (!made) writeFileSync(join(dir, FA_MD), '');
      return at1(FA_MD, made ? /是设备文件/ : /文件是空的/);
    },
  },

  // Sizes: checked on the open file, before it is read.
  {
    name: `a narrative of exactly ${MAX_BYTES.narrative / KiB} KB`,
    edit: (dir) => (padTo(dir, FA_MD, MAX_BYTES.narrative, chineseOfBytes), { accepted: [FA_MD] }),
  },
  {
    name: 'a narrative one byte over',
    edit: (dir) => (
      padTo(dir, FA_MD, MAX_BYTES.narrative + 1, chineseOfBytes),
      at1(FA_MD, /文件有 513 KB，超过正文 Markdown 的上限 512 KB，未读取/)
    ),
  },
  {
    name: 'a narrative of 20 million characters',
    edit: (dir) => (
      writeFileSync(join(dir, FA_MD), han(20_000_000)),
      at1(FA_MD, /文件有 57\.2 MB，超过正文 Markdown 的上限/)
    ),
  },
  {
    name: `a report YAML of exactly ${MAX_BYTES.report / KiB} KB`,
    edit: (dir) => (padTo(dir, FA_YAML, MAX_BYTES.report, commentOfBytes), { accepted: [FA_YAML] }),
  },
  {
    name: 'a report YAML of 49 MB (a 51 MB note)',
    edit: (dir) => {
      replace(dir, FA_YAML, /^source:\n/m, `source:\n  note: ${'注'.repeat(17_000_000)}\n`);
      return at1(FA_YAML, /文件有 48\.7 MB，超过报告 YAML 的上限 512 KB/);
    },
  },
  {
    name: `office.yaml of exactly ${MAX_BYTES.office / KiB} KB`,
    edit: (dir) => (padTo(dir, OFFICE, MAX_BYTES.office, commentOfBytes), { accepted: [OFFICE] }),
  },
  {
    name: 'office.yaml one byte over',
    edit: (dir) => (
      padTo(dir, OFFICE, MAX_BYTES.office + 1, commentOfBytes),
      at1(OFFICE, /超过机构文件 office\.yaml 的上限 64 KB/)
    ),
  },
  {
    name: `an archive of exactly ${MAX_BYTES.archive / KiB / KiB} MB is read (its sha256 no longer matches)`,
    edit: (dir) => {
      padTo(dir, ARCHIVE, MAX_BYTES.archive, (n) => 'a'.repeat(n));
      return {
        file: FA_YAML,
        line: lineOf(FA_YAML, 'sha256:'),
        col: colOf(FA_YAML, 'sha256:', '0b81'),
        message: /的 sha256 为 [0-9a-f]{64}，与 source\.sha256 不符/,
      };
    },
  },
  {
    name: 'an archive one byte over is not read',
    edit: (dir) => {
      padTo(dir, ARCHIVE, MAX_BYTES.archive + 1, (n) => 'a'.repeat(n));
      return {
        file: FA_YAML,
        line: lineOf(FA_YAML, 'archive:'),
        col: colOf(FA_YAML, 'archive:', 'sources/'),
        message: /有 8\.0 MB，超过原文存档的上限 8\.0 MB/,
      };
    },
  },
  {
    name: `a line of ${MAX_LINE_LENGTH} characters`,
    edit: (dir) => (append(dir, FA_MD, han(MAX_LINE_LENGTH)), { accepted: [FA_MD] }),
  },
  {
    name: 'a line one character over',
    edit: (dir) => ({
      file: FA_MD,
      line: append(dir, FA_MD, han(MAX_LINE_LENGTH + 1)),
      col: MAX_LINE_LENGTH + 1,
      message: /这一行有 20,001 个字符，超过每行 20,000 个字符的上限/,
    }),
  },
  {
    name: 'a line of 60 KB of *a_ (quadratic in the parser)',
    edit: (dir) => ({
      file: FA_MD,
      line: append(dir, FA_MD, '*a_'.repeat(20_000)),
      col: MAX_LINE_LENGTH + 1,
      message: /这一行有 60,000 个字符/,
    }),
  },
  {
    name: `a narrative of ${MAX_LINES} lines`,
    edit: (dir) => (
      append(
        dir,
        FA_MD,
        Array(MAX_LINES - linesOf(FA_MD) - 1)
          .fill('中文')
          .join('\n'),
      ),
      { accepted: [FA_MD] }
    ),
  },
  {
    name: 'a narrative one line over',
    edit: (dir) => {
      append(
        dir,
        FA_MD,
        Array(MAX_LINES - linesOf(FA_MD))
          .fill('中文')
          .join('\n'),
      );
      return { file: FA_MD, line: MAX_LINES + 1, col: 1, message: /文件超过 10,000 行/ };
    },
  },
  {
    name: 'a report YAML one line over',
    edit: (dir) => {
      append(
        dir,
        FA_YAML,
        Array(MAX_LINES - linesOf(FA_YAML))
          .fill('#')
          .join('\n'),
      );
      return { file: FA_YAML, line: MAX_LINES + 1, col: 1, message: /文件超过 10,000 行/ };
    },
  },

  // Narrative structure, measured by a linear pre-scan before the parser sees it.
  {
    name: 'a list nested 3,000 deep on one line',
    edit: (dir) => ({
      file: FA_MD,
      line: append(dir, FA_MD, `${'- '.repeat(3000)}a`),
      col: 2 * MAX_NARRATIVE_DEPTH + 1,
      message: new RegExp(
        `^正文在这里嵌套到第 ${MAX_NARRATIVE_DEPTH + 1} 层（行首的缩进、引用 >、列表 - \\* \\+ 1\\. 和 ::: 容器逐层累加），上限 ${MAX_NARRATIVE_DEPTH} 层`,
      ),
    }),
  },
  {
    name: 'a list nested 700 deep by indentation',
    edit: (dir) => ({
      file: FA_MD,
      line:
        append(dir, FA_MD, Array.from({ length: 700 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n')) +
        MAX_NARRATIVE_DEPTH,
      col: 2 * MAX_NARRATIVE_DEPTH + 1,
      message: TOO_DEEP,
    }),
  },
  {
    name: '2,000 > (a stack overflow in the build)',
    edit: (dir) => ({
      file: FA_MD,
      line: append(dir, FA_MD, `${'>'.repeat(2000)} a`),
      col: MAX_NARRATIVE_DEPTH + 1,
      message: TOO_DEEP,
    }),
  },
  {
    name: `quotes nested ${MAX_NARRATIVE_DEPTH} deep`,
    edit: (dir) => (append(dir, FA_MD, `${'> '.repeat(MAX_NARRATIVE_DEPTH)}中文`), { accepted: [FA_MD] }),
  },
  {
    name: 'container directives nested 21 deep',
    edit: (dir) => ({
      file: FA_MD,
      line: append(dir, FA_MD, Array(30).fill(':::note').join('\n')) + MAX_NARRATIVE_DEPTH,
      col: 1,
      message: TOO_DEEP,
    }),
  },
  {
    name: `a paragraph of ${MAX_MARKUP_PER_PARAGRAPH} markup characters`,
    edit: (dir) => (append(dir, FA_MD, '\\*'.repeat(MAX_MARKUP_PER_PARAGRAPH / 2)), { accepted: [FA_MD] }),
  },
  {
    name: 'a paragraph of 5,000 lines of *a_ (quadratic in the parser)',
    edit: (dir) => ({
      file: FA_MD,
      // Two markup characters a line: the 1,001st is the first of line 501.
      line: append(dir, FA_MD, Array(5_000).fill('*a_').join('\n')) + MAX_MARKUP_PER_PARAGRAPH / 2,
      col: 1,
      message: /这一段的 Markdown 标记字符（\* _ \[ \] ! < & ` \\ : \( \) \{ \}）超过 1,000 个/,
    }),
  },
  {
    name: 'more markup in the whole narrative than allowed',
    edit: (dir) => {
      const over = MAX_MARKUP_PER_FILE + 1 - (committed(FA_MD).match(MARKUP) ?? []).length;
      // Paragraphs of `_*a` (two markup characters in three), each within the paragraph limit.
      const paragraphs = Array.from({ length: Math.ceil(over / 1000) }, (_, p) =>
        '_*a'.repeat(Math.ceil(Math.min(1000, over - p * 1000) / 2)),
      );
      const last = over - 1;
      return {
        file: FA_MD,
        line: append(dir, FA_MD, paragraphs.join('\n\n')) + 2 * Math.floor(last / 1000),
        col: Math.floor((last % 1000) / 2) * 3 + (last % 2) + 1,
        message: /正文的 Markdown 标记字符（.*）共超过 20,000 个/,
      };
    },
  },
  {
    name: `${MAX_UNDERLINED_HEADINGS} underlined headings`,
    edit: (dir) => (
      append(dir, FA_MD, Array(MAX_UNDERLINED_HEADINGS).fill('标题\n---').join('\n\n')),
      { accepted: [FA_MD] }
    ),
  },
  {
    name: 'one underlined heading over',
    edit: (dir) => ({
      file: FA_MD,
      line:
        append(
          dir,
          FA_MD,
          Array(MAX_UNDERLINED_HEADINGS + 1)
            .fill('标题\n---')
            .join('\n\n'),
        ) +
        3 * MAX_UNDERLINED_HEADINGS +
        1,
      col: 1,
      message: /这是第 21 个用 === 或 --- 下划线标出的标题，上限 20 个：标题请写成 ## 开头的一行/,
    }),
  },

  // Encodings: named, located, with what to do.
  {
    name: 'an invalid UTF-8 byte',
    edit: (dir) => {
      const text = committed(FA_MD);
      const at = text.indexOf('\n', text.indexOf('\n') + 1) + 4;
      writeFileSync(
        join(dir, FA_MD),
        Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff]), Buffer.from(text.slice(at))]),
      );
      return {
        file: FA_MD,
        line: 3,
        col: 4,
        message: /文件不是有效的 UTF-8 编码：这里的字节 FF .*请另存为 UTF-8（无 BOM）/,
      };
    },
  },
  {
    name: 'an office.yaml saved as GBK',
    edit: (dir) => {
      writeFileSync(
        join(dir, OFFICE),
        Buffer.concat([Buffer.from('level: x\nname: '), GBK_NAME, Buffer.from('\n')]),
      );
      return {
        file: OFFICE,
        line: 2,
        col: 7,
        message:
          /文件可能是 GBK\/GB18030 编码（中文 Windows 的默认编码）：这里的字节 D6 D0 不是 UTF-8；请另存为 UTF-8（无 BOM）/,
      };
    },
  },
  {
    name: 'a report YAML saved as UTF-16 LE with BOM',
    edit: (dir) => {
      writeFileSync(
        join(dir, FA_YAML),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(committed(FA_YAML), 'utf16le')]),
      );
      return at1(FA_YAML, /文件是 UTF-16 LE 编码（开头有 BOM）：请另存为 UTF-8（无 BOM）/);
    },
  },
  {
    name: 'a narrative saved as UTF-16 BE with BOM',
    edit: (dir) => {
      const le = Buffer.from(committed(FA_MD), 'utf16le');
      writeFileSync(join(dir, FA_MD), Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]));
      return at1(FA_MD, /文件是 UTF-16 BE 编码/);
    },
  },
  {
    name: 'a narrative saved as UTF-32 LE with BOM',
    edit: (dir) => (
      writeFileSync(join(dir, FA_MD), Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])),
      at1(FA_MD, /文件是 UTF-32 LE 编码/)
    ),
  },
  {
    name: 'a report YAML saved as UTF-16 LE without BOM',
    edit: (dir) => (
      writeFileSync(join(dir, FA_YAML), Buffer.from(committed(FA_YAML), 'utf16le')),
      at1(FA_YAML, /文件可能是 UTF-16 编码（无 BOM），不是 UTF-8：请另存为 UTF-8（无 BOM）/)
    ),
  },
  {
    name: 'an ASCII office.yaml saved as UTF-16 LE without BOM (valid UTF-8, full of NUL)',
    edit: (dir) => (
      writeFileSync(join(dir, OFFICE), Buffer.from('level: x\n', 'utf16le')),
      {
        file: OFFICE,
        line: 1,
        col: 2,
        message: /文件含有 NUL 字符（U\+0000）：它可能是 UTF-16 编码（无 BOM）或二进制文件/,
      }
    ),
  },
  {
    name: 'an empty narrative',
    edit: (dir) => (writeFileSync(join(dir, FA_MD), ''), at1(FA_MD, /文件是空的（0 字节）/)),
  },
  {
    name: 'a UTF-8 byte-order mark is accepted',
    edit: (dir) => {
      for (const file of [FA_YAML, FA_MD, OFFICE]) writeFileSync(join(dir, file), `\uFEFF${committed(file)}`);
      return { accepted: [FA_YAML, FA_MD, OFFICE] };
    },
  },

  // YAML: no tags, anchors, aliases or directives; bounded depth; syntax errors where the fault is.
  {
    name: 'a !!js/function tag',
    edit: (dir) => (
      replace(dir, FA_YAML, /^title: /m, 'title: !!js/function '),
      { file: FA_YAML, line: 2, col: 8, message: /“!!js\/function” 是 YAML 标签：内容不接受任何标签/ }
    ),
  },
  {
    name: 'a local !foo tag',
    edit: (dir) => (
      replace(dir, FA_YAML, /^year: /m, 'year: !foo '),
      { file: FA_YAML, line: 4, col: 7, message: /“!foo” 是 YAML 标签/ }
    ),
  },
  {
    name: 'a standard !!str tag',
    edit: (dir) => (
      replace(dir, FA_YAML, /^unit: /m, 'unit: !!str '),
      { file: FA_YAML, line: 5, col: 7, message: /“!!str” 是 YAML 标签/ }
    ),
  },
  {
    name: 'a %YAML 1.1 directive (yes would become true)',
    edit: (dir) => (
      writeFileSync(join(dir, FA_YAML), `%YAML 1.1\n---\n${committed(FA_YAML)}`),
      at1(FA_YAML, /“%YAML 1\.1” 是 YAML 指令：内容不接受指令行/)
    ),
  },
  {
    name: 'an alias bomb (a billion items from ten lines)',
    edit: (dir) => ({
      file: FA_YAML,
      line: append(dir, FA_YAML, ALIAS_BOMB),
      col: 5,
      message:
        /“&a0” 被 YAML 当作锚点：内容不使用锚点和别名（& 和 \*），每个值都照原文写出.*（本文件共 10 处）/,
    }),
  },
  {
    name: 'a cell starting with * (an alias by accident)',
    edit: (dir) => {
      replace(
        dir,
        FA_YAML,
        '[1, 一、一般公共预算财政拨款收入, 295.05]',
        '[1, *一般公共预算财政拨款收入, 295.05]',
      );
      return {
        file: FA_YAML,
        line: lineOf(FA_YAML, '[1, 一、一般公共预算财政拨款收入, 295.05]'),
        col: colOf(FA_YAML, '[1, 一、一般公共预算财政拨款收入, 295.05]', '一、'),
        message: /被 YAML 当作别名.*若这是以 \* 开头的文字，给整项加引号/,
      };
    },
  },
  {
    name: `YAML nested ${MAX_YAML_DEPTH} deep`,
    edit: (dir) => {
      replace(
        dir,
        FA_YAML,
        /^titleNote: .*$/m,
        `titleNote: ${'['.repeat(MAX_YAML_DEPTH - 1)}${']'.repeat(MAX_YAML_DEPTH - 1)}`,
      );
      return { within: FA_YAML, notReported: /嵌套/ };
    },
  },
  {
    name: 'YAML nested one deeper',
    edit: (dir) => {
      replace(
        dir,
        FA_YAML,
        /^titleNote: .*$/m,
        `titleNote: ${'['.repeat(MAX_YAML_DEPTH)}${']'.repeat(MAX_YAML_DEPTH)}`,
      );
      return {
        file: FA_YAML,
        line: 3,
        col: 12 + MAX_YAML_DEPTH - 1,
        message: /YAML 在这里嵌套到第 33 层（映射和列表逐层累加），上限 32 层/,
      };
    },
  },
  {
    name: 'YAML nested 100,000 deep over five lines',
    edit: (dir) => ({
      file: FA_YAML,
      line:
        append(
          dir,
          FA_YAML,
          `extra:\n${Array(5)
            .fill(`  ${'['.repeat(19_990)}`)
            .join('\n')}`,
        ) + 1,
      col: 3 + MAX_YAML_DEPTH - 1,
      message: /嵌套到第 33 层/,
    }),
  },
  {
    name: 'an unclosed double quote on line 2 (reported at line 12 before)',
    edit: (dir) => (
      replace(dir, FA_YAML, /^title: /m, 'title: "'),
      { file: FA_YAML, line: 2, col: 8, message: /这里的双引号 " 没有闭合：在这项文字末尾补上 "/ }
    ),
  },
  {
    name: 'an unclosed single quote',
    edit: (dir) => (
      replace(dir, FA_YAML, /^unit: /m, "unit: '"),
      { file: FA_YAML, line: 5, col: 7, message: /这里的单引号 ' 没有闭合/ }
    ),
  },
  {
    name: 'an unclosed bracket',
    edit: (dir) => {
      const row = '[2010309, 参事事务, 83.19, 83.19,';
      replace(dir, FA_YAML, /(\[2010309, 参事事务, 83\.19, 83\.19,[^\]\n]*)\]/, '$1');
      return {
        file: FA_YAML,
        line: lineOf(FA_YAML, row),
        col: colOf(FA_YAML, row, '['),
        message: /这一行的 \[ 没有对应的 \]：在这一项的末尾补上 \]/,
      };
    },
  },
  {
    name: 'a key indented less than its siblings',
    edit: (dir) => (
      replace(dir, FA_YAML, '  archive: sources/', ' archive: sources/'),
      {
        file: FA_YAML,
        line: lineOf(FA_YAML, 'archive:'),
        col: 1,
        message: /缩进应与上一行对齐：同一层的键要从同一列开始/,
      }
    ),
  },
  {
    name: 'a tab as indentation',
    edit: (dir) => (
      replace(dir, FA_YAML, '  archive: sources/', '\tarchive: sources/'),
      {
        file: FA_YAML,
        line: lineOf(FA_YAML, 'archive:'),
        col: 1,
        message: /缩进用了制表符（Tab）：YAML 只能用空格缩进/,
      }
    ),
  },
  {
    name: 'a duplicate key',
    edit: (dir) => (
      replace(dir, FA_YAML, /^unit: (.*)$/m, 'unit: $1\nyear: 2022'),
      { file: FA_YAML, line: 6, col: 1, message: /键“year”重复：同一层已在第 4 行出现过/ }
    ),
  },
  {
    name: 'a second key on one line (a: b: c)',
    edit: (dir) => (
      replace(dir, FA_YAML, /^unit: 万元/m, 'unit: 万元: 元'),
      {
        file: FA_YAML,
        line: 5,
        col: 7,
        message: /一行里只能有一个“键: 值”：值里有“: ”（冒号加空格）时给整个值加引号/,
      }
    ),
  },
  {
    name: 'a key without its colon',
    edit: (dir) => (
      replace(dir, FA_YAML, /^unit: 万元/m, 'unit 万元'),
      { file: FA_YAML, line: 5, col: 1, message: /若这是键，补上“: ”/ }
    ),
  },
  {
    name: 'a second YAML document',
    edit: (dir) => ({
      file: FA_YAML,
      line: append(dir, FA_YAML, '---\nkind: 部门决算'),
      col: 1,
      message: /开始了第二个 YAML 文档/,
    }),
  },

  {
    name: 'eleven hundred problems in one file: the first 1,000 are listed, the rest counted',
    edit: (dir) => ({
      file: FA_YAML,
      // Keys 2…1100 repeat the first: 1,099 problems; the 1,001st (key 1002) says how many more there are.
      line:
        append(dir, FA_YAML, `extra:\n${Array(1100).fill('  k: 1').join('\n')}`) +
        1 +
        MAX_ERRORS_PER_FILE +
        1,
      col: 3,
      message: /^此文件还有 99 处问题未列出（从这里起）：先改正以上各处再检查/,
    }),
  },

  // Many files: the walk stops counting instead of listing everything.
  {
    name: 'more bytes in content/ than the budget (hard links of one big YAML)',
    edit: (dir) => {
      const year = join(dir, 'content/huaihua-beijing/2023');
      mkdirSync(year);
      const big = join(dir, 'big.yaml');
      writeFileSync(
        big,
        `${'a'.repeat(MAX_LINE_LENGTH + 1)}\n`.repeat(Math.floor(MAX_BYTES.report / (MAX_LINE_LENGTH + 2))),
      );
      for (let i = 0; i * (MAX_BYTES.report - 5 * KiB) < MAX_TOTAL_BYTES + MAX_BYTES.report; i++) {
        linkSync(big, join(year, `r${String(i).padStart(4, '0')}.yaml`));
        writeFileSync(join(year, `r${String(i).padStart(4, '0')}.md`), '正文');
      }
      return { file: '', line: 1, col: 1, message: /内容目录的文件合计已超过 256\.0 MB，其余文件不再读取/ };
    },
  },
];

/** Everything the loader returns, as text: nothing from outside content/ may be in it. */
const everything = (content: ReturnType<typeof loadContent>) =>
  JSON.stringify([
    content.errors,
    content.offices.map((o) => o.data),
    content.reports.map((r) => [r.data, r.narrative]),
  ]);

// A payload that hangs the loader fails by the test's timeout; its speed is the benchmarks' to
// measure (scripts/bench-hostile.ts), not a timed assertion that flakes on a loaded machine.
for (const c of cases)
  test(c.name, { timeout: 60_000 }, async () => {
    const dir = copy();
    const expected = await c.edit(dir);
    const content = loadContent(join(dir, 'content'), { locations: true });
    assert.ok(!everything(content).includes(SECRET), 'nothing from outside content/');
    const shown = content.errors.map((e) => `${e.file}:${e.line}:${e.col} ${e.message}`).join('\n');
    if ('accepted' in expected) {
      for (const file of expected.accepted)
        assert.deepEqual(
          content.errors.filter((e) => e.file === file),
          [],
          `${file} loads without problems`,
        );
      return;
    }
    if ('within' in expected) {
      const reported = content.errors.filter((e) => e.file === expected.within).map((e) => e.message);
      assert.ok(reported.length, 'the schema refuses the value');
      for (const message of reported) assert.doesNotMatch(message, expected.notReported);
      return;
    }
    const found = content.errors.filter((e) =>
      expected.file
        ? e.file === expected.file
        : /^content\/huaihua-beijing\/2023\/r\d+\.(yaml|md)$/.test(e.file),
    );
    const hit = found.find((e) => expected.message.test(e.message));
    assert.ok(hit, `no message like ${expected.message} for ${expected.file}; reported:\n${shown}`);
    assert.deepEqual(
      { line: hit.line, col: hit.col },
      { line: expected.line, col: expected.col },
      hit.message,
    );
    for (const e of content.errors) assert.doesNotMatch(e.message, ENGLISH, 'no English from a parser');
    if (expected.message.source.includes('UTF-8（无 BOM）')) assert.match(hit.message, SAVE_AS);
  });

test(`${MAX_ENTRIES} files and directories are listed, one more stops the walk`, () => {
  const dir = copy();
  const existing = spawnSync('find', [join(dir, 'content'), '-mindepth', '1'], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n').length;
  for (let i = existing; i < MAX_ENTRIES; i++) writeFileSync(join(dir, 'content', `f${i}.txt`), '');
  assert.deepEqual(loadContent(join(dir, 'content')).errors, []);
  writeFileSync(join(dir, 'content', 'one-more.txt'), '');
  const { errors } = loadContent(join(dir, 'content'));
  assert.deepEqual(
    errors.map((e) => [e.file, e.line, e.col]),
    [['content', 1, 1]],
  );
  assert.match(errors[0].message, /内容目录下的文件和目录超过 30,000 个，其余不再读取/);
});

// ---- the real command line: exit codes, located lines, no stack trace, escapes shown as text ----

const STACK = /\n\s+at .+:\d+:\d+\)?\n|Error: /;

/** The command, stopped after two minutes: a payload that hangs it fails the test, a slow machine does not. */
function cli(dir: string, args: string[]) {
  return spawnSync('npm', ['run', '--silent', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: join(dir, 'content') },
    maxBuffer: 1 << 26,
    timeout: 120_000,
  });
}

test('npm run check: links, a deep quote, an alias bomb and a 49 MB YAML, located, no stack trace, no secret', () => {
  const dir = copy();
  link(dir, FA_MD, secretFile);
  link(dir, OFFICE, '/proc/self/environ');
  writeFileSync(
    join(dir, 'content/hunan-shanghai/2022/performance.md'),
    `${committed('content/hunan-shanghai/2022/performance.md')}\n${'>'.repeat(2000)} a\n`,
  );
  writeFileSync(
    join(dir, 'content/hunan-shenzhen/2022/performance.yaml'),
    `${committed('content/hunan-shenzhen/2022/performance.yaml')}${ALIAS_BOMB}\n`,
  );
  writeFileSync(
    join(dir, 'content/zhanjiang-guangzhou/2020/performance.yaml'),
    `note: ${'注'.repeat(17_000_000)}\n`,
  );
  const r = cli(dir, ['check']);
  assert.equal(r.status, 1, r.stderr);
  assert.doesNotMatch(r.stdout + r.stderr, STACK);
  assert.ok(!(r.stdout + r.stderr).includes(SECRET));
  assert.doesNotMatch(r.stdout, /PATH=|HOME=/, 'nothing of /proc/self/environ');
  const lines = r.stdout.split('\n');
  for (const start of [
    `${FA_MD}:1:1  错误  schema  final-accounts.md 是符号链接`,
    `${OFFICE}:1:1  错误  schema  office.yaml 是符号链接`,
    `content/hunan-shanghai/2022/performance.md:${linesOf('content/hunan-shanghai/2022/performance.md') + 2}:${MAX_NARRATIVE_DEPTH + 1}  错误  schema  正文在这里嵌套到第 ${MAX_NARRATIVE_DEPTH + 1} 层`,
    'content/zhanjiang-guangzhou/2020/performance.yaml:1:1  错误  schema  文件有 48.6 MB，超过报告 YAML 的上限 512 KB',
    `content/hunan-shenzhen/2022/performance.yaml:${linesOf('content/hunan-shenzhen/2022/performance.yaml') + 1}:5  错误  schema  YAML 语法错误：“&a0” 被 YAML 当作锚点`,
  ])
    assert.ok(
      lines.some((l) => l.startsWith(start)),
      `no line starting ${start}:\n${r.stdout}`,
    );
});

/** The first control or format character other than a line break, as a terminal would obey it. */
const rawControl = (text: string) => [...text].find((c) => c !== '\n' && /[\p{Cc}\p{Cf}]/u.test(c));

test('npm run check prints escape codes from file names, keys and values as text', () => {
  const dir = copy();
  const evil = 'evil\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e';
  cpSync(join(dir, 'content/zhanjiang-guangzhou'), join(dir, 'content', evil), { recursive: true });
  writeFileSync(join(dir, FA_YAML), `${committed(FA_YAML)}${evil}: 1\n"\\e[31m": 2\n`);
  const text = cli(dir, ['check']);
  assert.equal(text.status, 1);
  assert.equal(rawControl(text.stdout), undefined, 'no raw control or format characters');
  assert.match(
    text.stdout,
    /content\/evil\\u001b\]0;pwned\\u0007\\u001b\[2J\\u009b31m\\u202e:1:1 {2}错误 {2}schema {2}机构目录名应为小写/,
  );
  const json = cli(dir, ['check', '--', '--json']);
  assert.equal(rawControl(json.stdout), undefined);
  const rows = JSON.parse(json.stdout) as { file: string }[];
  assert.ok(
    rows.some((row) => row.file === `content/${evil}`),
    'the JSON reads back the real name',
  );
});

test('npm run build stops at the check on a hostile narrative, without writing the site', () => {
  const dir = copy();
  append(dir, FA_MD, `${'- '.repeat(3000)}a`);
  const outDir = join(dir, 'dist');
  const r = cli(dir, ['build', '--', '--outDir', outDir]);
  assert.notEqual(r.status, 0);
  assert.equal(existsSync(outDir), false);
  assert.doesNotMatch(r.stdout + r.stderr, STACK);
  assert.match(
    r.stdout,
    new RegExp(
      `^${FA_MD}:\\d+:${2 * MAX_NARRATIVE_DEPTH + 1}  错误  schema  正文在这里嵌套到第 ${MAX_NARRATIVE_DEPTH + 1} 层`,
      'm',
    ),
  );
});

/**
 * Hostile and mistaken values: each case edits a copy of content/ (and sources/) and expects
 * either a located Chinese error that names what was expected, or the exact accepted outcome.
 * Covers invisible characters, implausible dates, years, scores and numbers, duplicate offices,
 * extra-table keys that would collide with page ids, wrong type against missing, and
 * acknowledgements bound to the values they were written for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadContent } from '../src/lib/content/load.ts';
import { reservedTableKey } from '../src/lib/content/tables.ts';
import { YEAR_RANGE } from '../src/lib/content/schema/values.ts';
import { reportRows, schemaRows } from '../src/lib/checks/rows.ts';
import type { Diagnostic } from '../src/lib/checks/diagnostic.ts';
import { isFailure } from '../src/lib/checks/run.ts';

const FA = 'content/huaihua-beijing/2022/final-accounts.yaml';
const FA_MD = 'content/huaihua-beijing/2022/final-accounts.md';
const HP = 'content/huaihua-beijing/2022/performance.yaml';
const SZ = 'content/hunan-shenzhen/2022/performance.yaml';
const ZJ = 'content/zhanjiang-guangzhou/2020/performance.yaml';
const OFFICE = 'content/huaihua-beijing/office.yaml';

type Edit =
  | { file: string; from: string | RegExp; to: string }
  | { file: string; create: string }
  | { file: string; append: string };

interface Outcome {
  rows: Diagnostic[];
  failures: Diagnostic[];
  /** 1-based line of the first line holding `needle` in the edited file. */
  lineOf(file: string, needle: string): number;
  /** First line each edit changed. */
  changed: { file: string; line: number }[];
}

const firstChangedLine = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1;
};

/**
 * `npm run check` in-process on an edited copy: schema rows, then every report's rows.
 */
function checkCopy(edits: Edit[]): Outcome {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
  const texts = new Map<string, string>();
  const changed: { file: string; line: number }[] = [];
  try {
    cpSync('content', join(dir, 'content'), { recursive: true });
    cpSync('sources', join(dir, 'sources'), { recursive: true });
    for (const e of edits) {
      const path = join(dir, e.file);
      let before = '';
      let after: string;
      if ('create' in e) {
        mkdirSync(dirname(path), { recursive: true });
        after = e.create;
      } else {
        before = readFileSync(path, 'utf8');
        if ('append' in e) after = before + e.append;
        else {
          const found = typeof e.from === 'string' ? before.includes(e.from) : e.from.test(before);
          assert.ok(found, `edit target not found in ${e.file}: ${e.from}`);
          after = before.replace(e.from, e.to);
        }
      }
      writeFileSync(path, after);
      texts.set(e.file, after);
      changed.push({ file: e.file, line: firstChangedLine(before, after) });
    }
    const root = join(dir, 'content');
    const content = loadContent(root, { locations: true });
    const rows = [...schemaRows(content.errors), ...content.reports.flatMap((r) => reportRows(r, content))];
    return {
      rows,
      failures: rows.filter(isFailure),
      changed,
      lineOf(file, needle) {
        const text = texts.get(file) ?? readFileSync(file, 'utf8');
        const i = text.split('\n').findIndex((l) => l.includes(needle));
        assert.ok(i >= 0, `${needle} not in ${file}`);
        return i + 1;
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const on = (file: string, from: string | RegExp, to: string): Edit => ({ file, from, to });
const show = (rows: Diagnostic[]) => rows.map((r) => `${r.file}:${r.line} ${r.rule} ${r.message}`).join('\n');

/** Asserts a failing row of `rule` whose message matches, at file:line. */
function assertRefused(
  o: Outcome,
  want: { rule?: string; message: RegExp; file: string; line: number },
): Diagnostic {
  const rule = want.rule ?? 'schema';
  const hits = o.failures.filter((r) => r.rule === rule && want.message.test(r.message));
  assert.ok(hits.length, `no ${rule} error matching ${want.message}; got:\n${show(o.failures)}`);
  const at = hits.find((r) => r.file === want.file && r.line === want.line);
  assert.ok(at, `${rule} ${want.message} not at ${want.file}:${want.line}; got:\n${show(hits)}`);
  return at;
}

interface Case {
  name: string;
  edits: Edit[];
  /** The expected error: rule (schema when absent), message, and the line (default: the last edit's). */
  refused?: { rule?: string; message: RegExp; file?: string; at?: string | ((o: Outcome) => number) };
  /** Or: the edit is accepted, with no unacknowledged error at all. */
  accepted?: true;
}

const RLO = '\u202E';
const PDF = '\u202C';
const ZWSP = '\u200B';

const genericTable = (key: string) =>
  `extraTables:\n  ${key}:\n    form: 通用表\n    title: 测试表\n    columns: [甲, 乙]\n    rows: [[一, 二]]\n`;

/** The line of the key of an extra table appended to the 决算 (the line after extraTables:). */
const extraKeyLine = (o: Outcome) => o.lineOf(FA, 'extraTables:') + 1;

const cases: Case[] = [
  // Text that is what it shows.
  {
    name: 'a right-to-left override around 10.43 in a reason (it would read 34.01)',
    edits: [on(FA, '公务接待费 10.43 ÷', `公务接待费 ${RLO}10.43${PDF} ÷`)],
    refused: {
      message: /reason：含有不可见的控制字符 U\+202E（从右到左覆盖）（第 \d+ 个字符，共 2 处）：删去它/,
    },
  },
  {
    name: 'a right-to-left override in a figure',
    edits: [on(FA, '14.70, 10.43]', `14.70, ${RLO}10.43]`)],
    refused: {
      message: /tables\.t09\.actual\.5：含有不可见的控制字符 U\+202E（从右到左覆盖）（第 1 个字符）/,
    },
  },
  {
    name: 'a zero-width space in an office name',
    edits: [on(OFFICE, 'name: 湖南省怀化市人民政府', `name: 湖南省怀化市${ZWSP}人民政府`)],
    refused: { message: /^name：含有不可见的控制字符 U\+200B（零宽空格）（第 7 个字符）：删去它/ },
  },
  {
    name: 'a zero-width space inside a figure',
    edits: [
      on(FA, '[1, 一、一般公共预算财政拨款收入, 295.05]', `[1, 一、一般公共预算财政拨款收入, 295.0${ZWSP}5]`),
    ],
    refused: { message: /tables\.t01\.income\.0\.2：含有不可见的控制字符 U\+200B（零宽空格）/ },
  },
  {
    name: 'an isolate, a soft hyphen and a byte-order mark inside text',
    edits: [on(FA, /^title: 2022年度(.*)$/m, 'title: "2022\\u2067年\\u00AD度\\uFEFF$1"')],
    refused: { message: /^title：含有不可见的控制字符 U\+2067（从右到左隔离）（第 5 个字符，共 3 处）/ },
  },
  {
    name: 'a C0 control character in text',
    edits: [on(FA, /^titleNote: (.*)$/m, 'titleNote: "\\x07$1"')],
    refused: { message: /^titleNote：含有不可见的控制字符 U\+0007（C0 控制字符）/ },
  },
  {
    name: 'a C1 control character in a glossary definition',
    edits: [on(FA, /definition: (指财政当年拨付的资金。[^}]*?) \}/, 'definition: "\\x85$1" }')],
    refused: { message: /definition：含有不可见的控制字符 U\+0085（C1 控制字符）/ },
  },
  {
    name: 'a line break in single-line text',
    edits: [on(FA, /^title: 2022年度(.*)$/m, 'title: "2022\\n年度$1"')],
    refused: { message: /^title：含有不可见的控制字符 U\+000A（换行）.*：删去它；此处应为单行文字/ },
  },
  {
    name: 'line breaks and a tab in multi-line goals are kept',
    edits: [on(SZ, '2. 协助做好省委', '2.\t协助做好省委')],
    accepted: true,
  },
  {
    name: 'an unknown key with an invisible character is spelled out, with the allowed keys',
    edits: [on(FA, '  score: 98', `  sco${ZWSP}re: 98`)],
    refused: { message: /未知的键 sco<U\+200B>re；此处允许的键：score、grade/ },
  },

  // Dates and years.
  {
    name: 'a month that does not exist',
    edits: [on(ZJ, 'date: 2021-06-08', 'date: 2021-13-45')],
    refused: { message: /dates\.0\.date：2021-13-45 不是实际存在的日期：月份应为 01–12/ },
  },
  {
    name: 'February 30th',
    edits: [on(ZJ, 'date: 2021-06-08', 'date: 2021-02-30')],
    refused: { message: /2021-02-30 不是实际存在的日期：2021 年 2 月只有 28 天/ },
  },
  {
    name: 'February 29th of a leap year is a date',
    edits: [on(ZJ, 'date: 2021-06-08', 'date: 2020-02-29')],
    accepted: true,
  },
  {
    name: 'a date before the years the site publishes',
    edits: [on(ZJ, 'date: 2021-06-08', 'date: 1999-12-31')],
    refused: { message: new RegExp(`日期 1999-12-31 的年份不在本站收录的范围 ${YEAR_RANGE} 内`) },
  },
  {
    name: 'a staffing year of 1899',
    edits: [on(OFFICE, '  - year: 2022', '  - year: 1899')],
    refused: { message: new RegExp(`staffing\\.0\\.year：年份 1899 不在本站收录的范围 ${YEAR_RANGE} 内`) },
  },
  {
    name: 'a report year of 3000',
    edits: [on(FA, 'year: 2022', 'year: 3000')],
    refused: { message: new RegExp(`^year：年份 3000 不在本站收录的范围 ${YEAR_RANGE} 内`) },
  },
  {
    name: 'a year that is not four digits',
    edits: [on(OFFICE, '  - year: 2022', '  - year: 22')],
    refused: { message: /staffing\.0\.year：应为四位年份（如 2022）/ },
  },
  {
    name: 'the first year the site publishes is accepted',
    edits: [on(OFFICE, '  - year: 2022', '  - year: 2000')],
    accepted: true,
  },

  // Scores and grades.
  {
    name: 'a score of 998 graded 优',
    edits: [on(FA, '  score: 98', '  score: 998')],
    refused: { message: /conclusion\.score：分数 998 超过满分 100：分数应在 0–100 之间/ },
  },
  {
    name: 'a negative 得分',
    edits: [
      on(
        SZ,
        '[协助省直和市州活动, 不少于5个, 12个, 7, 7, ~]',
        '[协助省直和市州活动, 不少于5个, 12个, 7, -7, ~]',
      ),
    ],
    refused: { message: /应为分数（0–100，如 98）/ },
  },
  {
    name: 'a 分值 above 100',
    edits: [
      on(
        SZ,
        '[协助省直和市州活动, 不少于5个, 12个, 7, 7, ~]',
        '[协助省直和市州活动, 不少于5个, 12个, 700, 7, ~]',
      ),
    ],
    refused: { message: /分数 700 超过满分 100/ },
  },
  {
    name: 'a grade that does not match the score band',
    edits: [on(FA, '  score: 98', '  score: 85')],
    refused: { rule: 'pe.grade', message: /自评等级为“优”，但 85 分对应“良”/, at: 'grade: 优' },
  },
  {
    name: 'a grade that is not one of the four',
    edits: [on(FA, '  grade: 优', '  grade: 优秀')],
    refused: { message: /conclusion\.grade：等级应为 优、良、中、差 之一；没有等级写 ~/ },
  },

  // Numbers as the forms print them.
  {
    name: 'negative zero -0.00',
    edits: [
      on(FA, '[2, 二、政府性基金预算财政拨款收入, 0.00]', '[2, 二、政府性基金预算财政拨款收入, -0.00]'),
    ],
    refused: { message: /tables\.t01\.income\.1\.2：-0\.00 是负零：写作 0\.00/ },
  },
  {
    name: 'negative zero -0',
    edits: [on(SZ, 'values: [245.65, 100, 98.83]', 'values: [245.65, -0, 98.83]')],
    refused: { message: /-0 是负零：写作 0/ },
  },
  {
    name: 'a zero padded 000.00',
    edits: [
      on(FA, '[2, 二、政府性基金预算财政拨款收入, 0.00]', '[2, 二、政府性基金预算财政拨款收入, 000.00]'),
    ],
    refused: { message: /000\.00 的整数部分有多余的前导零：写作 0\.00/ },
  },
  {
    name: 'a padded amount 01.5',
    edits: [on(SZ, 'values: [245.65, 100, 98.83]', 'values: [245.65, 01.5, 98.83]')],
    refused: { message: /01\.5 的整数部分有多余的前导零：写作 1\.5/ },
  },
  {
    name: 'a padded percentage',
    edits: [on(SZ, 'values: [26, 22, 84.6%]', 'values: [26, 22, 084.6%]')],
    refused: { message: /084\.6% 的整数部分有多余的前导零：写作 84\.6%/ },
  },
  {
    name: 'a padded count',
    edits: [on(OFFICE, 'authorized: 19', 'authorized: 019')],
    refused: { message: /staffing\.0\.authorized：019 有多余的前导零：写作 19/ },
  },
  {
    name: 'a negative amount that is not zero is a figure',
    edits: [
      on(FA, '[2, 二、政府性基金预算财政拨款收入, 0.00]', '[2, 二、政府性基金预算财政拨款收入, -0.50]'),
      on(FA, '[8, 八、其他收入, 0.07]', '[8, 八、其他收入, 0.57]'),
    ],
    accepted: true,
  },

  // An office is published with its reports: one without any is an error, located at its office.yaml.
  {
    name: 'an office without reports',
    edits: [
      {
        file: 'content/hunan-guangzhou/office.yaml',
        create: readFileSync('content/hunan-shenzhen/office.yaml', 'utf8')
          .replace('name: 湖南省人民政府驻深圳办事处', 'name: 湖南省人民政府驻广州办事处')
          .replace('shortName: 湖南省驻深圳办', 'shortName: 湖南省驻广州办'),
      },
    ],
    refused: {
      message: /机构 hunan-guangzhou 还没有任何报告：先用 npm run new -- hunan-guangzhou/,
      at: () => 1,
    },
  },

  // Duplicate offices.
  {
    name: 'a second directory for the same office',
    edits: [{ file: 'content/huaihua-bj/office.yaml', create: readFileSync(OFFICE, 'utf8') }],
    refused: {
      message:
        /name “湖南省怀化市人民政府驻北京联络处”与 content\/huaihua-beijing\/office\.yaml 的 name 相同：同一机构只能有一个目录/,
      at: 'name:',
    },
  },
  {
    name: 'another office with the same short name',
    edits: [
      {
        file: 'content/huaihua-bj/office.yaml',
        create: readFileSync('content/hunan-shenzhen/office.yaml', 'utf8').replace(
          'name: 湖南省人民政府驻深圳办事处',
          'name: 另一个办事处',
        ),
      },
    ],
    refused: {
      message: /shortName “湖南省驻深圳办”与 content\/hunan-shenzhen\/office\.yaml 的 shortName 相同/,
      at: 'shortName:',
    },
  },
  {
    name: 'the same name with a full-width space inside is the same office',
    edits: [
      {
        file: 'content/zz-copy/office.yaml',
        create: readFileSync('content/zhanjiang-guangzhou/office.yaml', 'utf8').replace(
          'shortName: 湛江市驻广州办',
          'shortName: 湛江市驻广州办２',
        ),
      },
      on(
        'content/zz-copy/office.yaml',
        'name: 湛江市人民政府驻广州办事处',
        'name: 湛江市人民政府\u3000驻广州办事处',
      ),
    ],
    refused: {
      message:
        /name “湛江市人民政府\u3000驻广州办事处”与 content\/zhanjiang-guangzhou\/office\.yaml 的 name 相同/,
      at: 'name:',
    },
  },

  // Extra-table keys.
  ...['t01', 'base-data', 'project-2', 'self-evaluation'].map((key): Case => ({
    name: `an extra table named ${key} would replace an official table`,
    edits: [{ file: FA, append: genericTable(key) }],
    refused: {
      message: new RegExp(
        `表的键 ${key} 是正式表格的 id：换一个名字（如 staff-list）。不能用作表的键的有：正式表格的 t01…t09、base-data`,
      ),
      at: extraKeyLine,
    },
  })),
  ...['main', 'toc', 'search', 'data-notes', 'charts', 'chart-sangong', 's-abc', 'term-1'].map(
    (key): Case => ({
      name: `an extra table named ${key} would duplicate a page id`,
      edits: [{ file: FA, append: genericTable(key) }],
      refused: {
        message: new RegExp(
          `表的键 ${key} 与页面上已有的 id 冲突：换一个名字.*页面已用的 main、site-q、search、toc`,
        ),
        at: extraKeyLine,
      },
    }),
  ),
  ...['staff-h', 'staff-2', 'staff-cap'].map((key): Case => ({
    name: `an extra table named ${key} would take a generated id`,
    edits: [{ file: FA, append: genericTable(key) }],
    refused: { message: new RegExp(`表的键 ${key} 与页面为表格标题和表头生成的 id 冲突`), at: extraKeyLine },
  })),
  {
    name: 'an extra table key that is not a short ASCII name',
    edits: [{ file: FA, append: genericTable('Staff_List') }],
    refused: { message: /表的键应为小写 ASCII 短名/, at: extraKeyLine },
  },
  {
    name: 'an extra table with a free key is accepted',
    edits: [
      { file: FA, append: genericTable('staff-list') },
      on(FA_MD, '::table{ref=t09}', '::table{ref=t09}\n\n::table{ref=staff-list}'),
    ],
    accepted: true,
  },

  // Wrong type is not missing.
  {
    name: 'a list where text belongs',
    edits: [on(FA, 'title: 2022年度湖南省怀化市人民政府驻北京联络处部门决算', 'title: [甲, 乙]')],
    refused: { message: /^title：应为文字，实际是列表（2 项）$/ },
  },
  {
    name: 'a number where a list belongs',
    edits: [on(FA, 'budget: [50.58, 0.00, 29.70, 0.00, 29.70, 20.88]', 'budget: 5')],
    refused: { message: /^tables\.t09\.budget：应为列表，实际是数字 5$/ },
  },
  {
    name: 'a map where a row belongs',
    edits: [on(FA, '[1, 一、一般公共预算财政拨款收入, 295.05]', '{ a: 1 }')],
    refused: { message: /tables\.t01\.income\.0：应为 \[行次, 项目, 决算数\]，实际是映射（键 a）/ },
  },
  {
    name: 'a blank where text belongs',
    edits: [on(FA, 'title: 2022年度湖南省怀化市人民政府驻北京联络处部门决算', 'title: ~')],
    refused: { message: /^title：应为文字，实际是空白 ~$/ },
  },
  {
    name: 'a really missing key is 缺少',
    edits: [on(FA, 'unit: 万元\n', '')],
    refused: { message: /^缺少必填项 unit/, at: 'kind: 部门决算' },
  },
  {
    name: 'a boolean where text belongs',
    edits: [on(OFFICE, 'seat: 北京', 'seat: true')],
    refused: { message: /^seat：应为文字，实际是布尔值 true（要写文字请加引号）$/ },
  },

  // Acknowledgement reasons.
  ...['x', '"   "', 'xxxxxxxx', '12345678', '"原文如此"'].map((reason): Case => ({
    name: `an acknowledgement with reason ${reason}`,
    edits: [on(HP, /reason: 原文如此：本报告写 20\.42 万元.*/, `reason: ${reason}`)],
    refused: { message: /reason：确认的理由应是一句说明原文为何如此的话（至少 8 个字符/ },
  })),
  {
    name: 'an acknowledgement with an empty values map',
    edits: [on(HP, "values: { expected: '20.41', actual: '20.42' }", 'values: {}')],
    refused: { message: /values 至少写 expected 或 actual 之一/ },
  },
  {
    name: 'an acknowledgement that repeats another',
    edits: [
      on(
        HP,
        '  - rule: prose.amount\n    subject: 正文.支出合计.决算数=295.12',
        "  - rule: prose.amount\n    subject: 正文.社会保障和就业支出.决算数=20.42\n    values: { expected: '20.41', actual: '20.42' }\n    reason: 原文如此：这是同一处不一致的第二条确认。\n  - rule: prose.amount\n    subject: 正文.支出合计.决算数=295.12",
      ),
    ],
    refused: {
      rule: 'ack.stale',
      message: /与第 1 条确认重复：删去这一条/,
      at: (o) => o.lineOf(HP, '这是同一处不一致的第二条确认') - 3,
    },
  },
];

for (const c of cases)
  test(c.name, () => {
    const o = checkCopy(c.edits);
    if (c.accepted) {
      assert.deepEqual(o.failures, [], show(o.failures));
      return;
    }
    const last = o.changed.at(-1)!;
    const file = c.refused!.file ?? last.file;
    const at = c.refused!.at;
    const line = typeof at === 'function' ? at(o) : at ? o.lineOf(file, at) : last.line;
    assertRefused(o, { ...c.refused!, file, line });
  });

test('an acknowledgement goes stale when a figure it covers changes, and the finding shows again', () => {
  // 其中 rows of 公用经费 2021: 215.87 + 29.81 + 1.76 = 247.44 was acknowledged; now 248.44.
  const o = checkCopy([on(SZ, '[215.87, 67, 95.36]', '[216.87, 67, 95.36]')]);
  const stale = assertRefused(o, {
    rule: 'ack.stale',
    message:
      /这条确认（bd\.of-which：base-data\.公用经费\.2021年决算数）写于数值 \{ expected: '≤ 245\.65', actual: '247\.44' \}，检查结果现在是 \{ expected: '≤ 245\.65', actual: '248\.44' \}：数据已改，对照原文重新确认后把 values 改为新值，或删去这条确认/,
    file: SZ,
    line: o.lineOf(SZ, "values: { expected: '≤ 245.65', actual: '247.44' }"),
  });
  assert.equal(stale.expected, "{ expected: '≤ 245.65', actual: '248.44' }");
  assert.equal(stale.actual, "{ expected: '≤ 245.65', actual: '247.44' }");
  const finding = o.failures.find(
    (r) => r.rule === 'bd.of-which' && r.subject === 'base-data.公用经费.2021年决算数',
  );
  assert.ok(finding, `the finding shows unacknowledged:\n${show(o.failures)}`);
  assert.equal(finding.actual, '248.44');
});

test('a figure behind a prose acknowledgement changes: the ack goes stale with the new percentage', () => {
  // 正文 41.48% was acknowledged against 10.43 ÷ 25.12 = 41.52%; with 合计 25.13 it is 41.50%,
  // which rounding can explain (10.43 and 25.13 are rounded): a rounding note, not an error.
  const o = checkCopy([on(FA, 'actual: [25.12, 0.00, 14.70', 'actual: [25.13, 0.00, 14.70')]);
  assertRefused(o, {
    rule: 'ack.stale',
    message:
      /写于数值 \{ expected: '41\.52%', actual: '41\.48%' \}，检查结果现在是 \{ expected: '41\.50%', actual: '41\.48%' \}/,
    file: FA,
    line: o.lineOf(FA, "values: { expected: '41.52%', actual: '41.48%' }"),
  });
  assert.ok(
    o.rows.some(
      (r) => r.rule === 'prose.share' && r.severity === 'note' && r.expected === '41.50%' && r.file === FA_MD,
    ),
  );
});

test('an acknowledgement without values says which values to record', () => {
  const o = checkCopy([on(HP, "    values: { expected: '20.41', actual: '20.42' }\n", '')]);
  assertRefused(o, {
    rule: 'ack.stale',
    message: /没有记录它所确认的数值：对照原文确认后加上 values: \{ expected: '20\.41', actual: '20\.42' \}/,
    file: HP,
    line: o.lineOf(HP, 'subject: 正文.社会保障和就业支出.决算数=20.42') - 1,
  });
  assert.ok(
    o.failures.some((r) => r.rule === 'prose.amount' && r.subject === '正文.社会保障和就业支出.决算数=20.42'),
  );
});

test('a stale acknowledgement is reported while another report has a schema error', () => {
  const o = checkCopy([
    on(ZJ, 'title: 整体绩效自评报告', 'title: [坏]'),
    on(FA, 'subject: 正文.三公经费.变动率=36.16%', 'subject: 正文.三公经费.变动率=36.26%'),
  ]);
  assertRefused(o, { message: /^title：应为文字，实际是列表/, file: ZJ, line: o.lineOf(ZJ, 'title:') });
  assertRefused(o, {
    rule: 'ack.stale',
    message: /这条确认（prose\.change-rate：正文\.三公经费\.变动率=36\.26%）没有对应的检查结果/,
    file: FA,
    line: o.lineOf(FA, 'rule: prose.change-rate'),
  });
});

test('acknowledgements that read a report which failed to load are not called stale', () => {
  // The Beijing performance report's acknowledgements compare its prose with the 决算; without it
  // they match nothing, but only because the 决算 did not load: the schema error is what to fix.
  const o = checkCopy([on(FA, 'title: 2022年度湖南省怀化市人民政府驻北京联络处部门决算', 'title: [坏]')]);
  assert.ok(o.failures.some((r) => r.rule === 'schema' && r.file === FA));
  assert.deepEqual(
    o.rows.filter((r) => r.rule === 'ack.stale'),
    [],
  );
});

test('every id the layouts, pages and components write is reserved for extra tables', () => {
  const ids = new Set<string>();
  for (const dir of ['src/layouts', 'src/pages', 'src/components'])
    for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((x) =>
      x.endsWith('.astro'),
    ))
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/\bid="([^"]+)"/g)) ids.add(m[1]);
  assert.ok(ids.size >= 10, [...ids].join(' '));
  assert.deepEqual(
    [...ids].filter((id) => !reservedTableKey(id)),
    [],
  );
});

test('the committed content passes npm run check', () => {
  const r = spawnSync('npm', ['run', 'check', '--silent'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /0 个未确认的错误/);
});

test('npm run check prints the invisible character, located, and fails', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-hostile-cli-'));
  try {
    cpSync('content', join(dir, 'content'), { recursive: true });
    cpSync('sources', join(dir, 'sources'), { recursive: true });
    const file = join(dir, FA);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('公务接待费 10.43 ÷', `公务接待费 ${RLO}10.43${PDF} ÷`));
    const line = text.split('\n').findIndex((l) => l.includes('公务接待费 10.43 ÷')) + 1;
    const r = spawnSync('npm', ['run', 'check', '--silent'], {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: join(dir, 'content') },
    });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(
      r.stdout,
      new RegExp(
        `^${FA}:${line}:\\d+ {2}错误 {2}schema {2}acknowledgements\\.2\\.reason：含有不可见的控制字符 U\\+202E（从右到左覆盖）`,
        'm',
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

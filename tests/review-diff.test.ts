/**
 * The data half of `npm run review` (src/lib/review): the committed content against a copy with
 * edits applied. Expected cells, fields and lines come from the YAML and Markdown texts and the
 * rule definitions, never from the diff's own output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { stringify } from 'yaml';
import { loadContent, type Content } from '../src/lib/content/load.ts';
import { parseYaml } from '../src/lib/content/yaml.ts';
import { diffContent } from '../src/lib/review/index.ts';
import type { ReviewFinding } from '../src/lib/review/types.ts';

const FA = 'content/huaihua-beijing/2022/final-accounts.yaml';
const FA_MD = 'content/huaihua-beijing/2022/final-accounts.md';
const SZ = 'content/hunan-shenzhen/2022/performance.yaml';
const OFFICE = 'content/huaihua-beijing/office.yaml';

const committed = loadContent(resolve('content'), { locations: true });
const text = (file: string) => readFileSync(file, 'utf8');

/** 1-based line of the first occurrence of `needle` in `source`. */
function lineOf(source: string, needle: string): number {
  const at = source.indexOf(needle);
  assert.ok(at >= 0, `not found: ${needle}`);
  return source.slice(0, at).split('\n').length;
}

interface Edit {
  file: string;
  from: string;
  to: string;
}

/**
 * content/ copied (with the archived sources/ the loader checks beside it), changed, and loaded
 * like the review loads a side. `change` edits texts (each `from` must occur once) or the folder.
 */
function loadChanged(change: Edit[] | ((root: string) => void)): Content {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-review-'));
  try {
    cpSync('content', join(dir, 'content'), { recursive: true });
    if (existsSync('sources')) cpSync('sources', join(dir, 'sources'), { recursive: true });
    if (typeof change === 'function') change(dir);
    else
      for (const e of change) {
        const path = join(dir, e.file);
        const before = text(path);
        assert.equal(before.split(e.from).length, 2, `${e.file} should hold exactly one ${e.from}`);
        writeFileSync(path, before.replace(e.from, e.to));
      }
    return loadContent(join(dir, 'content'), { locations: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The edited text of a file, for the lines the changes should be reported at. */
const edited = (file: string, edits: Edit[]) =>
  edits.filter((e) => e.file === file).reduce((t, e) => t.replace(e.from, e.to), text(file));

const about = (f: ReviewFinding) => ({
  rule: f.rule,
  subject: f.subject,
  severity: f.severity,
  acknowledged: f.acknowledged,
});

/** Unacknowledged errors first, then notes, then acknowledged findings. */
function assertRanked(findings: ReviewFinding[]) {
  const rank = findings.map((f) => (f.acknowledged ? 2 : f.severity === 'error' ? 0 : 1));
  assert.deepEqual(
    rank,
    [...rank].sort((x, y) => x - y),
  );
}

/** Map keys in reverse order, all the way down; lists keep their order (it is the printed order). */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversed(v)]),
    );
  return value;
}

test('a reformatted YAML file (keys reordered, other styles, quoting, comments) is no difference', async (t) => {
  const cases = [
    { file: FA, style: 'flow', quotes: 'QUOTE_DOUBLE' },
    { file: SZ, style: 'block', quotes: 'QUOTE_SINGLE' },
    { file: OFFICE, style: 'flow', quotes: 'QUOTE_DOUBLE' },
  ] as const;
  for (const c of cases)
    await t.test(`${c.file}, ${c.style} style`, () => {
      const source = text(c.file);
      // The project's parser keeps every figure as the text it was written with ("16.50"); quoting
      // every string keeps it so.
      const value = reversed(parseYaml(source).value);
      const reformatted = `# reformatted\n${stringify(value, {
        collectionStyle: c.style,
        defaultStringType: c.quotes,
        defaultKeyType: 'PLAIN',
        lineWidth: 0,
      })}`;
      assert.notEqual(reformatted, source);
      const head = loadChanged((root) => writeFileSync(join(root, c.file), reformatted));
      assert.deepEqual(head.errors, []);
      assert.deepEqual(diffContent(committed, head), { reports: [], offices: [] });
    });
});

// 公开03表 2013501 行政运行: 本年支出合计 134.38 = 基本支出 134.38 + 项目支出 0.00 …; 基本支出 → 134.48.
const T03_ROW = '[2013501, 行政运行, 134.38, 134.38, 0.00, 0.00, 0.00, 0.00]';
const T03_EDIT: Edit = {
  file: FA,
  from: T03_ROW,
  to: '[2013501, 行政运行, 134.38, 134.48, 0.00, 0.00, 0.00, 0.00]',
};
// What breaks (README's rule table): the row's total column, and 款 20135 = Σ its 项, for 基本支出.
const T03_BROKEN = [
  { rule: 'fa.t03.row-sum', subject: 't03.2013501.本年支出合计', severity: 'error', acknowledged: false },
  { rule: 'fa.t03.hierarchy', subject: 't03.20135.基本支出', severity: 'error', acknowledged: false },
];

test('one changed 决算 figure is one cell, and the identities it breaks are new findings', () => {
  const diff = diffContent(committed, loadChanged([T03_EDIT]));
  assert.deepEqual(diff.offices, []);
  assert.deepEqual(
    diff.reports.map((r) => r.id),
    ['huaihua-beijing/2022/final-accounts'],
  );
  const [report] = diff.reports;
  assert.equal(report.status, 'changed');
  assert.deepEqual(report.cells, [
    {
      table: 't03',
      row: '2013501',
      rowName: '行政运行',
      column: '基本支出',
      old: '134.38',
      new: '134.48',
      delta: '0.10',
      file: FA,
      line: lineOf(edited(FA, [T03_EDIT]), T03_EDIT.to),
    },
  ]);
  assert.deepEqual(report.narrative, []);
  assert.deepEqual(report.meta, []);
  assert.deepEqual(
    report.findings.new.map(about).sort((a, b) => a.rule.localeCompare(b.rule)),
    [...T03_BROKEN].sort((a, b) => a.rule.localeCompare(b.rule)),
  );
  assert.deepEqual(report.findings.fixed, []);
  assertRanked(report.findings.new);
});

test('reverting the figure reports the same cell back and those findings fixed', () => {
  const diff = diffContent(loadChanged([T03_EDIT]), committed);
  assert.deepEqual(
    diff.reports.map((r) => r.id),
    ['huaihua-beijing/2022/final-accounts'],
  );
  const [report] = diff.reports;
  assert.deepEqual(
    report.cells.map((c) => [c.table, c.row, c.column, c.old, c.new, c.delta, c.file, c.line]),
    [['t03', '2013501', '基本支出', '134.48', '134.38', '-0.10', FA, lineOf(text(FA), T03_ROW)]],
  );
  assert.deepEqual(report.findings.new, []);
  assert.deepEqual(
    report.findings.fixed.map(about).sort((a, b) => a.rule.localeCompare(b.rule)),
    [...T03_BROKEN].sort((a, b) => a.rule.localeCompare(b.rule)),
  );
});

test('other single changed figures: one cell each, keyed by the form', async (t) => {
  const cases: { name: string; edit: Edit; id: string; cell: Record<string, string> }[] = [
    {
      name: '得分 of an indicator in the self-evaluation',
      edit: {
        file: SZ,
        from: '[政务信息采用率, 2%, 1%, 2, 1, 信息采用率整体降低。提升信息报送质量。]',
        to: '[政务信息采用率, 2%, 1%, 2, 2, 信息采用率整体降低。提升信息报送质量。]',
      },
      id: 'hunan-shenzhen/2022/performance',
      cell: {
        table: 'self-evaluation',
        row: '产出指标/质量指标/政务信息采用率',
        column: '得分',
        old: '1',
        new: '2',
        delta: '1',
      },
    },
    {
      // Figures are the text as published: a precision change is a change, of 0.00.
      name: '16.5 written 16.50 in the 基础数据表',
      edit: { file: SZ, from: 'values: [20.89, 16.5, 33.01]', to: 'values: [20.89, 16.50, 33.01]' },
      id: 'hunan-shenzhen/2022/performance',
      cell: {
        table: 'base-data',
        row: '三公经费/1、公务用车购置和维护经费',
        column: '2022年预算数',
        old: '16.5',
        new: '16.50',
        delta: '0.00',
      },
    },
    {
      name: '得分 in the first 项目支出 自评表',
      edit: {
        file: SZ,
        from: '[内部管理, 提高设备利用率，国有资产保值增值。, 提高设备利用率，国有资产保值增值。, 15, 15, ~]',
        to: '[内部管理, 提高设备利用率，国有资产保值增值。, 提高设备利用率，国有资产保值增值。, 15, 14.5, ~]',
      },
      id: 'hunan-shenzhen/2022/performance',
      cell: {
        table: 'project-1',
        row: '效益指标/社会效益指标/内部管理',
        column: '得分',
        old: '15',
        new: '14.5',
        delta: '-0.5',
      },
    },
    {
      name: '公开01表 行次 27, a text that is no amount',
      edit: { file: FA, from: '[27, 本年收入合计, 295.12]', to: '[27, 本年收入合计, ——]' },
      id: 'huaihua-beijing/2022/final-accounts',
      cell: { table: 't01', row: '27', rowName: '本年收入合计', column: '决算数', old: '295.12', new: '——' },
    },
  ];
  for (const c of cases)
    await t.test(c.name, () => {
      const diff = diffContent(committed, loadChanged([c.edit]));
      const report = diff.reports.find((r) => r.id === c.id);
      assert.ok(report, c.id);
      assert.deepEqual(report.cells, [
        { ...c.cell, file: c.edit.file, line: lineOf(edited(c.edit.file, [c.edit]), c.edit.to) },
      ]);
      assert.deepEqual(report.meta, []);
      assertRanked(report.findings.new);
    });
});

test('rows printed in another order are one 行序 change, no figure', () => {
  const [a, b] = ['        - [30101, 基本工资, 62.53]\n', '        - [30102, 津贴补贴, 0.18]\n'];
  const edit: Edit = { file: FA, from: a + b, to: b + a };
  const [report] = diffContent(committed, loadChanged([edit])).reports;
  assert.equal(report.id, 'huaihua-beijing/2022/final-accounts');
  assert.deepEqual(report.cells, []);
  assert.deepEqual(report.meta, [
    {
      field: '行序.t06',
      old: ['第1栏：30101', '第1栏：30102'],
      new: ['第1栏：30102', '第1栏：30101'],
      file: FA,
      line: lineOf(edited(FA, [edit]), b),
    },
  ]);
});

test('a row removed or added shows each of its figures vanishing or appearing', async (t) => {
  const removedRow = '      - [2080599, 其他行政事业单位养老支出, 6.00, 6.00, 0.00]\n';
  const anchor = '              - [联络接待满意率, 100%, 100%, 3, 3, ~]\n';
  const addedRow = '              - [新增指标, 不少于1次, 2次, 1, 1, ~]\n';
  const cases = [
    {
      name: '公开05表 row 2080599 removed',
      edit: {
        file: FA,
        from: `      - [2080505, 机关事业单位基本养老保险缴费支出, 14.41, 14.41, 0.00]\n${removedRow}`,
        to: '      - [2080505, 机关事业单位基本养老保险缴费支出, 14.41, 14.41, 0.00]\n',
      },
      id: 'huaihua-beijing/2022/final-accounts',
      // Its cells as the YAML prints them, at the row's line in the base file.
      expected: [
        ['科目名称', '其他行政事业单位养老支出'],
        ['小计', '6.00'],
        ['基本支出', '6.00'],
        ['项目支出', '0.00'],
      ].map(([column, old]) => ({
        table: 't05',
        row: '2080599',
        rowName: '其他行政事业单位养老支出',
        column,
        old,
        new: null,
        rowStatus: 'removed',
        file: FA,
        line:
          lineOf(text(FA), `[2080505, 机关事业单位基本养老保险缴费支出, 14.41, 14.41, 0.00]\n${removedRow}`) +
          1,
      })),
    },
    {
      name: 'an indicator added under 质量指标',
      edit: { file: SZ, from: anchor, to: `${anchor}${addedRow}` },
      id: 'hunan-shenzhen/2022/performance',
      // The blank 偏差原因分析 cell is no figure that appeared.
      expected: [
        ['年度指标值', '不少于1次'],
        ['实际完成值', '2次'],
        ['分值', '1'],
        ['得分', '1'],
      ].map(([column, value]) => ({
        table: 'self-evaluation',
        row: '产出指标/质量指标/新增指标',
        column,
        old: null,
        new: value,
        rowStatus: 'added',
        file: SZ,
        line: lineOf(text(SZ), anchor) + 1,
      })),
    },
  ];
  for (const c of cases)
    await t.test(c.name, () => {
      const diff = diffContent(committed, loadChanged([c.edit]));
      const report = diff.reports.find((r) => r.id === c.id);
      assert.ok(report, c.id);
      assert.deepEqual(report.cells, c.expected);
    });
});

test('an acknowledgement removed is a meta change, and its finding becomes new and unacknowledged', () => {
  const source = text(FA);
  const start = source.indexOf('  - rule: prose.share\n');
  const end = source.indexOf('\n  - ', start + 1);
  const ackText = source.slice(start, end < 0 ? source.length : end + 1);
  const head = loadChanged([{ file: FA, from: ackText, to: '' }]);
  const ack = committed.reports
    .find((r) => r.id === 'huaihua-beijing/2022/final-accounts')!
    .data.acknowledgements!.find((a) => a.rule === 'prose.share')!;
  const [report] = diffContent(committed, head).reports;
  assert.equal(report.id, 'huaihua-beijing/2022/final-accounts');
  assert.deepEqual(report.meta, [
    {
      field: `acknowledgements[prose.share ${ack.subject}]`,
      old: { rule: 'prose.share', subject: ack.subject, values: ack.values, reason: ack.reason },
      new: null,
      file: FA,
      line: lineOf(source, '  - rule: prose.share'),
    },
  ]);
  assert.deepEqual(report.cells, []);
  const finding = { rule: 'prose.share', subject: ack.subject, severity: 'error' };
  assert.deepEqual(report.findings.new.map(about), [{ ...finding, acknowledged: false }]);
  assert.deepEqual(report.findings.fixed.map(about), [{ ...finding, acknowledged: true }]);
});

const UNITS =
  '（一）内设机构设置。湖南省怀化市人民政府驻北京联络处作为一级部门决算，单位内设科室为：综合科、招商引资科、接待科及信访维稳科。';

test('a narrative edit of a few characters reports only the changed words, at their line', async (t) => {
  const cases = [
    {
      name: 'one character in a one-line paragraph',
      edits: [{ file: FA_MD, from: UNITS, to: UNITS.replace('接待科及', '接待科和') }],
      expected: [{ old: '及', new: '和', line: lineOf(text(FA_MD), UNITS) }],
    },
    {
      name: 'words deleted on the third line of a reflowed paragraph',
      edits: [
        {
          file: FA_MD,
          from: UNITS,
          to: UNITS.replace('作为', '作为\n')
            .replace('科室为：', '科室为：\n')
            .replace('招商引资科', '招商科'),
        },
      ],
      // 招商引资科 → 招商科 deletes 引资.
      expected: [{ old: '引资', new: '', line: lineOf(text(FA_MD), UNITS) + 2 }],
    },
    {
      name: 'a paragraph inserted before an edited one',
      edits: [{ file: FA_MD, from: UNITS, to: `新增的一段。\n\n${UNITS.replace('接待科及', '接待科和')}` }],
      expected: [
        { old: '', new: '新增的一段。', line: lineOf(text(FA_MD), UNITS) },
        { old: '及', new: '和', line: lineOf(text(FA_MD), UNITS) + 2 },
      ],
    },
    {
      name: 'a figure in a sentence',
      edits: [
        { file: FA_MD, from: '2022年度收、支总计均为295.12万元', to: '2022年度收、支总计均为295.13万元' },
      ],
      expected: [
        { old: '295.12', new: '295.13', line: lineOf(text(FA_MD), '2022年度收、支总计均为295.12万元') },
      ],
    },
  ];
  for (const c of cases)
    await t.test(c.name, () => {
      const report = diffContent(committed, loadChanged(c.edits)).reports.find(
        (r) => r.id === 'huaihua-beijing/2022/final-accounts',
      );
      assert.ok(report);
      assert.deepEqual(
        report.narrative.map((n) => ({ old: n.old, new: n.new, line: n.line })),
        c.expected,
      );
      assert.ok(report.narrative.every((n) => n.file === FA_MD));
      assert.deepEqual(report.cells, []);
    });
});

test('a reflowed paragraph and Markdown that renders the same text are no narrative change', () => {
  const head = loadChanged([
    { file: FA_MD, from: UNITS, to: UNITS.replace('联络处', '联络处\n').replace('单位内设', '\n  单位内设') },
    { file: FA_MD, from: '## 第一部分\n', to: '## 第一部分 ##\n' },
  ]);
  assert.deepEqual(head.errors, []);
  assert.deepEqual(diffContent(committed, head), { reports: [], offices: [] });
});

test('an office.yaml change is a field change of the office, by its path', () => {
  const edits = [
    {
      file: OFFICE,
      from: 'items: [综合科, 招商引资科, 接待科, 信访维稳科]',
      to: 'items: [综合科, 招商引资科, 接待处, 信访维稳科]',
    },
    { file: OFFICE, from: '    actual: 12\n', to: '    actual: 13\n' },
  ];
  const after = edited(OFFICE, edits);
  const diff = diffContent(committed, loadChanged(edits));
  assert.deepEqual(diff.reports, []);
  assert.deepEqual(diff.offices, [
    {
      id: 'huaihua-beijing',
      status: 'changed',
      meta: [
        {
          field: 'units.items[2]',
          old: '接待科',
          new: '接待处',
          file: OFFICE,
          line: lineOf(after, '接待处'),
        },
        { field: 'staffing[2022].actual', old: 12, new: 13, file: OFFICE, line: lineOf(after, 'actual: 13') },
      ],
      findings: { new: [], fixed: [] },
    },
  ]);
});

test('reports and offices added or removed', async (t) => {
  const ZJ = 'zhanjiang-guangzhou';
  const cases = [
    {
      // An office keeps at least one report (an office without reports is an error).
      name: 'a report removed',
      change: (root: string) => {
        for (const ext of ['yaml', 'md'])
          rmSync(join(root, `content/huaihua-beijing/2022/performance.${ext}`));
      },
      reports: [['huaihua-beijing/2022/performance', 'removed']],
      offices: [],
    },
    {
      name: 'a report added',
      change: (root: string) => {
        const from = join(root, 'content/hunan-shanghai/2022');
        const to = join(root, 'content/hunan-shanghai/2023');
        cpSync(from, to, { recursive: true });
        const yaml = join(to, 'performance.yaml');
        writeFileSync(yaml, text(yaml).replace('year: 2022', 'year: 2023'));
      },
      reports: [['hunan-shanghai/2023/performance', 'added']],
      offices: [],
    },
    {
      name: 'an office removed with its report',
      change: (root: string) => rmSync(join(root, `content/${ZJ}`), { recursive: true }),
      reports: [[`${ZJ}/2020/performance`, 'removed']],
      offices: [[ZJ, 'removed']],
    },
  ];
  for (const c of cases)
    await t.test(c.name, () => {
      const head = loadChanged(c.change);
      assert.deepEqual(head.errors, []);
      const diff = diffContent(committed, head);
      assert.deepEqual(
        diff.reports.map((r) => [r.id, r.status]),
        c.reports,
      );
      assert.deepEqual(
        diff.offices.map((o) => [o.id, o.status]),
        c.offices,
      );
      for (const r of diff.reports) assert.deepEqual([r.cells, r.narrative, r.meta], [[], [], []]);
    });
});

test('a schema error in the head is a new finding of its report, at its line', () => {
  const edit: Edit = {
    file: FA,
    from: '[1, 一、一般公共预算财政拨款收入, 295.05]',
    to: '[1, 一、一般公共预算财政拨款收入, 295.O5]',
  };
  const diff = diffContent(committed, loadChanged([edit]));
  const report = diff.reports.find((r) => r.id === 'huaihua-beijing/2022/final-accounts');
  assert.ok(report);
  assert.equal(report.status, 'changed');
  assert.deepEqual(
    report.findings.new.map((f) => [f.rule, f.file, f.line, f.acknowledged]),
    [['schema', FA, lineOf(edited(FA, [edit]), edit.to), false]],
  );
  // The report did not load in the head: its check findings there are unknown, not fixed.
  assert.deepEqual(report.findings.fixed, []);
  assert.deepEqual([report.cells, report.narrative, report.meta], [[], [], []]);
});

test('a 决算 figure that another narrative cites: that report is listed with its new finding', () => {
  // 公开09表 决算数 公务接待费 10.43; the 绩效自评 of the same office and year writes 10.43 too.
  const edit: Edit = {
    file: FA,
    from: 'actual: [25.12, 0.00, 14.70, 0.00, 14.70, 10.43]',
    to: 'actual: [25.12, 0.00, 14.70, 0.00, 14.70, 10.53]',
  };
  const PE_MD = 'content/huaihua-beijing/2022/performance.md';
  assert.ok(text(PE_MD).includes('10.43'));
  const diff = diffContent(committed, loadChanged([edit]));
  assert.deepEqual(
    diff.reports.map((r) => r.id),
    ['huaihua-beijing/2022/final-accounts', 'huaihua-beijing/2022/performance'],
  );
  const performance = diff.reports[1];
  assert.deepEqual(
    [performance.status, performance.cells, performance.narrative, performance.meta],
    ['changed', [], [], []],
  );
  assert.ok(
    performance.findings.new.some(
      (f) =>
        f.rule.startsWith('prose.') &&
        f.subject.includes('公务接待费') &&
        !f.acknowledged &&
        f.file === PE_MD,
    ),
    JSON.stringify(performance.findings.new),
  );
});

/* ---------- variants of the self-evaluation forms (made-up test fixtures) ---------- */

const FIXTURE = 'tests/fixtures/form-variants';
const Y23 = 'content/yangli-beijing/2023/performance.yaml';
const Y24 = 'content/yangli-beijing/2024/performance.yaml';
const fixtureCommitted = loadContent(join(FIXTURE, 'content'), { locations: true });
const fixtureText = (file: string) => readFileSync(join(FIXTURE, file), 'utf8');

/** The fixtures copied (with their sources/), edited like `loadChanged`, and loaded. */
function loadFixtureChanged(edits: Edit[]): Content {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-review-variants-'));
  try {
    cpSync(join(FIXTURE, 'content'), join(dir, 'content'), { recursive: true });
    cpSync(join(FIXTURE, 'sources'), join(dir, 'sources'), { recursive: true });
    for (const e of edits) {
      const path = join(dir, e.file);
      const before = text(path);
      assert.equal(before.split(e.from).length, 2, `${e.file} should hold exactly one ${e.from}`);
      writeFileSync(path, before.replace(e.from, e.to));
    }
    return loadContent(join(dir, 'content'), { locations: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const fixtureEdited = (file: string, edits: Edit[]) =>
  edits.filter((e) => e.file === file).reduce((t, e) => t.replace(e.from, e.to), fixtureText(file));

test('form variants: cells are keyed by the headings the form prints, wherever its columns stand', async (t) => {
  assert.deepEqual(fixtureCommitted.errors, []);
  const cases: { name: string; edit: Edit; id: string; cells: Record<string, string | null>[] }[] = [
    {
      // 预算执行数 is the funds block's third column after the name, under its own heading.
      name: '预算执行数 of a source in a funds block headed 资金来源',
      edit: {
        file: Y23,
        from: '[财政资金, 1200.500, 1350.725, 1215.183,',
        to: '[财政资金, 1200.500, 1350.725, 1215.184,',
      },
      id: 'yangli-beijing/2023/performance',
      cells: [
        {
          table: 'self-evaluation',
          row: '财政资金',
          column: '预算执行数',
          old: '1215.183',
          new: '1215.184',
          delta: '0.001',
        },
      ],
    },
    {
      // Eight indicator columns: 实际完成值 is the fifth, after 指标性质 and 度量单位.
      name: '实际完成值 of an indicator with 指标性质 and 度量单位 columns',
      edit: { file: Y23, from: '[服务来京企业, ≥, 30, 家, 36,', to: '[服务来京企业, ≥, 30, 家, 37,' },
      id: 'yangli-beijing/2023/performance',
      cells: [
        {
          table: 'self-evaluation',
          row: '产出指标/数量指标/服务来京企业',
          column: '实际完成值',
          old: '36',
          new: '37',
          delta: '1',
        },
      ],
    },
    {
      name: 'a placeholder row’s printed cells, under `placeholder`',
      edit: {
        file: Y23,
        from: 'placeholder: [指标3：, ~, ……, ~, ……, ~, ~, ~]',
        to: 'placeholder: [指标3：, ~, ……, ~, ……, ……, ……, ~]',
      },
      id: 'yangli-beijing/2023/performance',
      cells: ['分值', '得分'].map((column) => ({
        table: 'self-evaluation',
        row: '产出指标/数量指标/指标3：',
        column,
        old: null,
        new: '……',
      })),
    },
    {
      name: '权重 of an indicator in a project form headed 指标值/全年实际值/权重',
      edit: {
        file: Y24,
        from: '[采购成本, ≤, 95.5, 万元, 89.97, 10, 10, ~]',
        to: '[采购成本, ≤, 95.5, 万元, 89.97, 15, 10, ~]',
      },
      id: 'yangli-beijing/2024/performance',
      cells: [
        {
          table: 'project-1',
          row: '产出指标/成本指标/采购成本',
          column: '权重',
          old: '10',
          new: '15',
          delta: '5',
        },
      ],
    },
    {
      name: '总分 under the form’s 权重 heading',
      edit: { file: Y24, from: 'total: { weight: 100, score: 99 }', to: 'total: { weight: 100, score: 98 }' },
      id: 'yangli-beijing/2024/performance',
      cells: [{ table: 'project-1', row: '总分', column: '得分', old: '99', new: '98', delta: '-1' }],
    },
  ];
  for (const c of cases)
    await t.test(c.name, () => {
      const diff = diffContent(fixtureCommitted, loadFixtureChanged([c.edit]));
      const report = diff.reports.find((r) => r.id === c.id);
      assert.ok(report, c.id);
      const line = lineOf(fixtureEdited(c.edit.file, [c.edit]), c.edit.to);
      assert.deepEqual(
        report.cells,
        c.cells.map((cell) => ({ ...cell, file: c.edit.file, line })),
      );
      assert.deepEqual(report.meta, []);
    });
});

test('form variants: an indicator row of the 2024 form reports its cells under 指标值, 全年实际值 and 权重', () => {
  const anchor = "                - [设备验收合格率, ≥, 98, '%', 100, 20, 20, ~]\n";
  const added = '                - [设备完好率, ≥, 95, ~, 99, 5, 5, ~]\n';
  const edit: Edit = { file: Y24, from: anchor, to: `${anchor}${added}` };
  const diff = diffContent(fixtureCommitted, loadFixtureChanged([edit]));
  const report = diff.reports.find((r) => r.id === 'yangli-beijing/2024/performance');
  assert.ok(report);
  assert.deepEqual(
    report.cells.map((c) => [c.row, c.column, c.old, c.new, c.rowStatus, c.line]),
    [
      ['指标性质', '≥'],
      ['指标值', '95'],
      ['全年实际值', '99'],
      ['权重', '5'],
      ['得分', '5'],
    ].map(([column, value]) => [
      '产出指标/质量指标/设备完好率',
      column,
      null,
      value,
      'added',
      lineOf(fixtureText(Y24), anchor) + 1,
    ]),
  );
});

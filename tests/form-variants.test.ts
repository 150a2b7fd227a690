/**
 * The variants of the self-evaluation forms (docs/content-format.md, section 表式变体), on the
 * made-up reports in tests/fixtures/form-variants (test fixtures, never published): the docs'
 * examples are the fixtures' own text; the fixtures load and pass `npm run check`; schema errors
 * and check findings on edited copies, each located; the fixture site (FIXTURE_SITE_DIR, built by
 * `npm test`) prints each form in its official layout with its charts and 数据说明, and search
 * finds its indicators.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { loadContent, type Report } from '../src/lib/content/load.ts';
import { NATURES, type IndicatorRow } from '../src/lib/content/schema/performance.ts';
import { checkReport, isFailure } from '../src/lib/checks/run.ts';
import { reportUrl } from '../src/lib/site.ts';
import { checkEdited, type Edit, type Located } from './support/edited-content.ts';
import { fixtureSiteDir, siteDir } from './support/site.ts';
import { useBrowser } from './support/browser.ts';
import { search } from './support/search.ts';
import { axeViolations } from './support/axe.ts';

const FIXTURE = 'tests/fixtures/form-variants';
const Y23 = 'content/yangli-beijing/2023/performance.yaml';
const Y24 = 'content/yangli-beijing/2024/performance.yaml';
const PAGE23 = '/offices/yangli-beijing/2023/performance/';
const PAGE24 = '/offices/yangli-beijing/2024/performance/';

const fixtureText = (file: string) => readFileSync(join(FIXTURE, file), 'utf8');
const loaded = loadContent(join(FIXTURE, 'content'), { locations: true });
const report = (id: string) => {
  const r = loaded.reports.find((x) => x.id === id);
  assert.ok(r, `fixture report ${id} loads`);
  return r;
};

/** The evaluation form of a fixture report: the 2023 整体 自评表, the 2024 project form. */
function form(r: Report) {
  assert.ok(r.data.kind === '部门整体支出绩效自评' && r.data.tables);
  const t = r.data.tables['self-evaluation'] ?? r.data.tables.projects?.[0];
  assert.ok(t, `${r.id} has an evaluation form`);
  return t;
}

/* ---------- the docs ---------- */

/** The section 表式变体 of docs/content-format.md, up to the next section. */
function docsSection(): string {
  const md = readFileSync('docs/content-format.md', 'utf8');
  const start = md.indexOf('\n## 表式变体\n');
  assert.ok(start >= 0, 'docs/content-format.md has a section 表式变体');
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end < 0 ? undefined : end);
}

/** Its ```yaml examples, each as lines, with the fence's own indentation removed. */
const yamlExamples = (md: string) =>
  [...md.matchAll(/^([ \t]*)```yaml\n([\s\S]*?)\n\1```$/gm)].map(([, indent, body]) =>
    body.split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)),
  );

/** Where `block` occurs in `text` line by line, every line shifted by the same indentation. */
function occursIn(block: string[], text: string): number | undefined {
  const lines = text.split('\n');
  for (let i = 0; i + block.length <= lines.length; i++) {
    if (!lines[i].endsWith(block[0])) continue;
    const indent = lines[i].slice(0, lines[i].length - block[0].length);
    if (/\S/.test(indent)) continue;
    if (block.every((l, k) => (l === '' ? lines[i + k].trim() === '' : lines[i + k] === indent + l)))
      return i + 1;
  }
  return undefined;
}

const fixtureYaml = readdirSync(join(FIXTURE, 'content'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => join('content', f));

test('every YAML example in the docs section 表式变体 is copied verbatim from a fixture', () => {
  const examples = yamlExamples(docsSection());
  assert.ok(examples.length >= 6, `the section has its examples (${examples.length})`);
  for (const block of examples) {
    const found = fixtureYaml.filter((f) => occursIn(block, fixtureText(f)) !== undefined);
    assert.ok(
      found.length > 0,
      `not found in any of ${fixtureYaml.join(', ')} (leading indentation aside):\n${block.join('\n')}`,
    );
  }
});

test('the docs section names the fixtures, every 指标性质 and every rule of these forms', () => {
  const md = docsSection();
  assert.ok(md.includes('tests/fixtures/form-variants/'), 'points at the worked example');
  for (const nature of NATURES) assert.ok(md.includes(`\`${nature}\``), `指标性质 ${nature}`);
  for (const rule of [
    'pe.funds-sum',
    'pe.funds-zero-total',
    'pe.execution-rate',
    'pe.score-le-weight',
    'pe.weight-total',
    'pe.level-weight',
    'pe.score-total',
  ])
    assert.ok(md.includes(rule), rule);
  for (const key of ['indicatorColumns', 'nameHeading', 'columns', 'placeholder', 'acknowledgements'])
    assert.ok(md.includes(`\`${key}\``) || md.includes(`${key}:`), key);
});

/* ---------- the fixtures as committed ---------- */

test('the fixtures load without a schema error, every variant present in the model', () => {
  assert.deepEqual(loaded.errors, []);
  assert.deepEqual(loaded.reports.map((r) => r.id).sort(), [
    'yangli-beijing/2023/performance',
    'yangli-beijing/2024/performance',
  ]);
  const t23 = form(report('yangli-beijing/2023/performance'));
  assert.deepEqual(
    t23.indicatorColumns.map((c) => c.key),
    ['name', 'nature', 'target', 'unit', 'actual', 'weight', 'score', 'deviation'],
  );
  assert.equal(t23.funds?.nameHeading, '资金来源');
  assert.deepEqual(
    t23.funds?.columns.map((c) => c.heading),
    ['年初预算数', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因'],
  );
  // Figures keep the precision they were written with.
  assert.deepEqual(
    t23.funds?.rows.map((r) => [r.name, r.initial, r.executed]),
    [
      ['合计', '0', '0'],
      ['财政资金', '1200.500', '1215.183'],
      ['财政专户管理资金', null, null],
      ['单位资金', '30.000', '29.974'],
      ['其他资金', null, null],
    ],
  );
  const rows = (t: ReturnType<typeof form>) =>
    t.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.rows));
  for (const t of [t23, form(report('yangli-beijing/2024/performance'))]) {
    const placeholders = rows(t).filter((r) => r.kind === 'placeholder');
    assert.ok(placeholders.length > 0, 'has placeholder rows');
    for (const p of placeholders) {
      assert.equal(p.weight, null, `${p.name} counts no 分值`);
      assert.equal(p.score, null, `${p.name} counts no 得分`);
      assert.match(p.printed?.name ?? '', /^指标\d：$/);
    }
    assert.ok(
      rows(t).some((r) => r.nature === '定性'),
      'has qualitative indicators',
    );
  }
});

test('npm run check passes on the fixtures, with the three acknowledged zero totals', () => {
  const env = { ...process.env, CONTENT_DIR: join(FIXTURE, 'content') };
  const check = (...args: string[]) =>
    spawnSync('npm', ['run', 'check', '--silent', '--', ...args], { encoding: 'utf8', env });
  const quiet = check();
  assert.equal(quiet.status, 0, quiet.stdout + quiet.stderr);
  assert.match(quiet.stdout, /2 份报告：0 个未确认的错误；另有 3 个已确认/);

  const rows = JSON.parse(check('--json').stdout) as {
    file: string;
    line: number;
    rule: string;
    subject: string;
    severity: string;
    acknowledged: unknown;
  }[];
  assert.deepEqual(
    rows.filter((r) => r.severity === 'error' && !r.acknowledged),
    [],
  );
  const acknowledged = rows.filter((r) => r.acknowledged);
  assert.deepEqual(
    acknowledged.map((r) => `${r.file}:${r.line} ${r.rule} ${r.subject}`).sort(),
    ['年初预算数', '调整后预算数', '预算执行数']
      .map(
        (c) =>
          `${Y23}:${lineOf(fixtureText(Y23), '- [合计, 0, 0, 0,')} pe.funds-zero-total 整体支出绩效自评表.预算执行情况.${c}`,
      )
      .sort(),
  );
});

/* ---------- schema errors on edited copies ---------- */

/** 1-based line of the first line holding `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `fixture text not found: ${needle}`);
  return text.slice(0, i).split('\n').length;
}

interface SchemaCase {
  what: string;
  file: string;
  from: string;
  to: string;
  /** The text, in the edited line, the error must point at. */
  at: string;
  message: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const schemaCases: SchemaCase[] = [
  {
    what: 'an unknown heading in indicatorColumns',
    file: Y23,
    from: '[三级指标, 指标性质, 年度指标值,',
    to: '[三级指标, 指标类型, 年度指标值,',
    at: '指标类型',
    message: /indicatorColumns\.1：栏目“指标类型”不认识；可用的栏目：.*指标性质.*度量单位\/计量单位/,
  },
  {
    what: 'an unknown heading in the funds columns',
    file: Y23,
    from: '[年初预算数, 调整后预算数, 预算执行数,',
    to: '[年初预算数, 调整预算数, 预算执行数,',
    at: '调整预算数',
    message: /funds\.columns\.1：栏目“调整预算数”不认识；可用的栏目：.*全年预算数\/调整后预算数/,
  },
  {
    what: 'a repeated heading in the funds columns (预算执行率 and 执行率 are one column)',
    file: Y23,
    from: '权重, 得分, 原因]',
    to: '权重, 得分, 执行率]',
    at: '执行率]',
    message: /栏目“执行率”与前面的“预算执行率”是同一栏：每栏只写一次/,
  },
  {
    what: 'a repeated heading in indicatorColumns (权重 and 分值 are one column)',
    file: Y24,
    from: '权重, 得分, 偏差原因分析及改进措施]',
    to: '权重, 得分, 分值]',
    at: '分值]',
    message: /栏目“分值”与前面的“权重”是同一栏：每栏只写一次/,
  },
  {
    what: 'a missing required heading (no 得分)',
    file: Y24,
    from: '全年实际值, 权重, 得分, 偏差原因分析及改进措施]',
    to: '全年实际值, 权重, 偏差原因分析及改进措施]',
    at: 'indicatorColumns',
    message: /indicatorColumns：缺少栏目 得分：这些栏每张表都有/,
  },
  {
    what: 'a funds block without its 执行数 column',
    file: Y24,
    from: '[年初预算数, 全年预算数, 全年执行数, 分值,',
    to: '[年初预算数, 全年预算数, 分值,',
    at: 'columns',
    message: /funds\.columns：缺少栏目 全年执行数：这些栏每张表都有/,
  },
  {
    what: 'an indicator row with a cell too few',
    file: Y23,
    from: '- [服务来京企业, ≥, 30, 家, 36, 10, 10, ~]',
    to: '- [服务来京企业, ≥, 30, 家, 36, 10, 10]',
    at: '[',
    message:
      /应有 8 个单元格（三级指标、指标性质、年度指标值、度量单位、实际完成值、分值、得分、偏差原因分析及改进措施），实有 7 个/,
  },
  {
    what: 'a funds row with a cell too few',
    file: Y24,
    from: '- [其他资金, 10, 10, 9.474, ~, ~, ~]',
    to: '- [其他资金, 10, 10, 9.474, ~, ~]',
    at: '[',
    message:
      /funds\.rows\.2：应有 7 个单元格（名称、年初预算数、全年预算数、全年执行数、分值、执行率、得分），实有 6 个/,
  },
  {
    what: 'an invalid 指标性质',
    file: Y23,
    from: '[服务来京企业, ≥,',
    to: '[服务来京企业, 大于,',
    at: '大于',
    message: new RegExp(`指标性质：指标性质应为 ${escape(NATURES.join(' '))} 之一`),
  },
  {
    what: 'a placeholder row with a figure in 分值',
    file: Y23,
    from: 'placeholder: [指标2：, ~, ……, ~, ……, ……, ……, ~]',
    to: 'placeholder: [指标2：, ~, ……, ~, ……, 5, ……, ~]',
    at: '5,',
    message: /placeholder\.5：分值：占位行不计分：分值、得分应空白（~）或照印“……”/,
  },
  {
    what: 'a funds row without a name',
    file: Y23,
    from: '- [单位资金, 30.000,',
    to: '- [~, 30.000,',
    at: '~',
    message: /funds\.rows\.3\.0：每行第一格是资金来源的名称/,
  },
];

for (const c of schemaCases) {
  test(`schema error, located, in Chinese: ${c.what}`, () => {
    const { errors, findings } = checkEdited([{ file: c.file, from: c.from, to: c.to }], { root: FIXTURE });
    const edited = fixtureText(c.file).replace(c.from, c.to);
    const line = lineOf(edited, c.to);
    const col = edited.split('\n')[line - 1].indexOf(c.at) + 1;
    const at = `${c.file}:${line}:${col} `;
    assert.ok(
      errors.some((e) => e.startsWith(at) && c.message.test(e)),
      `expected an error at ${at}matching ${c.message}; got:\n${errors.join('\n')}`,
    );
    assert.ok(
      errors.every((e) => e.startsWith(`${c.file}:`)),
      `only the edited file has errors:\n${errors.join('\n')}`,
    );
    // The broken report is not checked; the other one still is, and still passes.
    assert.ok(!findings.some((f) => f.report === c.file.replace(/^content\/|\.yaml$/g, '')));
  });
}

/* ---------- checks on edited copies ---------- */

const on = (file: string, from: string, to: string): Edit => ({ file, from, to });
const baseline = checkEdited([], { root: FIXTURE });

/** A finding as compared across edits: what it says, not where (an added row moves lines). */
const gist = (f: Located) =>
  `${f.report} ${f.rule} ${f.severity} ${f.subject} ${f.message}${f.acknowledged ? ' (已确认)' : ''}`;

test('baseline: the fixtures have no unacknowledged error and no rounding note', () => {
  assert.deepEqual(baseline.errors, []);
  assert.deepEqual(baseline.findings.filter(isFailure).map(gist), []);
  assert.deepEqual(
    baseline.findings.map((f) => `${f.rule} ${f.severity} ${f.acknowledged ? 'acknowledged' : ''}`),
    Array(3).fill('pe.funds-zero-total error acknowledged'),
  );
});

interface CheckCase {
  what: string;
  edits: Edit[];
  rule: string;
  severity: 'error' | 'note';
  /** What the message must say (both numbers, for a sum). */
  message: RegExp;
}

const checkCases: CheckCase[] = [
  {
    what: 'a part row changed so the parts no longer add up to the total',
    edits: [on(Y24, '[财政拨款, 90, 85.5, 80.496,', '[财政拨款, 90, 86.5, 80.496,')],
    rule: 'pe.funds-sum',
    severity: 'error',
    message: /全年预算数.*95\.5.*96\.5/,
  },
  {
    what: 'three-decimal parts that differ from a two-decimal total by rounding only',
    edits: [on(Y24, '[财政拨款, 90, 85.5, 80.496,', '[财政拨款, 90, 85.5, 80.498,')],
    rule: 'pe.funds-sum',
    severity: 'note',
    message: /全年执行数.*89\.97\D.*89\.972.*尾数/,
  },
  {
    what: 'a three-decimal total 0.001 off its three-decimal parts: rounding, at their own precision',
    edits: [on(Y23, '- [合计, 0, 0, 0,', '- [合计, 1230.501, 0, 0,')],
    rule: 'pe.funds-sum',
    severity: 'note',
    message: /年初预算数.*1230\.501.*1230\.500.*尾数/,
  },
  {
    what: 'a three-decimal total 0.010 off its three-decimal parts: beyond rounding at three decimals',
    edits: [on(Y23, '- [合计, 0, 0, 0,', '- [合计, 1230.510, 0, 0,')],
    rule: 'pe.funds-sum',
    severity: 'error',
    message: /年初预算数.*1230\.510.*1230\.500/,
  },
  {
    what: 'a changed 预算执行率',
    edits: [on(Y23, '1215.183, 89.97%', '1215.183, 89.96%')],
    rule: 'pe.execution-rate',
    severity: 'error',
    message: /财政资金.*预算执行率.*89\.96%.*89\.97%/,
  },
  {
    what: 'an indicator 得分 above its 分值',
    edits: [on(Y23, '[服务来京企业, ≥, 30, 家, 36, 10, 10, ~]', '[服务来京企业, ≥, 30, 家, 36, 10, 11, ~]')],
    rule: 'pe.score-le-weight',
    severity: 'error',
    message: /服务来京企业.*11.*分值 10/,
  },
  {
    what: 'the funds block’s 得分 above its 权重',
    edits: [on(Y23, '- [合计, 0, 0, 0, ~, 10, 9, ~]', '- [合计, 0, 0, 0, ~, 10, 11, ~]')],
    rule: 'pe.score-le-weight',
    severity: 'error',
    message: /合计.*11.*权重 10/,
  },
  {
    what: 'indicator weights that no longer sum to 100',
    edits: [
      on(Y24, '[购置办公设备, ＝, 12, 台, 12, 20, 20, ~]', '[购置办公设备, ＝, 12, 台, 12, 25, 20, ~]'),
    ],
    rule: 'pe.weight-total',
    severity: 'error',
    message: /100.*105/,
  },
  {
    what: 'the funds block’s 权重 counts towards 100',
    edits: [on(Y23, '- [合计, 0, 0, 0, ~, 10, 9, ~]', '- [合计, 0, 0, 0, ~, 15, 9, ~]')],
    rule: 'pe.weight-total',
    severity: 'error',
    message: /100.*105/,
  },
  {
    what: 'a 一级指标’s stated weight that its rows do not make',
    edits: [on(Y23, '- name: 效益指标\n        weight: 30', '- name: 效益指标\n        weight: 35')],
    rule: 'pe.level-weight',
    severity: 'error',
    message: /效益指标.*35.*30/,
  },
  {
    what: 'a 总分 that the scores do not make',
    edits: [on(Y24, 'total: { weight: 100, score: 99 }', 'total: { weight: 100, score: 98 }')],
    rule: 'pe.score-total',
    severity: 'error',
    message: /98.*99/,
  },
];

for (const c of checkCases) {
  test(`check: ${c.what} → ${c.rule} (${c.severity === 'error' ? '错误' : '尾数提示'})`, () => {
    const was = (f: Located) => f.rule === c.rule && f.severity === c.severity;
    assert.deepEqual(baseline.findings.filter(was).map(gist), [], 'not there before the edit');
    const { errors, findings, changed } = checkEdited(c.edits, { root: FIXTURE });
    assert.deepEqual(errors, []);
    const hits = findings.filter((f) => f.rule === c.rule);
    const hit = hits.find((f) => f.severity === c.severity && c.message.test(f.message));
    assert.ok(
      hit,
      `expected a ${c.severity} ${c.rule} matching ${c.message}; got:\n${hits.map(gist).join('\n')}`,
    );
    assert.ok(!hit.acknowledged);
    for (const at of changed)
      assert.ok(
        hit.where.some((w) => w.file === at.file && w.line === at.line),
        `located at the edited line ${at.file}:${at.line}: ${JSON.stringify(hit.where)}`,
      );
    if (c.severity === 'note')
      assert.deepEqual(
        hits.filter((f) => f.severity === 'error').map(gist),
        [],
        'a rounding difference is no error',
      );
  });
}

test('a placeholder row never counts: adding placeholder rows changes no finding', () => {
  const added = checkEdited(
    [
      on(
        Y24,
        "                - [设备验收合格率, ≥, 98, '%', 100, 20, 20, ~]\n",
        "                - [设备验收合格率, ≥, 98, '%', 100, 20, 20, ~]\n                - placeholder: [指标2：, ~, ……, ~, ……, ……, ……, ~]\n",
      ),
      on(
        Y23,
        '              - [宣传推介效果, 定性, 达到预期, ~, 达到预期, 15, 15, ~]\n',
        '              - [宣传推介效果, 定性, 达到预期, ~, 达到预期, 15, 15, ~]\n              - placeholder: [指标3：, ~, ……, ~, ……, ~, ~, ~]\n              - placeholder: [指标4：, ~, ……, ~, ……, ……, ……, ~]\n',
      ),
    ],
    { root: FIXTURE },
  );
  assert.deepEqual(added.errors, []);
  assert.deepEqual(added.findings.map(gist).sort(), baseline.findings.map(gist).sort());
});

test('correcting a total printed as 0 makes its acknowledgement stale', () => {
  const { errors, findings } = checkEdited([on(Y23, '- [合计, 0, 0, 0,', '- [合计, 1230.500, 0, 0,')], {
    root: FIXTURE,
  });
  assert.deepEqual(errors, []);
  const subject = '整体支出绩效自评表.预算执行情况.年初预算数';
  const stale = findings.find((f) => f.rule === 'ack.stale' && `${f.subject} ${f.message}`.includes(subject));
  assert.ok(stale, findings.map(gist).join('\n'));
  assert.ok(isFailure(stale), 'a stale acknowledgement fails the check');
  const ackLine = lineOf(fixtureText(Y23), `subject: ${subject}`) - 1; // its "- rule:" line
  assert.ok(
    stale.where.some((w) => w.file === Y23 && w.line === ackLine),
    `located at the acknowledgement (line ${ackLine}): ${JSON.stringify(stale.where)}`,
  );
  // The corrected column adds up; the other two columns are still printed as 0, still acknowledged.
  assert.ok(!findings.some((f) => f.rule.startsWith('pe.funds') && f.subject === subject));
  const zero = findings.filter((f) => f.rule === 'pe.funds-zero-total');
  assert.equal(zero.length, 2);
  assert.ok(zero.every((f) => f.acknowledged));
});

test('the checks run on the fixtures as loaded: no unacknowledged error in either report', () => {
  for (const r of loaded.reports)
    assert.deepEqual(checkReport(r, loaded.reports).filter(isFailure), [], r.id);
});

/* ---------- rendering: the fixture site ---------- */

const builtPages = new Map<string, Root>();
/** A page of the fixture site, parsed. */
function built(path: string): Root {
  let root = builtPages.get(path);
  if (!root) {
    const file = join(fixtureSiteDir(), path, 'index.html');
    assert.ok(existsSync(file), `the fixture site has ${path}`);
    root = fromHtml(readFileSync(file, 'utf8'));
    builtPages.set(path, root);
  }
  return root;
}

function all(node: Root | Element, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(node, 'element', (e: Element) => {
    if (test(e)) out.push(e);
  });
  return out;
}
const tag = (name: string) => (e: Element) => e.tagName === name;
const byId = (root: Root, id: string) => {
  const found = all(root, (e) => e.properties.id === id);
  assert.equal(found.length, 1, `one element #${id}`);
  return found[0];
};
const cellText = (e: Element) => toText(e).replace(/\s+/g, ' ').trim();
const cells = (tr: Element) => all(tr, (e) => e.tagName === 'th' || e.tagName === 'td');
const classes = (e: Element) => (e.properties.className as string[] | undefined) ?? [];

interface Rendered {
  page: string;
  id: string;
  report: string;
}
const FORMS: Rendered[] = [
  { page: PAGE23, id: 'self-evaluation', report: 'yangli-beijing/2023/performance' },
  { page: PAGE24, id: 'project-1', report: 'yangli-beijing/2024/performance' },
];

/** The table of a form section that holds a row headed `name`. */
function tableWithRow(section: Element, name: string): Element {
  const found = all(section, tag('table')).filter((t) =>
    all(t, tag('tr')).some((tr) => cells(tr).some((c) => c.tagName === 'th' && cellText(c) === name)),
  );
  assert.equal(found.length, 1, `one table with a row headed ${name}`);
  return found[0];
}

/** The header row of a table that holds `heading`. */
function headerRow(table: Element, heading: string): string[] {
  const rows = all(table, tag('thead')).flatMap((h) => all(h, tag('tr')));
  const row = rows.find((tr) => cells(tr).some((c) => cellText(c) === heading));
  assert.ok(
    row,
    `a header row with ${heading}; header rows: ${rows.map((r) => cells(r).map(cellText).join('|')).join(' / ')}`,
  );
  return cells(row).map(cellText);
}

/** The printed cells of the body row headed `name`, from that header cell on. */
function bodyRow(table: Element, name: string): string[] {
  const rows = all(table, tag('tr')).filter((tr) =>
    cells(tr).some((c) => c.tagName === 'th' && cellText(c) === name),
  );
  assert.equal(rows.length, 1, `one row headed ${name}`);
  const row = cells(rows[0]);
  return row.slice(row.findIndex((c) => cellText(c) === name)).map(cellText);
}

for (const f of FORMS) {
  test(`${f.page}: the funds block prints its headings and figures as published`, () => {
    const t = form(report(f.report));
    assert.ok(t.funds);
    const table = tableWithRow(byId(built(f.page), f.id), t.funds.rows[1].name);
    const printed = headerRow(table, t.funds.columns[0].heading);
    const headings = t.funds.columns.map((c) => c.heading);
    if (t.funds.nameHeading) assert.deepEqual(printed, [t.funds.nameHeading, ...headings]);
    else assert.deepEqual(printed.slice(1), headings);
    for (const row of t.funds.rows)
      assert.deepEqual(
        bodyRow(table, row.name),
        [row.name, ...t.funds.columns.map((c) => row[c.key] ?? '')],
        `row ${row.name}`,
      );
  });

  test(`${f.page}: the indicator table prints its own headings, placeholder rows as printed`, () => {
    const t = form(report(f.report));
    const rows = t.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.rows));
    const first = rows[0].name!;
    const table = tableWithRow(byId(built(f.page), f.id), first);
    assert.deepEqual(headerRow(table, '三级指标'), [
      '一级指标',
      '二级指标',
      ...t.indicatorColumns.map((c) => c.heading),
    ]);
    const printedCells = (r: IndicatorRow) =>
      t.indicatorColumns.map((c) => (r.kind === 'placeholder' ? r.printed! : r)[c.key] ?? '');
    for (const r of rows) assert.deepEqual(bodyRow(table, r.name!), printedCells(r), `row ${r.name}`);
  });
}

test('exact figures: 1200.500, 29.974, 80.496 and the placeholder rows’ “……” are printed as written', () => {
  const text23 = cellText(byId(built(PAGE23), 'self-evaluation'));
  const text24 = cellText(byId(built(PAGE24), 'project-1'));
  for (const s of [
    '1200.500',
    '1350.725',
    '1215.183',
    '30.000',
    '29.974',
    '18.362',
    '指标2：',
    '指标3：',
    '……',
  ])
    assert.ok(text23.includes(s), `2023: ${s}`);
  for (const s of ['89.97', '80.496', '9.474', '94.21%', '指标2：', '……'])
    assert.ok(text24.includes(s), `2024: ${s}`);
});

test('every data cell of every form table names its headers, and those ids exist', () => {
  for (const page of [PAGE23, PAGE24]) {
    const root = built(page);
    const ids = new Set(
      all(root, (e) => typeof e.properties.id === 'string').map((e) => String(e.properties.id)),
    );
    const forms = all(root, (e) => e.tagName === 'section' && classes(e).includes('form'));
    assert.ok(forms.length > 0, `${page} has its forms`);
    for (const section of forms)
      for (const table of all(section, tag('table')))
        for (const td of all(table, tag('td'))) {
          const headers = (td.properties.headers as string[] | undefined) ?? [];
          assert.ok(
            headers.length > 0,
            `${page} #${String(section.properties.id)}: a cell without headers: “${cellText(td)}”`,
          );
          for (const h of headers)
            assert.ok(ids.has(h), `${page}: headers="${headers.join(' ')}" names no element: ${h}`);
        }
  }
});

test('each fixture report page has its charts, each with a data table', () => {
  for (const page of [PAGE23, PAGE24]) {
    const charts = all(built(page), (e) => e.tagName === 'figure' && classes(e).includes('chart'));
    assert.ok(charts.length > 0, `${page} has a chart`);
    for (const c of charts) {
      assert.ok(c.properties.dataType, `${String(c.properties.id)}: has a chart type`);
      assert.ok(
        all(c, tag('tbody')).flatMap((b) => all(b, tag('tr'))).length > 0,
        `${String(c.properties.id)}: data rows`,
      );
    }
  }
});

test('the 2023 funds chart shows the money by source, not the total printed as 0', () => {
  const charts = all(built(PAGE23), (e) => e.tagName === 'figure' && classes(e).includes('chart'));
  const data = charts.map((c) => all(c, tag('td')).map(cellText));
  assert.ok(
    data.some((values) => ['1350.725', '1215.183', '29.974'].every((v) => values.includes(v))),
    `a chart carries the sources’ figures; chart data: ${JSON.stringify(data)}`,
  );
});

test('数据说明 lists the acknowledged zero totals with their reasons', () => {
  const r = report('yangli-beijing/2023/performance');
  const notes = cellText(byId(built(PAGE23), 'data-notes'));
  const acks = r.data.acknowledgements ?? [];
  assert.equal(acks.length, 3);
  for (const a of acks) assert.ok(notes.includes(a.reason), a.reason);
  assert.equal(
    all(byId(built(PAGE23), 'data-notes'), tag('li')).length,
    3,
    'one item per acknowledged finding',
  );
});

test('the fixtures stay out of the real site', () => {
  assert.ok(!existsSync(join(siteDir(), 'offices', 'yangli-beijing')));
  assert.ok(existsSync(join(fixtureSiteDir(), reportUrl(report('yangli-beijing/2023/performance')))));
});

/* ---------- in Chromium: charts drawn, search ---------- */

describe('the fixture site in Chromium', () => {
  const site = useBrowser(fixtureSiteDir);

  for (const page of [PAGE23, PAGE24])
    test(`${page}: loads cleanly, draws its charts, accessible (axe-core WCAG 2.1 AA)`, async () => {
      const p = await site.browser().newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      p.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      p.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
      try {
        await p.goto(site.base() + page, { waitUntil: 'load' });
        await p.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += 600) {
            window.scrollTo(0, y);
            await new Promise((r) => setTimeout(r, 30));
          }
        });
        await p.waitForFunction(
          () =>
            [...document.querySelectorAll('figure.chart')].every(
              (f) => (f as HTMLElement).dataset.drawn === 'true',
            ),
          null,
          { timeout: 10_000 },
        );
        assert.ok((await p.locator('figure.chart canvas').count()) > 0, 'a chart is drawn on a canvas');
        const violations = await axeViolations(p);
        assert.deepEqual(violations, [], 'axe-core WCAG 2.1 AA');
        assert.deepEqual(problems, []);
      } finally {
        await p.close();
      }
    });

  const queries: { q: string; expect: string; why: string }[] = [
    { q: '服务来京企业', expect: PAGE23, why: 'an indicator of the 2023 form (and its narrative)' },
    { q: '信息报送及时率', expect: PAGE23, why: 'an indicator printed only in the 2023 form' },
    { q: '财政专户管理资金', expect: PAGE23, why: 'a source of funds printed only in the 2023 form' },
    { q: '按期完成采购', expect: PAGE24, why: 'a qualitative indicator printed only in the 2024 form' },
  ];
  for (const { q, expect, why } of queries)
    test(`search “${q}” finds ${expect} (${why})`, async () => {
      const page = await site.browser().newPage();
      try {
        const results = await search(page, site.base(), q);
        assert.equal(results[0], expect, `results: ${results.join(', ') || 'none'}`);
      } finally {
        await page.close();
      }
    });
});

/**
 * `npm run new` (scripts/new.ts) on a temporary copy of content/ and sources/: the files it writes,
 * what `npm run check` says about them (one located error per placeholder, nothing else), that
 * filling the placeholders makes them valid, and what it refuses. Expectations come from the
 * committed reports and the forms, not from the scaffold's code.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parse, parseDocument, type Document, type Node } from 'yaml';
import { loadContent } from '../src/lib/content/load.ts';

const TODO = '待填';
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh copy of content/ and sources/ (the check verifies archived sources beside content/). */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-new-'));
  dirs.push(dir);
  cpSync('content', join(dir, 'content'), { recursive: true });
  cpSync('sources', join(dir, 'sources'), { recursive: true });
  return dir;
}

const env = (dir: string) => ({ ...process.env, CONTENT_DIR: join(dir, 'content') });
const runNew = (dir: string, ...args: string[]) =>
  spawnSync('npx', ['tsx', 'scripts/new.ts', ...args], { encoding: 'utf8', env: env(dir) });
const runNewAsync = (dir: string, ...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((done) =>
    execFile(
      'npx',
      ['tsx', 'scripts/new.ts', ...args],
      { encoding: 'utf8', env: env(dir) },
      (e, stdout, stderr) =>
        done({ status: e ? (typeof e.code === 'number' ? e.code : null) : 0, stdout, stderr }),
    ),
  );

interface Row {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
  acknowledged: boolean;
}
function check(dir: string): { status: number | null; rows: Row[]; errors: Row[] } {
  const r = spawnSync('npx', ['tsx', 'scripts/check.ts', '--json'], {
    encoding: 'utf8',
    env: env(dir),
    maxBuffer: 1 << 28, // hundreds of placeholders make megabytes of JSON
  });
  const rows = JSON.parse(r.stdout) as Row[];
  return { status: r.status, rows, errors: rows.filter((x) => x.severity === 'error' && !x.acknowledged) };
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** Every file under content/ with a hash of its bytes: what a refusal must leave as it was. */
function snapshot(dir: string): string[] {
  const root = join(dir, 'content');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((f) => {
      const p = join(root, f);
      return statSync(p).isDirectory()
        ? f
        : `${f} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
    });
}

/* ---------- placeholders, counted from the written files ---------- */

type Key = string | number;
/** Every node of a YAML document with its key path. */
function walk(doc: Document, visit: (node: Node, path: Key[]) => void) {
  const go = (node: unknown, path: Key[]) => {
    if (!node || typeof node !== 'object') return;
    visit(node as Node, path);
    if (isMap(node))
      for (const p of node.items) go(p.value, [...path, String(isScalar(p.key) ? p.key.value : p.key)]);
    if (isSeq(node)) node.items.forEach((item, i) => go(item, [...path, i]));
  };
  go(doc.contents, []);
}

/** A placeholder: the scalar 待填 (figures, codes, paths) or a map keyed 待填 (text). */
const isPlaceholder = (node: Node) =>
  (isScalar(node) && node.value === TODO) ||
  (isMap(node) && node.items.some((p) => isScalar(p.key) && p.key.value === TODO));

function yamlPlaceholders(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const found: { path: Key[]; line: number }[] = [];
  walk(doc, (node, path) => {
    if (isPlaceholder(node)) found.push({ path, line: lineCounter.linePos(node.range![0]).line });
  });
  return { doc, found };
}

/** Lines of a narrative holding a ::todo / :todo placeholder. */
const narrativePlaceholderLines = (md: string) =>
  md.split('\n').flatMap((l, i) => (l.includes(`:todo[${TODO}`) ? [i + 1] : []));

const perLine = (lines: number[]) =>
  lines.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<number, number>());

/** The check reports each placeholder once, at its line, saying what is expected there. */
function assertOneErrorPerPlaceholder(errors: Row[], file: string, lines: number[]) {
  const mine = errors.filter((e) => e.file === file);
  assert.equal(mine.length, lines.length, `${file}: one error per placeholder`);
  assert.deepEqual(
    perLine(mine.map((e) => e.line)),
    perLine(lines),
    `${file}: errors at the placeholders' lines`,
  );
  for (const e of mine) assert.equal(e.rule, 'schema', `${file}:${e.line} ${e.message}`);
}

const headings = (md: string, depth: number) =>
  md.split('\n').flatMap((l) => (l.startsWith(`${'#'.repeat(depth)} `) ? [l.slice(depth + 1)] : []));

/* ---------- (a) + (b): 部门决算 ---------- */

const HUAIHUA = 'content/huaihua-beijing/2022/final-accounts';
const FA = 'content/huaihua-beijing/2023/final-accounts';

test('a 部门决算 scaffold: files, one located error per placeholder, tables, headings', () => {
  const dir = copy();
  const r = runNew(dir, 'huaihua-beijing', '2023', '部门决算');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /已写入/);
  assert.match(r.stdout, /npm run check/);
  const yaml = read(dir, `${FA}.yaml`);
  const md = read(dir, `${FA}.md`);

  const { doc, found } = yamlPlaceholders(yaml);
  assert.ok(found.length > 300, `placeholders: ${found.length}`);
  const { status, errors } = check(dir);
  assert.equal(status, 1);
  // The narrative is checked once the YAML loads: until then the YAML's placeholders are all there is.
  assert.deepEqual([...new Set(errors.map((e) => e.file))], [`${FA}.yaml`]);
  assertOneErrorPerPlaceholder(
    errors,
    `${FA}.yaml`,
    found.map((p) => p.line),
  );
  // Each says it is a blank to fill in, and what belongs there.
  for (const e of errors) assert.match(e.message, /^[\w.-]+：待填：.*（应为/, e.message);

  // The nine tables, each with the forms' widths; the fixed forms line for line as the committed 决算.
  const data = doc.toJS() as { tables: Record<string, Record<string, unknown[]>> };
  const huaihua = parse(read('.', `${HUAIHUA}.yaml`)) as typeof data;
  assert.deepEqual(Object.keys(data.tables), ['t01', 't02', 't03', 't04', 't05', 't06', 't07', 't08', 't09']);
  const labels = (rows: unknown[]) => (rows as unknown[][]).map((row) => row.slice(0, 2));
  for (const id of ['t01', 't04'])
    for (const side of ['income', 'expenditure'])
      assert.deepEqual(labels(data.tables[id][side]), labels(huaihua.tables[id][side]), `${id} ${side}`);
  assert.deepEqual(
    (data.tables.t06.groups as unknown[][]).map(labels),
    (huaihua.tables.t06.groups as unknown[][]).map(labels),
  );
  for (const id of ['t02', 't03', 't05', 't07', 't08']) {
    const t = data.tables[id];
    assert.equal(t.total.length, (huaihua.tables[id].total as unknown[]).length, `${id} 合计 width`);
    assert.equal(t.rows.length, 1, `${id}: one example row`);
    assert.equal((t.rows[0] as unknown[]).length, t.total.length + 2);
  }
  assert.equal(data.tables.t09.budget.length, 6);
  assert.equal(data.tables.t09.actual.length, 6);

  // ~ only where the form prints a line with its 行次 alone (as in the committed 决算), never for a value to fill in.
  walk(doc, (node, path) => {
    if (isScalar(node) && node.value === null) {
      const row = doc.getIn(path.slice(0, -1)) as { items: { value: unknown }[] };
      assert.ok(['t01', 't04'].includes(String(path[1])) && row.items[1].value === null, path.join('.'));
    }
  });

  // Narrative: the committed 决算's part headings and 第三部分 sections, with the year; every table once.
  const committed = read('.', `${HUAIHUA}.md`).replaceAll('2022', '2023');
  const h2 = headings(md, 2);
  for (const h of ['第一部分', '第二部分', '第三部分', '第四部分', '名词解释', '2023年度部门决算情况说明'])
    assert.ok(h2.includes(h), h);
  assert.ok(h2.includes('湖南省怀化市人民政府驻北京联络处概况'));
  const sections = headings(committed, 3).filter((h) => /^[一二三四五六七八九十]+、/.test(h));
  assert.equal(sections.length, 16);
  assert.deepEqual(
    headings(md, 3).filter((h) => /^[一二三四五六七八九十]+、/.test(h)),
    sections,
  );
  for (const h of headings(md, 4)) assert.ok(headings(committed, 4).includes(h), h);
  for (let i = 1; i <= 9; i++)
    assert.equal(md.split('\n').filter((l) => l === `::table{ref=t0${i}}`).length, 1, `t0${i}`);
  assert.ok(md.split('\n').includes('::glossary'));
});

/** '~' (the YAML for blank) as null, so a copied table keeps its blanks. */
const unblank = (v: unknown): unknown =>
  v === '~'
    ? null
    : Array.isArray(v)
      ? v.map(unblank)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unblank(x)]))
        : v;

const valueAt = (root: unknown, path: Key[]) =>
  path.reduce<unknown>((node, k) => (node as Record<Key, unknown>)[k], root);

test('b filled with the committed Huaihua 2022 figures, the 决算 scaffold is the committed 决算', () => {
  const dir = copy();
  assert.equal(runNew(dir, 'huaihua-beijing', '2023', '部门决算').status, 0);
  const { doc, found } = yamlPlaceholders(read(dir, `${FA}.yaml`));
  // Every value as written (figures stay text: "0.00", not 0).
  const huaihua = unblank(parse(read('.', `${HUAIHUA}.yaml`), { schema: 'failsafe' })) as {
    title: string;
    source: { document: string; archive: string; sha256: string };
    tables: Record<string, unknown>;
  };
  // The same published source, archived under the new year.
  mkdirSync(join(dir, 'sources/huaihua-beijing/2023'), { recursive: true });
  cpSync(join('.', huaihua.source.archive), join(dir, 'sources/huaihua-beijing/2023/final-accounts.txt'));
  const source = { ...huaihua.source, archive: 'sources/huaihua-beijing/2023/final-accounts.txt' };

  const coded = ['t02', 't03', 't05', 't07', 't08'];
  for (const { path } of found) {
    if (path[0] === 'tables' && coded.includes(String(path[1]))) continue;
    const value = path[0] === 'source' ? valueAt(source, path.slice(1)) : valueAt(huaihua, path);
    assert.notEqual(value, undefined, `the committed 决算 has ${path.join('.')}`);
    doc.setIn(path, doc.createNode(value));
  }
  // The coded tables: their rows are the office's own, copied as a whole.
  for (const id of coded) doc.setIn(['tables', id], doc.createNode(huaihua.tables[id]));
  assert.equal(yamlPlaceholders(doc.toString()).found.length, 0);
  writeFileSync(join(dir, `${FA}.yaml`), doc.toString());

  // The YAML is valid: what remains are the narrative's placeholders, one error each.
  const md = read(dir, `${FA}.md`);
  const first = check(dir);
  assert.equal(first.status, 1);
  assert.deepEqual([...new Set(first.errors.map((e) => e.file))], [`${FA}.md`]);
  assertOneErrorPerPlaceholder(first.errors, `${FA}.md`, narrativePlaceholderLines(md));

  // Same tables as the committed 决算, value for value: the scaffold's fixed lines are the forms'.
  const loaded = loadContent(join(dir, 'content'));
  const report = (id: string) => loaded.reports.find((r) => r.id === id)!.data;
  const fresh = report('huaihua-beijing/2023/final-accounts');
  const committed = report('huaihua-beijing/2022/final-accounts');
  assert.ok(fresh.kind === '部门决算' && committed.kind === '部门决算');
  assert.deepEqual(fresh.tables, committed.tables);
  const terms = (g: typeof fresh.glossary) => g?.map((e) => [e.term, e.definition]);
  assert.deepEqual(terms(fresh.glossary), terms(committed.glossary));

  // With the narrative written too, the whole check passes.
  writeFileSync(join(dir, `${FA}.md`), md.replace(/^::todo\[.*\]$/gm, '原文段落。'));
  const last = check(dir);
  assert.deepEqual(last.errors, []);
  assert.equal(last.status, 0);
});

/* ---------- (c): 部门整体支出绩效自评 ---------- */

const SHENZHEN = 'content/hunan-shenzhen/2022/performance';
const PE = 'content/hunan-shenzhen/2023/performance';

test('c 绩效自评 scaffold: the committed forms, one error per placeholder, valid once filled', () => {
  const dir = copy();
  const r = runNew(dir, 'hunan-shenzhen', '2023', '部门整体支出绩效自评');
  assert.equal(r.status, 0, r.stderr);
  const md = read(dir, `${PE}.md`);
  const { doc, found } = yamlPlaceholders(read(dir, `${PE}.yaml`));
  const { status, errors } = check(dir);
  assert.equal(status, 1);
  assert.deepEqual([...new Set(errors.map((e) => e.file))], [`${PE}.yaml`]);
  assertOneErrorPerPlaceholder(
    errors,
    `${PE}.yaml`,
    found.map((p) => p.line),
  );

  // Standard lines and indicator tree, against the committed 湖南省 forms (hunan-shenzhen 2022).
  type Tree = { name: string | null; weight?: string; children: { name: string; rows: unknown[] }[] }[];
  type Tables = {
    'base-data': { staffing: { label: string; columns: string[] }; costs: { rows: unknown[] } };
    'self-evaluation': { funds: Record<string, string[][]>; indicators: Tree };
    projects: { funds: { rows: string[][] }; indicators: Tree }[];
  };
  const scaffold = doc.toJS() as { tables: Tables };
  const shenzhen = parse(read('.', `${SHENZHEN}.yaml`), { schema: 'failsafe' }) as { tables: Tables };
  const [s, c] = [scaffold.tables, shenzhen.tables];
  assert.deepEqual(Object.keys(s), ['base-data', 'self-evaluation', 'projects']);
  const names = (rows: unknown): unknown =>
    (rows as { name: string; parts?: unknown; ofWhich?: unknown }[]).map((x) => [
      x.name,
      x.parts && names(x.parts),
      x.ofWhich && names(x.ofWhich),
    ]);
  assert.deepEqual(names(s['base-data'].costs.rows), names(c['base-data'].costs.rows));
  assert.equal(s['base-data'].staffing.label, c['base-data'].staffing.label);
  assert.deepEqual(
    s['base-data'].staffing.columns,
    c['base-data'].staffing.columns.map((x) => x.replace('2022', '2023')),
  );
  const firsts = (rows: string[][]) => rows.map((x) => x[0]);
  for (const part of ['rows', 'byIncome', 'byNature'])
    assert.deepEqual(
      firsts(s['self-evaluation'].funds[part]),
      firsts(c['self-evaluation'].funds[part]),
      part,
    );
  assert.deepEqual(firsts(s.projects[0].funds.rows), firsts(c.projects[0].funds.rows));
  // 预算执行率 分值 10 in both forms' header.
  assert.equal(String(s['self-evaluation'].funds.rows[0][4]), c['self-evaluation'].funds.rows[0][4]);
  assert.equal(String(s.projects[0].funds.rows[0][4]), c.projects[0].funds.rows[0][4]);
  // 一级 names as the committed 自评表 prints them, 二级 as its project form lists all nine, stated weights alike.
  const tree = (t: Tree, l1: Tree) =>
    t.map((x, i) => [l1[i].name, x.weight && String(x.weight), x.children.map((y) => y.name)]);
  const committedTree = tree(c.projects[0].indicators, c['self-evaluation'].indicators);
  assert.deepEqual(tree(s['self-evaluation'].indicators, s['self-evaluation'].indicators), committedTree);
  assert.deepEqual(tree(s.projects[0].indicators, s['self-evaluation'].indicators), committedTree);
  for (const t of [s['self-evaluation'], s.projects[0]])
    for (const l1 of t.indicators) for (const l2 of l1.children) assert.equal(l2.rows.length, 1);

  // ~ only in cells the committed form leaves blank (分值 and 得分 of the project's fund sources).
  walk(doc, (node, path) => {
    if (isScalar(node) && node.value === null) assert.equal(valueAt(c, path.slice(1)), '~', path.join('.'));
  });

  // Narrative: the 湖南省 template's sections as the committed reports word them; every table once.
  const strip = (h: string) => h.replace(/^([一二三四五六七八九十]+|\d+)、\s*/, '');
  const committedH2 = ['content/hunan-shanghai/2022/performance.md', `${SHENZHEN}.md`].flatMap((f) =>
    headings(read('.', f), 2).map(strip),
  );
  const h2 = headings(md, 2);
  assert.ok(h2.length >= 13);
  for (const h of h2) assert.ok(committedH2.includes(strip(h)), h);
  for (const ref of ['base-data', 'self-evaluation', 'project-1'])
    assert.equal(md.split('\n').filter((l) => l === `::table{ref=${ref}}`).length, 1, ref);

  // Any valid values in place of the placeholders: the YAML passes the schema.
  mkdirSync(join(dir, 'sources/hunan-shenzhen/2023'), { recursive: true });
  const committed = parse(read('.', `${SHENZHEN}.yaml`)) as { source: { archive: string; sha256: string } };
  cpSync(committed.source.archive, join(dir, 'sources/hunan-shenzhen/2023/performance.txt'));
  for (const { path } of found) {
    const last = path.at(-1);
    const value = isMap(doc.getIn(path, true))
      ? '文字'
      : path.join('.') === 'source.archive'
        ? 'sources/hunan-shenzhen/2023/performance.txt'
        : last === 'sha256'
          ? committed.source.sha256
          : path.includes('funds') && last === 5
            ? '100%'
            : '1';
    doc.setIn(path, doc.createNode(value));
  }
  writeFileSync(join(dir, `${PE}.yaml`), doc.toString());
  const filled = check(dir);
  assert.equal(filled.errors.filter((e) => e.file === `${PE}.yaml` && e.rule === 'schema').length, 0);
  assertOneErrorPerPlaceholder(
    filled.errors.filter((e) => e.rule === 'schema'),
    `${PE}.md`,
    narrativePlaceholderLines(md),
  );
  const report = loadContent(join(dir, 'content')).reports.find(
    (x) => x.id === 'hunan-shenzhen/2023/performance',
  );
  assert.ok(report, 'the filled report loads');
});

/* ---------- (d): a new office ---------- */

test('d a new office: office.yaml with every field, its placeholders reported, then a report for it', () => {
  const dir = copy();
  const orphan = runNew(dir, 'yueyang-beijing', '2023', '部门决算');
  assert.equal(orphan.status, 1);
  assert.match(orphan.stderr, /npm run new -- office yueyang-beijing/);
  assert.ok(!existsSync(join(dir, 'content/yueyang-beijing')));

  const name = '湖南省岳阳市人民政府驻北京联络处';
  const r = runNew(dir, 'office', 'yueyang-beijing', '--name', name, '--level', '市级', '--seat', '北京');
  assert.equal(r.status, 0, r.stderr);
  const file = 'content/yueyang-beijing/office.yaml';
  const { doc, found } = yamlPlaceholders(read(dir, file));
  // Every field of a committed office.yaml is there.
  const isBranch = (v: unknown): v is object =>
    !!v && typeof v === 'object' && !Array.isArray(v) && !(TODO in v);
  const keys = (o: object): unknown => Object.entries(o).map(([k, v]) => [k, isBranch(v) ? keys(v) : null]);
  const committed = parse(read('.', 'content/huaihua-beijing/office.yaml')) as Record<string, unknown>;
  const written = doc.toJS() as Record<string, unknown>;
  assert.deepEqual(keys(written), keys(committed));
  assert.deepEqual(
    Object.keys((written.staffing as object[])[0]),
    Object.keys((committed.staffing as object[])[0]),
  );
  assert.equal(written.name, name);
  assert.equal(written.level, '市级');
  assert.ok(found.length >= 10);

  const { status, errors: all } = check(dir);
  assert.equal(status, 1);
  // An office without reports is an error of its own, besides the placeholders.
  const noReports = (e: { message: string }) => /还没有任何报告/.test(e.message);
  assert.equal(all.filter(noReports).length, 1);
  const errors = all.filter((e) => !noReports(e));
  assert.deepEqual([...new Set(errors.map((e) => e.file))], [file]);
  assertOneErrorPerPlaceholder(
    errors,
    file,
    found.map((p) => p.line),
  );

  for (const { path } of found)
    doc.setIn(
      path,
      doc.createNode(
        isMap(doc.getIn(path, true)) ? `文字${path.join('')}` : path.at(-1) === 'year' ? '2023' : '1',
      ),
    );
  writeFileSync(join(dir, file), doc.toString());
  const filled = check(dir);
  assert.deepEqual(
    filled.errors.map((e) => e.message),
    filled.errors.filter(noReports).map((e) => e.message),
  );
  assert.equal(filled.errors.length, 1);
  assert.ok(loadContent(join(dir, 'content')).offices.some((o) => o.slug === 'yueyang-beijing'));

  // A report for it names the office in its narrative.
  assert.equal(runNew(dir, 'yueyang-beijing', '2023', '部门决算').status, 0);
  assert.ok(headings(read(dir, 'content/yueyang-beijing/2023/final-accounts.md'), 2).includes(`${name}概况`));
  assert.equal(check(dir).errors.filter(noReports).length, 0);
});

test('d an office scaffolded without names: every field a placeholder, the report heading too', () => {
  const dir = copy();
  assert.equal(runNew(dir, 'office', 'changde-shanghai').status, 0);
  const { found } = yamlPlaceholders(read(dir, 'content/changde-shanghai/office.yaml'));
  const top = new Set(found.map((p) => p.path[0]));
  for (const k of ['name', 'shortName', 'parent', 'level', 'seat', 'functions', 'units', 'staffing'])
    assert.ok(top.has(k), k);
  assert.equal(runNew(dir, 'changde-shanghai', '2023', '部门整体支出绩效自评').status, 0);
  assert.equal(runNew(dir, 'changde-shanghai', '2023', '部门决算').status, 0);
  const md = read(dir, 'content/changde-shanghai/2023/final-accounts.md');
  assert.equal(narrativePlaceholderLines(md)[0], md.split('\n').findIndex((l) => l.endsWith('概况')) + 1);
  const { status, errors } = check(dir);
  assert.equal(status, 1);
  const files = ['office.yaml', '2023/performance.yaml', '2023/final-accounts.yaml'].map(
    (f) => `content/changde-shanghai/${f}`,
  );
  assert.deepEqual(new Set(errors.map((e) => e.file)), new Set(files));
  for (const file of files)
    assertOneErrorPerPlaceholder(
      errors,
      file,
      yamlPlaceholders(read(dir, file)).found.map((p) => p.line),
    );
});

/* ---------- (e): refusals ---------- */

test('e refusals: exit 1, a Chinese message, nothing written', async () => {
  const dir = copy();
  const before = snapshot(dir);
  const cases: [string[], RegExp][] = [];
  const refused = (args: string[], message: RegExp) => void cases.push([args, message]);
  refused(['huaihua-beijing', '2022', '部门决算'], /final-accounts\.yaml.*已存在，不会覆盖/);
  refused(['huaihua-beijing', '2022', '部门整体支出绩效自评'], /performance\.yaml.*已存在/);
  refused(['hunan-shenzhen', '2022', '部门整体支出绩效自评', '--slug', 'performance'], /已存在/);
  for (const year of ['22', '1999', '3022', '2O23', '20233'])
    refused(['huaihua-beijing', year, '部门决算'], new RegExp(`年度“${year}”不合规：应为四位年份`));
  for (const slug of ['Huaihua-Beijing', 'huaihua_beijing', '怀化', 'huaihua-', 'huaihua--beijing'])
    refused([slug, '2023', '部门决算'], /机构短名“.*”不合规：应为小写 ASCII/);
  refused(
    ['huaihua-beijing', '2023', '部门决算', '--slug', 'Final_Accounts'],
    /报告短名“Final_Accounts”不合规/,
  );
  for (const kind of ['部门预算', 'final-accounts', '决算'])
    refused(['huaihua-beijing', '2023', kind], /未知的报告类型.*部门决算、部门整体支出绩效自评/);
  refused(['office', 'huaihua-beijing'], /office\.yaml 已存在，不会覆盖/);
  refused(['office', 'Yueyang'], /机构短名“Yueyang”不合规/);
  refused(['office', 'yueyang-beijing', '--level', '县级'], /级别“县级”不合规：应为 省级 或 市级/);
  refused(['huaihua-beijing', '2023', '部门决算', '--name', 'x'], /--name 不能用于建立报告/);
  refused(['huaihua-beijing', '2023', '部门决算', '--bogus'], /命令行有误/);
  refused(['huaihua-beijing', '2023'], /需要三个参数/);
  // Refusals write nothing, so they may run side by side; a few at a time.
  for (let i = 0; i < cases.length; i += 6)
    await Promise.all(
      cases.slice(i, i + 6).map(async ([args, message]) => {
        const r = await runNewAsync(dir, ...args);
        const what = args.join(' ');
        assert.equal(r.status, 1, `${what}: ${r.stdout}`);
        assert.match(r.stderr, message, what);
        assert.match(r.stderr, /未写入任何文件|命令行有误|不能用于|需要/, what);
        assert.equal(r.stdout, '', what);
      }),
    );
  assert.deepEqual(snapshot(dir), before, 'nothing written, nothing changed');
});

/**
 * Excel in and out: every committed report exports to a workbook in the official layout and
 * imports back to the same YAML bytes; workbooks as staff and the 决算 software make them (blank
 * rows, merged titles, numbers typed as text, float noise, codes as numbers, a renamed sheet)
 * import to the committed texts; what cannot be placed is reported at its cell and nothing is
 * written; the export is byte-for-byte deterministic; the built site serves each workbook.
 * Expected values come from the committed YAML texts and the form definitions, never from the
 * code under test.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { loadContent, type Report } from '../src/lib/content/load.ts';
import { parseYaml } from '../src/lib/content/yaml.ts';
import { contentRoot } from '../src/lib/site.ts';
import { FINAL_ACCOUNTS_TABLE_IDS, FORMS, type FinalAccountsTableId } from '../src/lib/fiscal/forms.ts';
import { reportWorkbook } from '../src/lib/excel/export.ts';
import { hasWorkbook, workbookName } from '../src/lib/excel/workbook-url.ts';
import { importWorkbook } from '../src/lib/excel/import.ts';
import { displayNumber } from '../src/lib/excel/number-format.ts';
import { projectEvaluationTable, selfEvaluationTable } from '../src/lib/content/schema/performance.ts';
import { siteDir } from './support/site.ts';

type Cell = string | null;
type Raw = { kind: string; tables?: Record<string, unknown>; extraTables?: Record<string, unknown> };
type RawTable = Record<string, unknown>;

const { reports } = loadContent(contentRoot());
const withTables = reports.filter((r) => hasWorkbook(r.data));
const committed = (r: Report) => readFileSync(r.files.yaml, 'utf8');
const rawOf = (text: string) => parseYaml(text).value as Raw;
const huaihua = reports.find((r) => r.id === 'huaihua-beijing/2022/final-accounts')!;
const shenzhen = reports.find((r) => r.id === 'hunan-shenzhen/2022/performance')!;

const work = mkdtempSync(join(process.env.TEST_OUTPUT ?? tmpdir(), 'excel-'));
after(() => rmSync(work, { recursive: true, force: true }));
let copies = 0;

/** A copy of the repository's content/ and sources/ to import into; returns its content/. */
function repoCopy(): string {
  const dir = join(work, `repo-${++copies}`);
  cpSync('content', join(dir, 'content'), { recursive: true });
  cpSync('sources', join(dir, 'sources'), { recursive: true });
  return join(dir, 'content');
}

const importCli = (file: string, args: string[], content: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content },
  });
const argsOf = (r: Report, slug = r.slug) => [
  '--office',
  r.office,
  '--year',
  String(r.data.year),
  '--report',
  slug,
];
const copyOf = (content: string, r: Report) => join(content, r.files.yaml.replace(/^content\//, ''));

async function save(workbook: ExcelJS.Workbook, name: string): Promise<string> {
  const file = join(work, name);
  writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return file;
}

async function exported(r: Report): Promise<string> {
  const file = join(work, `${workbookName(r)}.xlsx`);
  writeFileSync(file, await reportWorkbook(r.data));
  return file;
}

async function opened(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer as ArrayBuffer);
  return workbook;
}

/* ---------- (a) round trip over every committed report ---------- */

test('every committed report: export, import into a copy of the repository, and the YAML is byte-identical', async () => {
  const content = repoCopy();
  assert.ok(withTables.length >= 3, 'reports with tables');
  for (const r of reports) {
    if (!hasWorkbook(r.data)) {
      // Nothing to export: the report has no tables block.
      const raw = rawOf(committed(r));
      assert.equal(raw.tables, undefined, r.id);
      assert.equal(raw.extraTables, undefined, r.id);
      continue;
    }
    const result = importCli(await exported(r), argsOf(r), content);
    assert.equal(result.status, 0, `${r.id}\n${result.stdout}${result.stderr}`);
    assert.equal(readFileSync(copyOf(content, r), 'utf8'), committed(r), r.id);
  }
  const loaded = loadContent(content);
  assert.deepEqual(loaded.errors, []);
});

test('imported as a new report: the same tables, and placeholders the check rejects', async () => {
  const content = repoCopy();
  for (const r of withTables) {
    const result = importCli(await exported(r), argsOf(r, `${r.slug}-new`), content);
    assert.equal(result.status, 0, result.stderr);
    const file = copyOf(content, r).replace(/\.yaml$/, '-new.yaml');
    const fresh = rawOf(readFileSync(file, 'utf8'));
    assert.equal(fresh.kind, rawOf(committed(r)).kind);
    assert.deepEqual(fresh.tables, rawOf(committed(r)).tables, r.id);
  }
  const errors = loadContent(content).errors.map((e) => `${e.file}:${e.line} ${e.message}`);
  for (const r of withTables) {
    const name = r.files.yaml.replace(/\.yaml$/, '-new.yaml');
    const mine = errors.filter((e) => e.startsWith(`${name}:`));
    for (const field of ['title', 'source.document', 'source.archive', 'source.sha256'])
      assert.ok(
        mine.some((e) => e.includes(`${field}：`)),
        `${name}: ${field} placeholder rejected\n${mine.join('\n')}`,
      );
  }
});

test('a figure changed in the workbook changes only its line; comments in the tables block stay', async () => {
  const content = repoCopy();
  const shanghai = reports.find((r) => r.id === 'hunan-shanghai/2022/performance')!;
  for (const r of [huaihua, shanghai]) {
    const text = committed(r);
    const raw = rawOf(text).tables!;
    // The last figure of 公开09表 决算数, or the 全年执行数 of the self-evaluation's funds row.
    const [sheet, from] =
      r === huaihua
        ? ['公开09表', (raw.t09 as { actual: string[] }).actual[5]]
        : [
            '整体支出绩效自评表',
            (raw['self-evaluation'] as { funds: { rows: string[][] } }).funds.rows[0][3],
          ];
    const to = (Number(from) + 0.01).toFixed(2);
    const workbook = await opened(await reportWorkbook(r.data));
    const ws = workbook.getWorksheet(sheet)!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((cell) => cell.value === Number(from) && cells.push(cell)));
    assert.equal(cells.length, 1, `${sheet}: one cell shows ${from}`);
    cells[0].value = Number(to);
    const result = importCli(await save(workbook, `changed-${r.slug}.xlsx`), argsOf(r), content);
    assert.equal(result.status, 0, result.stderr);
    const before = text.split('\n');
    const after = readFileSync(copyOf(content, r), 'utf8').split('\n');
    assert.equal(after.length, before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
    assert.equal(changed.length, 1, JSON.stringify(changed));
    assert.equal(changed[0][1], changed[0][0].replace(`, ${from}`, `, ${to}`));
    const comments = (lines: string[]) => lines.filter((l) => l.trimStart().startsWith('#'));
    assert.deepEqual(comments(after), comments(before));
  }
});

/* ---------- (b) irregular workbooks ---------- */

interface Quirks {
  /** Column the table starts in (1 = A). */
  origin?: number;
  /** Figures typed as text. */
  figuresAsText?: boolean;
  /** Figures as floats a hair below their value (16.499999999999 shown as 16.50). */
  floatNoise?: boolean;
  /** A blank row inside the body after this many rows. */
  blankAfter?: number;
  sheetName?: string;
}

/** A number format showing `text`'s decimals, written independently of the exporter. */
const formatOf = (text: string) => (text.includes('.') ? `0.${'0'.repeat(text.split('.')[1].length)}` : '0');

/**
 * A 决算 workbook in the style of the 决算 software's export, built here from the YAML texts:
 * title merged across, 编制单位 and 单位 line, unmerged header rows, 栏次 row, grid lines, blank
 * rows around the table, codes and 行次 as numbers.
 */
function softwareSheet(
  workbook: ExcelJS.Workbook,
  id: FinalAccountsTableId,
  t: RawTable,
  quirks: Quirks = {},
) {
  const { number, title, columns } = FORMS[id];
  const origin = quirks.origin ?? 1;
  const ws = workbook.addWorksheet(quirks.sheetName ?? number);
  const header: (string | number)[][] = [];
  const body: Cell[][] = [];
  const numberColumns = new Set<number>();
  const labels = columns.map((c) => c.label);
  if (id === 't01' || id === 't04') {
    const out = id === 't01' ? ['金额'] : labels;
    header.push(['收入', '', '', '支出'], ['项目', '行次', '金额', '项目', '行次', ...out]);
    header.push(['栏次', '', 1, '栏次', '', ...out.map((_, i) => i + 2)]);
    const income = t.income as Cell[][];
    const expenditure = t.expenditure as Cell[][];
    for (let i = 0; i < Math.max(income.length, expenditure.length); i++) {
      const [l1, n1, ...v1] = income[i] ?? [null, null, null];
      const [l2, n2, ...v2] = expenditure[i] ?? [null, null, ...out.map(() => null)];
      body.push([n1, l1, ...v1, n2, l2, ...v2]);
    }
    [1, 4].forEach((c) => numberColumns.add(c));
  } else if (id === 't06') {
    header.push([0, 1, 2].flatMap(() => ['经济分类科目编码', '科目名称', '决算数']));
    const groups = t.groups as Cell[][][];
    for (let i = 0; i < Math.max(...groups.map((g) => g.length)); i++)
      body.push(groups.flatMap((g) => g[i] ?? [null, null, null]));
    body.push([
      '人员经费合计',
      null,
      t.personnelTotal as Cell,
      '公用经费合计',
      null,
      null,
      null,
      null,
      t.publicTotal as Cell,
    ]);
    [0, 3, 6].forEach((c) => numberColumns.add(c));
  } else if (id === 't09') {
    header.push(['预算数', '', '', '', '', '', '决算数']);
    header.push([...labels, ...labels]);
    header.push(Array.from({ length: 12 }, (_, i) => i + 1));
    body.push([...(t.budget as Cell[]), ...(t.actual as Cell[])]);
  } else {
    header.push([FORMS[id].codeLabel!, '科目名称', ...labels], ['栏次', '', ...labels.map((_, i) => i + 1)]);
    body.push([null, '合计', ...(t.total as Cell[])]);
    body.push(...(t.rows as Cell[][]));
    for (let i = 0; i < Number(t.blankRows ?? 0); i++) body.push(labels.map(() => null));
    numberColumns.add(0);
  }
  const width = Math.max(...header.map((h) => h.length), ...body.map((b) => b.length));
  const at = (r: number, c: number) => ws.getCell(r, origin + c);
  ws.mergeCells(1, origin, 1, origin + width - 1);
  at(1, 0).value = title;
  at(3, width - 1).value = number;
  at(4, 0).value = '编制单位：';
  at(4, width - 1).value = '单位：万元';
  let row = 6; // row 2 and row 5 left blank
  const grid = (r: number) => {
    for (let c = 0; c < width; c++) at(r, c).border = { top: { style: 'thin' }, bottom: { style: 'thin' } };
  };
  for (const h of header) {
    h.forEach((v, c) => (at(row, c).value = v));
    grid(row++);
  }
  row++; // a blank row under the header, outside the grid
  body.forEach((cells, i) => {
    if (quirks.blankAfter === i) row++;
    cells.forEach((v, c) => writeCell(at(row, c), v, numberColumns.has(c), quirks));
    grid(row++);
  });
  row += 2;
  if (t.emptyStatement) at(row++, 0).value = `说明：${t.emptyStatement as string}`;
  ((t.notes as string[] | undefined) ?? []).forEach((n, i) => (at(row++, 0).value = i ? n : `注：${n}`));
  return ws;
}

function writeCell(cell: ExcelJS.Cell, text: Cell, asNumber: boolean, quirks: Quirks): void {
  if (text === null) return;
  if (asNumber && /^\d+$/.test(text)) cell.value = Number(text);
  else if (/^-?\d+(\.\d+)?$/.test(text) && !quirks.figuresAsText) {
    const value = Number(text);
    cell.value = quirks.floatNoise && value ? value - 1e-12 : value;
    cell.numFmt = formatOf(text);
  } else cell.value = text;
}

async function softwareWorkbook(
  tables: Record<string, RawTable>,
  quirks: Partial<Record<FinalAccountsTableId, Quirks>>,
  leaveOut: FinalAccountsTableId[] = [],
) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('封面').getCell('A1').value = '2022年度部门决算公开表';
  for (const id of FINAL_ACCOUNTS_TABLE_IDS)
    if (!leaveOut.includes(id)) softwareSheet(workbook, id, tables[id], quirks[id]);
  return workbook;
}

const irregular: Partial<Record<FinalAccountsTableId, Quirks>> = {
  t02: { blankAfter: 5 },
  t03: { origin: 2, sheetName: 'Sheet3' },
  t04: { figuresAsText: true },
  t05: { floatNoise: true },
  t09: { floatNoise: true },
};

test('16.499999999999 shown as 0.00 reads as "16.50"; 16.5 as 0.0 reads as "16.5"', () => {
  assert.equal(displayNumber(16.499999999999, '0.00'), '16.50');
  assert.equal(displayNumber(16.5, '0.0'), '16.5');
  assert.equal(displayNumber(26, '0'), '26');
  assert.equal(displayNumber(0.846, '0.0%'), '84.6%');
});

test('a 决算 software workbook with blank rows, merged titles, text figures, float noise, numeric codes and a renamed sheet imports to the committed YAML', async () => {
  const raw = rawOf(committed(huaihua));
  const file = await save(
    await softwareWorkbook(raw.tables as Record<string, RawTable>, irregular),
    'software.xlsx',
  );
  const content = repoCopy();
  const result = importCli(file, argsOf(huaihua), content);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /已忽略工作表“封面”/);
  assert.equal(readFileSync(copyOf(content, huaihua), 'utf8'), committed(huaihua));
  // The same workbook into a new file: every table equal to the committed texts.
  const fresh = importCli(file, argsOf(huaihua, 'from-software'), content);
  assert.equal(fresh.status, 0, fresh.stderr);
  const imported = rawOf(
    readFileSync(copyOf(content, huaihua).replace(/[^/]+\.yaml$/, 'from-software.yaml'), 'utf8'),
  );
  assert.deepEqual(imported.tables, raw.tables);
});

test('a missing sheet is reported and nothing is written', async () => {
  const raw = rawOf(committed(huaihua));
  const tables = raw.tables as Record<string, RawTable>;
  const file = await save(await softwareWorkbook(tables, {}, ['t05']), 'missing.xlsx');
  const content = repoCopy();
  const before = readFileSync(copyOf(content, huaihua), 'utf8');
  const result = importCli(file, argsOf(huaihua), content);
  assert.equal(result.status, 1);
  assert.match(result.stderr, new RegExp(`${file}: 缺少公开05表（${FORMS.t05.title}）`));
  assert.equal(readFileSync(copyOf(content, huaihua), 'utf8'), before);
  const fresh = importCli(file, argsOf(huaihua, 'missing'), content);
  assert.equal(fresh.status, 1);
  assert.ok(!existsSync(copyOf(content, huaihua).replace(/[^/]+\.yaml$/, 'missing.yaml')));
});

test('a cell outside the table and a figure that is not one are reported at their cells; nothing is written', async () => {
  const raw = rawOf(committed(huaihua));
  const tables = raw.tables as Record<string, RawTable>;
  const workbook = await softwareWorkbook(tables, {});
  const t05 = workbook.getWorksheet('公开05表')!;
  // The row of 事业运行 (2010350): a figure typed beyond the last column, and text in 小计.
  const row = findRow(t05, '2010350');
  const beyond = t05.getCell(row, FORMS.t05.columns.length + 3);
  beyond.value = 99.99;
  const subtotal = t05.getCell(row, 3);
  subtotal.value = '二十二点四八';
  const file = await save(workbook, 'unplaced.xlsx');
  const content = repoCopy();
  const before = readFileSync(copyOf(content, huaihua), 'utf8');
  const result = importCli(file, argsOf(huaihua), content);
  assert.equal(result.status, 1);
  assert.ok(result.stderr.includes(`${file}!公开05表!${beyond.address}: `), result.stderr);
  assert.ok(result.stderr.includes(`${file}!公开05表!${subtotal.address}: 应为金额`), result.stderr);
  assert.match(result.stderr, /未写入任何文件/);
  assert.equal(readFileSync(copyOf(content, huaihua), 'utf8'), before);
});

/** Row number of the first row whose cells (or the cell in `column`) show `text`. */
function findRow(ws: Worksheet, text: string, column?: number): number {
  for (let r = 1; r <= ws.rowCount; r++)
    for (let c = column ?? 1; c <= (column ?? ws.columnCount); c++)
      if (String(ws.getCell(r, c).value ?? '') === text) return r;
  throw new Error(`${ws.name}: ${text} not found`);
}

test('a performance workbook edited by hand (merges undone, scores typed as text) imports to the committed YAML', async () => {
  const workbook = await opened(await reportWorkbook(shenzhen.data));
  let unmerged = 0;
  let typed = 0;
  for (const ws of workbook.worksheets) {
    for (const range of [...ws.model.merges]) {
      const [from, to] = range.split(':');
      // Indicator levels spanning rows: keep the name in the first row only.
      if (ws.getCell(from).col !== ws.getCell(to).col) continue;
      ws.unMergeCells(range);
      unmerged++;
    }
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'number' && cell.numFmt === '0' && typed++ >= 0)
          cell.value = String(cell.value);
      }),
    );
  }
  assert.ok(unmerged > 5 && typed > 20, `${unmerged} merges undone, ${typed} numbers typed as text`);
  const file = await save(workbook, 'by-hand.xlsx');
  const content = repoCopy();
  const result = importCli(file, argsOf(shenzhen), content);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(readFileSync(copyOf(content, shenzhen), 'utf8'), committed(shenzhen));
});

test('a file that is not an .xlsx workbook is refused', async () => {
  const file = join(work, 'not-a-workbook.xlsx');
  writeFileSync(file, 'this is text');
  const result = importCli(file, argsOf(huaihua), repoCopy());
  assert.equal(result.status, 1);
  assert.match(result.stderr, /不是 \.xlsx 工作簿/);
});

/* ---------- (c) deterministic export, in the official layout ---------- */

/** DOS dates of every entry in a zip's central directory. */
function zipDates(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.byteLength - 22;
  assert.equal(view.getUint32(end, true), 0x06054b50, 'end of central directory');
  const dates: number[] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    dates.push(view.getUint16(at + 14, true), view.getUint16(view.getUint32(at + 42, true) + 12, true));
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return dates;
}

test('the same report gives byte-identical workbooks, seconds apart; zip entries carry a fixed date', async () => {
  for (const r of withTables) {
    const first = await reportWorkbook(r.data);
    await sleep(2100);
    const second = await reportWorkbook(r.data);
    assert.ok(Buffer.from(first).equals(Buffer.from(second)), r.id);
    const dates = new Set(zipDates(first));
    assert.equal(dates.size, 1, `${r.id}: one date for every entry`);
    assert.equal([...dates][0], (0 << 9) | (1 << 5) | 1, '1980-01-01');
  }
});

/** The merged range starting at the first cell showing `text`, as [rows, columns]. */
function span(ws: Worksheet, text: string, from = 1): [number, number] {
  const r = findRow(ws, text);
  for (let c = from; c <= ws.columnCount; c++) {
    const cell = ws.getCell(r, c);
    if (cell.value !== text || cell.type === ExcelJS.ValueType.Merge) continue;
    const range = ws.model.merges.find((m) => m.startsWith(`${cell.address}:`));
    if (!range) return [1, 1];
    const last = ws.getCell(range.split(':')[1]);
    return [Number(last.row) - Number(cell.row) + 1, Number(last.col) - Number(cell.col) + 1];
  }
  throw new Error(`${ws.name}: ${text}`);
}

test('the workbook opens with the forms’ sheets, merged titles and headers, and formats that show the published text', async () => {
  const workbook = await opened(await reportWorkbook(huaihua.data));
  assert.deepEqual(
    workbook.worksheets.map((ws) => ws.name),
    FINAL_ACCOUNTS_TABLE_IDS.map((id) => FORMS[id].number),
  );
  const raw = rawOf(committed(huaihua)).tables as Record<string, RawTable>;
  for (const id of FINAL_ACCOUNTS_TABLE_IDS) {
    const ws = workbook.getWorksheet(FORMS[id].number)!;
    assert.equal(ws.getCell('A1').value, FORMS[id].title);
    assert.ok(
      ws.model.merges.includes(`A1:${ws.getColumn(ws.columnCount).letter}1`),
      `${id}: title merged across`,
    );
    assert.ok(findRow(ws, '单位：万元') > 1);
  }
  // Column groups of the forms span their columns.
  const groupWidth = (id: FinalAccountsTableId, group: string) =>
    FORMS[id].columns.filter((c) => c.group === group).length;
  const t05 = workbook.getWorksheet('公开05表')!;
  assert.deepEqual(span(t05, '本年支出'), [1, groupWidth('t05', '本年支出')]);
  assert.deepEqual(span(t05, '项目'), [1, 2]);
  assert.deepEqual(span(t05, '合计'), [1, 2]);
  const t09 = workbook.getWorksheet('公开09表')!;
  assert.deepEqual(span(t09, '预算数'), [1, 6]);
  assert.deepEqual(span(t09, '公务用车购置及运行维护费'), [1, groupWidth('t09', '公务用车购置及运行维护费')]);
  assert.deepEqual(span(t09, '合计'), [2, 1]);
  // 栏次 row, codes as text, figures as numbers formatted to their published decimals.
  assert.ok(findRow(t05, '栏次') < findRow(t05, '合计'));
  for (const [code, , ...values] of raw.t05.rows as Cell[][]) {
    const r = findRow(t05, code!);
    const codeCell = t05.getCell(r, 1);
    assert.equal(codeCell.value, code);
    assert.equal(codeCell.numFmt, '@');
    values.forEach((text, i) => {
      const cell = t05.getCell(r, 3 + i);
      assert.equal(cell.value, Number(text), `${code} ${text}`);
      assert.equal(cell.numFmt, formatOf(text!));
    });
  }
  // 一般公共预算财政拨款 under 年初财政拨款结转和结余 is printed indented.
  const t04 = workbook.getWorksheet('公开04表')!;
  const indented = (raw.t04.income as Cell[][]).filter((row) => row[1]?.startsWith(' '));
  assert.ok(indented.length > 0);
  for (const [, name] of indented) {
    const r = findRow(t04, name!.trim(), 1);
    assert.ok((t04.getCell(r, 1).alignment?.indent ?? 0) > 0, name!);
  }
  // Empty tables keep their printed blank rows, statement and notes below.
  const t07 = workbook.getWorksheet('公开07表')!;
  const statement = `说明：${raw.t07.emptyStatement as string}`;
  assert.equal(findRow(t07, statement) - findRow(t07, '合计') - 1, Number(raw.t07.blankRows));
  assert.ok(findRow(t07, `注：${(raw.t07.notes as string[])[0]}`) > findRow(t07, statement));
});

test('performance forms: 附件 sheets, precision kept (16.5, 33, 84.6%), indicator levels merged over their rows', async () => {
  const workbook = await opened(await reportWorkbook(shenzhen.data));
  const raw = rawOf(committed(shenzhen)).tables as Record<string, RawTable> & { projects: RawTable[] };
  assert.deepEqual(
    workbook.worksheets.map((ws) => ws.name),
    [raw['base-data'].label, raw['self-evaluation'].label, ...raw.projects.map((p) => p.label)],
  );
  const base = workbook.getWorksheet(raw['base-data'].label as string)!;
  const costs = (raw['base-data'].costs as { rows: { name: string; values: Cell[] }[] }).rows;
  for (const { name, values } of costs) {
    const r = findRow(base, name);
    values.forEach((text, i) => {
      const cell = base.getCell(r, 2 + i);
      if (text === null) return assert.equal(cell.value, null);
      if (text === '——') return assert.equal(cell.value, '——');
      assert.equal(cell.value, Number(text), `${name} ${text}`);
      assert.equal(cell.numFmt, formatOf(text));
    });
  }
  const staffing = (raw['base-data'].staffing as { values: Cell[] }).values;
  const percent = staffing.find((v) => v?.endsWith('%'))!;
  const percentCell = base.findCell(
    findRow(base, (raw['base-data'].staffing as { columns: string[] }).columns[0]) + 1,
    4,
  );
  assert.equal(percentCell?.value, Number(percent.slice(0, -1)) / 100);
  assert.equal(percentCell?.numFmt, `${formatOf(percent.slice(0, -1))}%`);
  const self = workbook.getWorksheet(raw['self-evaluation'].label as string)!;
  const indicators = raw['self-evaluation'].indicators as { name: string; children: { rows: unknown[] }[] }[];
  const first = indicators[0];
  assert.deepEqual(span(self, first.name), [first.children.reduce((n, c) => n + c.rows.length, 0), 1]);
});

test('a table that fits no form goes out on its own sheet and comes back under its key', async () => {
  const content = repoCopy();
  const file = copyOf(content, huaihua);
  const extra = [
    'extraTables:',
    '  staff-list:',
    '    form: 通用表',
    '    label: 附表1',
    '    title: 2022年度人员情况表',
    '    unit: 人',
    '    columns: [类别, 人数, 备注]',
    '    rows:',
    '      - [行政编制, 12, ~]',
    '      - [事业编制, "07", 参公管理]',
    '',
  ].join('\n');
  writeFileSync(file, readFileSync(file, 'utf8').replace('\nglossary:', `\n${extra}glossary:`));
  const report = loadContent(content).reports.find((r) => r.id === huaihua.id)!;
  const bytes = await reportWorkbook(report.data);
  const sheets = (await opened(bytes)).worksheets.map((ws) => ws.name);
  assert.deepEqual(sheets.slice(-1), ['附表1']);
  const result = await importWorkbook(bytes);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.extraTables, rawOf(readFileSync(file, 'utf8')).extraTables);
  writeFileSync(join(work, 'extra.xlsx'), bytes);
  const before = readFileSync(file, 'utf8');
  const cli = importCli(join(work, 'extra.xlsx'), argsOf(huaihua), content);
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(readFileSync(file, 'utf8'), before);
});

/* ---------- (d) variants of the self-evaluation forms (made-up test fixtures) ---------- */

const FIXTURE = 'tests/fixtures/form-variants';
const variants = loadContent(join(FIXTURE, 'content'));
const variant = (id: string) => variants.reports.find((r) => r.id === id)!;
const y23 = variant('yangli-beijing/2023/performance');
const y24 = variant('yangli-beijing/2024/performance');
const fixtureText = (r: Report) => readFileSync(join(FIXTURE, r.files.yaml), 'utf8');

interface RawFunds {
  label: string;
  nameHeading?: string;
  columns?: string[];
  rows: Cell[][];
}
interface RawEvaluation {
  label: string;
  funds: RawFunds;
  indicatorColumns: string[];
  indicators: { children: { rows: (Cell[] | { placeholder: Cell[] })[] }[] }[];
  total: { weight: string; score: string };
}
/** The evaluation form of a fixture as written: the 2023 整体 自评表, the 2024 project form. */
function rawEvaluation(r: Report): RawEvaluation {
  const tables = rawOf(fixtureText(r)).tables as {
    'self-evaluation'?: RawEvaluation;
    projects?: RawEvaluation[];
  };
  return tables['self-evaluation'] ?? tables.projects![0];
}

/** A copy of the fixtures' content/ and sources/ to import into; returns its content/. */
function fixtureCopy(): string {
  const dir = join(work, `variants-${++copies}`);
  cpSync(join(FIXTURE, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(FIXTURE, 'sources'), join(dir, 'sources'), { recursive: true });
  return join(dir, 'content');
}

/** The texts of a sheet row from column 1, merged-over cells as ''. */
const rowTexts = (ws: Worksheet, r: number) =>
  Array.from({ length: ws.columnCount }, (_, c) => {
    const cell = ws.getCell(r, c + 1);
    return cell.type === ExcelJS.ValueType.Merge ? '' : String(cell.text ?? '');
  });

test('form variants: each workbook prints the form’s own headings, its placeholder rows muted, 总分 under 分值/权重', async () => {
  assert.deepEqual(variants.errors, []);
  for (const r of [y23, y24]) {
    const t = rawEvaluation(r);
    const ws = (await opened(await reportWorkbook(r.data))).getWorksheet(t.label)!;
    // The funds header: 资金来源 (under the block's label printed as a line above it) or the label.
    const header = findRow(ws, t.funds.rows[0][0]!, 1) - 1;
    const headings = t.funds.columns ?? ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
    assert.deepEqual(
      rowTexts(ws, header).slice(0, 1 + headings.length),
      [t.funds.nameHeading ?? t.funds.label, ...headings],
      r.id,
    );
    if (t.funds.nameHeading) assert.equal(ws.getCell(header - 1, 1).value, t.funds.label);
    // Figures formatted to their published decimals: 1200.500 shows as 1200.500.
    t.funds.rows.forEach((row) => {
      const at = findRow(ws, row[0]!, 1);
      row.slice(1).forEach((text, i) => {
        const cell = ws.getCell(at, 2 + i);
        if (text === null) return assert.equal(cell.value, null, `${row[0]} ${headings[i]}`);
        if (typeof cell.value !== 'number') return assert.equal(cell.value, text);
        assert.equal(displayNumber(cell.value, cell.numFmt), text, `${row[0]} ${headings[i]}`);
        if (/^\d+(\.\d+)?$/.test(text)) assert.equal(cell.numFmt, formatOf(text), `${row[0]} ${text}`);
      });
    });
    // The indicator header, and each row as written; a placeholder row's cells in the muted colour.
    const top = findRow(ws, '一级指标', 1);
    assert.deepEqual(rowTexts(ws, top), ['一级指标', '二级指标', ...t.indicatorColumns], r.id);
    const rows = t.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.rows));
    rows.forEach((row, i) => {
      const cells = Array.isArray(row) ? row : row.placeholder;
      const printed = rowTexts(ws, top + 1 + i).slice(2);
      assert.deepEqual(
        printed,
        cells.map((c) => c ?? ''),
        `${r.id} row ${i + 1}`,
      );
      const colours = cells.map((_, c) => ws.getCell(top + 1 + i, 3 + c).font?.color?.argb);
      assert.ok(
        colours.every((argb) => (argb !== undefined) === !Array.isArray(row)),
        `${cells[0]}: muted exactly when a placeholder row`,
      );
    });
    // 总分 spans up to the weight column; its figures stand under 分值 (权重) and 得分.
    const total = findRow(ws, '总分', 1);
    const weightAt = t.indicatorColumns.findIndex((h) => h === '分值' || h === '权重');
    assert.deepEqual(span(ws, '总分'), [1, 2 + weightAt]);
    assert.equal(ws.getCell(total, 3 + weightAt).value, Number(t.total.weight));
    assert.equal(ws.getCell(total, 3 + t.indicatorColumns.indexOf('得分')).value, Number(t.total.score));
  }
});

test('form variants: export, import into a copy of the fixtures, and the same tables come back', async () => {
  const content = fixtureCopy();
  for (const r of [y23, y24]) {
    const bytes = await reportWorkbook(r.data);
    // Read back directly: the schema gives the same tables as the fixture.
    const imported = await importWorkbook(bytes);
    assert.deepEqual(imported.problems, [], r.id);
    const tables = imported.tables as { 'self-evaluation'?: unknown; projects?: unknown[] };
    const data = r.data.kind === '部门整体支出绩效自评' ? r.data.tables! : {};
    if (tables['self-evaluation'])
      assert.deepEqual(selfEvaluationTable.parse(tables['self-evaluation']), data['self-evaluation']);
    assert.deepEqual(
      (tables.projects ?? []).map((p) => projectEvaluationTable.parse(p)),
      data.projects ?? [],
      r.id,
    );
    // Into the report's file: the data as written (heading lists, placeholder rows, a standard
    // heading list the file states), its comments kept; it loads to the same tables.
    const file = join(work, `${r.slug}-${r.data.year}.xlsx`);
    writeFileSync(file, bytes);
    const result = importCli(file, argsOf(r), content);
    assert.equal(result.status, 0, `${r.id}\n${result.stdout}${result.stderr}`);
    const written = readFileSync(copyOf(content, r), 'utf8');
    assert.deepEqual(rawOf(written), rawOf(fixtureText(r)), r.id);
    const comments = (text: string) => text.split('\n').flatMap((l) => /\s#\s.*$|^\s*#.*$/.exec(l) ?? []);
    assert.deepEqual(comments(written), comments(fixtureText(r)), r.id);
  }
  const loaded = loadContent(content);
  assert.deepEqual(loaded.errors, []);
  for (const r of [y23, y24]) assert.deepEqual(loaded.reports.find((x) => x.id === r.id)?.data, r.data, r.id);
});

test('form variants: a heading no form uses, and one printed twice, are reported at their cells; nothing is written', async () => {
  const t = rawEvaluation(y23);
  const workbook = await opened(await reportWorkbook(y23.data));
  const ws = workbook.getWorksheet(t.label)!;
  const header = findRow(ws, t.funds.nameHeading!, 1);
  const unknown = ws.getCell(header, 3);
  assert.equal(unknown.value, '调整后预算数');
  unknown.value = '调整数';
  const top = findRow(ws, '一级指标', 1);
  const twice = ws.getCell(top, 3 + t.indicatorColumns.indexOf('得分'));
  twice.value = '权重';
  const file = await save(workbook, 'unknown-heading.xlsx');
  const content = fixtureCopy();
  const before = readFileSync(copyOf(content, y23), 'utf8');
  const result = importCli(file, argsOf(y23), content);
  assert.equal(result.status, 1);
  assert.ok(
    result.stderr.includes(`${file}!${t.label}!${unknown.address}: 资金表头：栏目“调整数”不认识`),
    result.stderr,
  );
  assert.ok(
    result.stderr.includes(
      `${file}!${t.label}!${twice.address}: 绩效指标表头：栏目“权重”与前面的“分值”是同一栏`,
    ),
    result.stderr,
  );
  assert.match(result.stderr, /未写入任何文件/);
  assert.equal(readFileSync(copyOf(content, y23), 'utf8'), before);
});

test('form variants: typed by hand (no muted colour), rows printing “……” or “指标2：” still read as placeholder rows', async () => {
  const workbook = await opened(await reportWorkbook(y24.data));
  for (const ws of workbook.worksheets)
    ws.eachRow((row) => row.eachCell((cell) => cell.font?.color && (cell.font = {})));
  const imported = await importWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
  assert.deepEqual(imported.problems, []);
  const [project] = (imported.tables as { projects: unknown[] }).projects;
  assert.ok(y24.data.kind === '部门整体支出绩效自评');
  assert.deepEqual(projectEvaluationTable.parse(project), y24.data.tables!.projects![0]);
});

test('form variants: a placeholder row printing neither “……” nor “指标2：” comes back by its muted colour', async () => {
  const content = fixtureCopy();
  const file = copyOf(content, y24);
  const from = 'placeholder: [指标2：, ~, ……, ~, ……, ……, ……, ~]';
  const text = readFileSync(file, 'utf8');
  assert.equal(text.split(from).length, 2);
  writeFileSync(file, text.replace(from, 'placeholder: [（未设指标）, ~, ~, ~, ~, ~, ~, ~]'));
  const loaded = loadContent(content);
  assert.deepEqual(loaded.errors, []);
  const r = loaded.reports.find((x) => x.id === y24.id)!;
  assert.ok(r.data.kind === '部门整体支出绩效自评');
  const imported = await importWorkbook(await reportWorkbook(r.data));
  assert.deepEqual(imported.problems, []);
  const [project] = (imported.tables as { projects: unknown[] }).projects;
  assert.deepEqual(projectEvaluationTable.parse(project), r.data.tables!.projects![0]);
});

/* ---------- (e) the built site ---------- */

test('the built site has each report’s workbook beside its page, and it imports to the committed tables', async () => {
  for (const r of reports) {
    const dir = join(siteDir(), 'offices', r.id);
    const xlsx = readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
    if (!hasWorkbook(r.data)) {
      assert.deepEqual(xlsx, [], r.id);
      continue;
    }
    assert.deepEqual(xlsx, [`${workbookName(r)}.xlsx`], r.id);
    const bytes = readFileSync(join(dir, xlsx[0]));
    const workbook = await opened(bytes);
    const raw = rawOf(committed(r));
    const tables = raw.tables!;
    const count = Object.values(tables).reduce<number>((n, t) => n + (Array.isArray(t) ? t.length : 1), 0);
    assert.equal(workbook.worksheets.length, count, r.id);
    const imported = await importWorkbook(new Uint8Array(bytes));
    assert.deepEqual(imported.problems, [], r.id);
    assert.deepEqual(imported.tables, tables, r.id);
  }
});

/**
 * Reads a workbook of a report's official tables (公开01表 … 公开09表, or the 绩效自评 附件) into
 * its YAML: an existing report keeps everything but its `tables:` (and `extraTables:`) block; a
 * new one gets the tables and placeholders that `npm run check` rejects until they are filled.
 * Nothing is written when any cell cannot be placed: each problem is printed where it stands.
 *   npx tsx scripts/import.ts <file.xlsx> --office <slug> --year <yyyy> [--report <slug>] [--kind 部门决算|部门整体支出绩效自评]
 * Content is read from content/ (or CONTENT_DIR).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/lib/site.ts';
import { parseYaml } from '../src/lib/content/yaml.ts';
import { importWorkbook, type ImportedTables, type ImportKind } from '../src/lib/excel/import.ts';
import { problemLine } from '../src/lib/excel/problems.ts';
import { newReportYaml, replaceTables } from '../src/lib/excel/yaml-write.ts';

const USAGE =
  '用法：npm run import -- <文件.xlsx> --office <机构> --year <年度> [--report <报告>] [--kind 部门决算|部门整体支出绩效自评]';
const KINDS: ImportKind[] = ['部门决算', '部门整体支出绩效自评'];
const DEFAULT_REPORT: Record<ImportKind, string> = {
  部门决算: 'final-accounts',
  部门整体支出绩效自评: 'performance',
};

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

const { values: opts, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        office: { type: 'string' },
        year: { type: 'string' },
        report: { type: 'string' },
        kind: { type: 'string' },
      },
    });
  } catch (e) {
    return fail([`参数有误：${(e as Error).message}`, USAGE]);
  }
})();
const file = positionals[0];
if (!file || positionals.length > 1 || !opts.office || !opts.year) fail([USAGE]);
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(opts.office))
  fail([`--office 应为机构目录名（小写 ASCII，如 huaihua-beijing），却是“${opts.office}”`]);
if (!/^\d{4}$/.test(opts.year)) fail([`--year 应为四位年份（如 2022），却是“${opts.year}”`]);
if (opts.report && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(opts.report))
  fail([`--report 应为报告文件名（小写 ASCII，如 final-accounts），却是“${opts.report}”`]);
if (opts.kind && !KINDS.includes(opts.kind as ImportKind))
  fail([`--kind 应为 ${KINDS.join(' 或 ')}，却是“${opts.kind}”`]);
if (!existsSync(file)) fail([`${file}: 找不到这个文件`]);

const root = contentRoot();
const officeDir = join(root, opts.office);
const shown = (path: string) => relative(process.cwd(), path) || path;
if (!existsSync(join(officeDir, 'office.yaml')))
  fail([
    `没有机构 ${shown(officeDir)}/office.yaml：请检查 --office，新机构先按 docs/content-format.md 建立 office.yaml`,
  ]);

const yamlPath = (report: string) => join(officeDir, opts.year!, `${report}.yaml`);
/** The kind an existing report file declares. */
const kindOf = (path: string) =>
  (parseYaml(readFileSync(path, 'utf8')).value as { kind?: string } | undefined)?.kind;

const bytes = new Uint8Array(readFileSync(file));
const named = opts.report && existsSync(yamlPath(opts.report)) ? yamlPath(opts.report) : null;
const kind = (opts.kind ?? (named && kindOf(named)) ?? undefined) as ImportKind | undefined;
const imported: ImportedTables = await importWorkbook(bytes, kind ? { kind } : {});
if (named && !opts.kind && imported.sheetsKind && imported.sheetsKind !== kind)
  fail([
    `${shown(named)}: 现有报告是${kind}，工作簿里是${imported.sheetsKind}的表：请用 --report 指定另一个报告`,
  ]);
if (imported.problems.length)
  fail([...imported.problems.map((p) => problemLine(file, p)), '', '有错误，未写入任何文件。']);

const target = yamlPath(opts.report ?? DEFAULT_REPORT[imported.kind]);
const existing = existsSync(target) ? readFileSync(target, 'utf8') : null;
if (existing !== null) {
  const current = parseYaml(existing).value as
    { kind?: string; tables?: object; extraTables?: object } | undefined;
  const problems: string[] = [];
  if (current?.kind !== imported.kind)
    problems.push(
      `${shown(target)}: 现有报告是${current?.kind}，工作簿里是${imported.kind}的表：请用 --report 指定另一个报告`,
    );
  const missing = [
    ...Object.keys(current?.tables ?? {}).filter((k) => !(k in imported.tables)),
    ...Object.keys(current?.extraTables ?? {})
      .filter((k) => !(k in imported.extraTables))
      .map((k) => `extraTables.${k}`),
  ];
  if (missing.length)
    problems.push(
      `${shown(target)}: 现有报告有 ${missing.join('、')}，工作簿中没有：导入会删掉它们。请把这些表也放进工作簿；确实要删，请直接编辑 YAML`,
    );
  if (problems.length) fail([...problems, '', '有错误，未写入任何文件。']);
}

const blocks = { tables: imported.tables, extraTables: imported.extraTables };
const text =
  existing !== null ? replaceTables(existing, blocks) : newReportYaml(imported.kind, opts.year, blocks);
for (const note of imported.ignored) console.log(note);
if (text === existing) console.log(`${shown(target)}：表格与工作簿一致，文件未改动。`);
else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`已写入 ${shown(target)}：${imported.sheets.join('、')}。`);
  if (existing === null)
    console.log(
      `这是新报告：title、source 等处是“待填”的占位，填好之前 npm run check 会报错；正文写在 ${shown(target.replace(/\.yaml$/, '.md'))}（见 docs/content-format.md）。`,
    );
  console.log('下一步：npm run check，核对表内、表间的勾稽关系。');
}

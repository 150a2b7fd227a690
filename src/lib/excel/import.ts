import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { finalAccountsTables } from '../content/schema/final-accounts.ts';
import { baseDataTable, projectEvaluationTable, selfEvaluationTable } from '../content/schema/performance.ts';
import { genericTable } from '../content/schema/generic-table.ts';
import type { ReportKind } from '../content/schema/report.ts';
import { FINAL_ACCOUNTS_TABLE_IDS, FORMS } from '../fiscal/forms.ts';
import { readGrid, type Grid } from './grid.ts';
import { splitFrame } from './frame.ts';
import { SheetReader } from './cells.ts';
import { readFinalAccountsTable } from './read-final-accounts.ts';
import { readBaseData, readProjectEvaluation, readSelfEvaluation } from './read-performance.ts';
import { readGeneric } from './read-generic.ts';
import { sheetKind, type SheetKind } from './sheet-kinds.ts';
import { extraTableKey } from './sheet-names.ts';
import type { Problem } from './problems.ts';

/*
 * A workbook of official tables read into the report's YAML tables, text-exact: every sheet is
 * found by its name or what it prints, every cell placed or reported where it stands.
 */

export type ImportKind = Exclude<ReportKind, '部门预算'>;

export interface ImportedTables {
  kind: ImportKind;
  /** The kind of report the sheets themselves point to, if any. */
  sheetsKind: ImportKind | null;
  /** The `tables:` block, as YAML data (figures as text, blanks as null). */
  tables: Record<string, unknown>;
  /** The `extraTables:` block, when the workbook has tables that fit no form. */
  extraTables: Record<string, unknown>;
  /** Which sheet each table came from, for the summary. */
  sheets: string[];
  problems: Problem[];
  /** Sheets left out, with why. */
  ignored: string[];
}

interface Sheet {
  grid: Grid;
  kind: SheetKind | null;
}

export async function importWorkbook(
  bytes: Uint8Array,
  opts: { kind?: ImportKind } = {},
): Promise<ImportedTables> {
  const workbook = new ExcelJS.Workbook();
  const empty = { sheetsKind: null, tables: {}, extraTables: {}, sheets: [], ignored: [] };
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    return {
      kind: opts.kind ?? '部门决算',
      ...empty,
      problems: [
        {
          message:
            '无法读取：不是 .xlsx 工作簿。若是 .xls 或 .et 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再导入',
        },
      ],
    };
  }
  const extraKeys = extraTableSheets(workbook);
  const sheets: Sheet[] = workbook.worksheets.map((ws) => {
    const grid = readGrid(ws);
    return { grid, kind: sheetKind(grid, extraKeys.get(ws.name)) };
  });
  const sheetsKind = guessKind(sheets);
  const kind = opts.kind ?? sheetsKind;
  if (!kind)
    return {
      kind: '部门决算',
      ...empty,
      problems: [
        { message: '工作簿中没有找到公开表（公开01表…公开09表）或绩效自评表：请检查工作表名称和表名' },
      ],
    };
  const problems: Problem[] = [];
  const used = new Set<Sheet>();
  const tables =
    kind === '部门决算' ? finalAccounts(sheets, problems, used) : performance(sheets, problems, used);
  const extraTables: Record<string, unknown> = {};
  for (const sheet of sheets)
    if (sheet.kind?.kind === '通用表') {
      const reader = new SheetReader(sheet.grid.sheet, problems);
      extraTables[sheet.kind.key] = validated(
        genericTable,
        readGeneric(splitFrame(sheet.grid, { statement: false }), reader),
        reader,
      );
      used.add(sheet);
    }
  return {
    kind,
    sheetsKind,
    tables,
    extraTables,
    sheets: sheets.filter((s) => used.has(s)).map((s) => s.grid.sheet),
    problems,
    ignored: sheets
      .filter((s) => !used.has(s))
      .map(
        (s) =>
          `已忽略工作表“${s.grid.sheet}”：${s.kind ? '不属于这类报告' : '不是公开表，也不是绩效自评的附表'}`,
      ),
  };
}

/** Sheets that carry an extra table's key as a defined name, by sheet name. */
function extraTableSheets(workbook: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const { name, ranges } of workbook.definedNames.model) {
    const key = extraTableKey(name);
    const sheet = /^'?(.*?)'?!/.exec(ranges[0] ?? '')?.[1]?.replaceAll("''", "'");
    if (key && sheet) out.set(sheet, key);
  }
  return out;
}

function guessKind(sheets: Sheet[]): ImportKind | null {
  if (sheets.some((s) => s.kind?.kind === '部门决算')) return '部门决算';
  if (sheets.some((s) => s.kind && s.kind.kind !== '通用表')) return '部门整体支出绩效自评';
  return null;
}

function finalAccounts(sheets: Sheet[], problems: Problem[], used: Set<Sheet>): Record<string, unknown> {
  const tables: Record<string, unknown> = {};
  for (const id of FINAL_ACCOUNTS_TABLE_IDS) {
    const { number, title } = FORMS[id];
    const found = sheets.filter((s) => s.kind?.kind === '部门决算' && s.kind.id === id);
    if (!found.length) {
      problems.push({
        message: `缺少${number}（${title}）：工作簿中没有名为“${number}”的工作表，也没有印着这个表名的工作表。请补上这张表（空表也要有，照公开表填写说明）`,
      });
      continue;
    }
    if (found.length > 1)
      problems.push({
        message: `有 ${found.length} 个工作表都是${number}：${found.map((s) => s.grid.sheet).join('、')}。请只保留一个`,
      });
    used.add(found[0]);
    const reader = new SheetReader(found[0].grid.sheet, problems);
    const frame = splitFrame(found[0].grid, { statement: true });
    tables[id] = validated(finalAccountsTables.shape[id], readFinalAccountsTable(id, frame, reader), reader);
  }
  return tables;
}

function performance(sheets: Sheet[], problems: Problem[], used: Set<Sheet>): Record<string, unknown> {
  const of = (kind: string) => sheets.filter((s) => s.kind?.kind === kind);
  const tables: Record<string, unknown> = {};
  const single = (kind: '基础数据表' | '整体支出绩效自评表') => {
    const found = of(kind);
    if (found.length > 1)
      problems.push({
        message: `有 ${found.length} 个工作表都是${kind}：${found.map((s) => s.grid.sheet).join('、')}。一份报告只有一张${kind}，请只保留一个`,
      });
    return found[0];
  };
  const baseData = single('基础数据表');
  if (baseData) {
    const reader = new SheetReader(baseData.grid.sheet, problems);
    const frame = splitFrame(baseData.grid, { statement: false });
    tables['base-data'] = validated(baseDataTable, readBaseData(frame, reader), reader);
    used.add(baseData);
  }
  const self = single('整体支出绩效自评表');
  if (self) {
    const reader = new SheetReader(self.grid.sheet, problems);
    const frame = splitFrame(self.grid, { statement: false });
    tables['self-evaluation'] = validated(selfEvaluationTable, readSelfEvaluation(frame, reader), reader);
    used.add(self);
  }
  const projects = of('项目支出绩效自评表').map((sheet) => {
    used.add(sheet);
    const reader = new SheetReader(sheet.grid.sheet, problems);
    const frame = splitFrame(sheet.grid, { statement: false });
    return validated(projectEvaluationTable, readProjectEvaluation(frame, reader), reader);
  });
  if (projects.length) tables.projects = projects;
  if (!Object.keys(tables).length)
    problems.push({
      message:
        '工作簿中没有绩效自评的表（基础数据表、整体支出绩效自评表、项目支出绩效自评表）：请检查工作表名称和表名',
    });
  return tables;
}

/**
 * What the readers could not catch cell by cell, checked against the schema the content must
 * pass; reported on the sheet, with the YAML path of the value.
 */
function validated<T>(schema: z.ZodType, value: T, reader: SheetReader): T {
  if (reader.problems.some((p) => p.sheet === reader.sheet)) return value;
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      reader.error(undefined, `${issue.path.join('.') || '表'}：${issue.message}`);
  return value;
}

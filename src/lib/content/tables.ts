import type { ReportData } from './schema/report.ts';
import type { BaseDataTable, ProjectEvaluationTable, SelfEvaluationTable } from './schema/performance.ts';
import type { GenericTable } from './schema/generic-table.ts';
import { FINAL_ACCOUNTS_TABLE_IDS } from '../fiscal/forms.ts';

/**
 * A report's tables with their anchor ids, in the order the report defines them: the one place
 * that names them (#t01…#t09, #base-data, #self-evaluation, #project-1…, extra tables by key).
 */
type TableEntry =
  | { id: string; kind: '部门决算' }
  | { id: 'base-data'; kind: '基础数据表'; table: BaseDataTable }
  | { id: 'self-evaluation'; kind: '整体支出绩效自评表'; table: SelfEvaluationTable }
  | { id: string; kind: '项目支出绩效自评表'; table: ProjectEvaluationTable }
  | { id: string; kind: '通用表'; table: GenericTable };

export function tableEntries(data: ReportData): TableEntry[] {
  const out: TableEntry[] = [];
  if (data.kind === '部门决算')
    out.push(...FINAL_ACCOUNTS_TABLE_IDS.map((id) => ({ id, kind: '部门决算' as const })));
  if (data.kind === '部门整体支出绩效自评' && data.tables) {
    const t = data.tables;
    if (t['base-data']) out.push({ id: 'base-data', kind: '基础数据表', table: t['base-data'] });
    if (t['self-evaluation'])
      out.push({ id: 'self-evaluation', kind: '整体支出绩效自评表', table: t['self-evaluation'] });
    t.projects?.forEach((table, i) => out.push({ id: projectId(i), kind: '项目支出绩效自评表', table }));
  }
  for (const [id, table] of Object.entries(data.extraTables ?? {})) out.push({ id, kind: '通用表', table });
  return out;
}

const projectId = (i: number) => `project-${i + 1}`;

export const tableIds = (data: ReportData) => tableEntries(data).map((e) => e.id);

/** Anchor of the table a YAML path lies in (["tables", "projects", 0, …] → "project-1"). */
export function tableAnchorOf(path: readonly (string | number)[]): string | null {
  if (path[0] === 'extraTables') return String(path[1]);
  if (path[0] !== 'tables') return null;
  return path[1] === 'projects' ? projectId(Number(path[2])) : String(path[1]);
}

/*
 * Ids an extra table's key may not take: its key becomes the table's anchor (#key), its title's
 * (#key-h) and its header cells' (#key-1 …), on the same page as the official tables, the page's
 * own sections and the narrative's headings (#s-…).
 */
const OFFICIAL_IDS = ['t01…t09', 'base-data', 'self-evaluation', 'project-数字'];
const OFFICIAL_RE = /^(?:t\d+|base-data|self-evaluation|project-\d+)(?:-|$)/;
/** Ids the layouts and pages give their own elements. */
const PAGE_IDS = [
  'main',
  'site-q',
  'search',
  'toc',
  'toc-h',
  'charts',
  'charts-h',
  'data-notes',
  'data-notes-h',
  'glossary',
  'table',
  'measures',
  'overview',
  'offices',
  'reports',
  'figures',
  'functions',
  'units',
  'staffing',
  'sources',
  'rounding',
  'checks',
  'site-wide',
];
/** Prefixes of generated ids: charts, glossary terms, narrative headings, years. */
const PAGE_PREFIX_RE = /^(?:chart-|term-|s-|y\d+$)/;
/** Names of a report's data downloads beside its tables' (data/<key>.csv …): the package descriptor. */
const DOWNLOAD_NAMES = ['datapackage'];
/** Suffixes the page appends to a table's key. */
const GENERATED_SUFFIX_RE = /-(?:h|cap|\d+)$/;

const RESERVED = `不能用作表的键的有：正式表格的 ${OFFICIAL_IDS.join('、')}；页面已用的 ${PAGE_IDS.join('、')}；数据下载文件名 ${DOWNLOAD_NAMES.join('、')}；页面生成的 id，即以 chart-、term-、s- 开头或以 -h、-cap、-数字 结尾的键`;

/** Why `key` cannot name an extra table, or undefined when it can. */
export function reservedTableKey(key: string): string | undefined {
  const why = OFFICIAL_RE.test(key)
    ? '是正式表格的 id'
    : PAGE_IDS.includes(key) || PAGE_PREFIX_RE.test(key)
      ? '与页面上已有的 id 冲突'
      : DOWNLOAD_NAMES.includes(key)
        ? '与报告数据下载中的文件名冲突'
        : GENERATED_SUFFIX_RE.test(key)
          ? '与页面为表格标题和表头生成的 id 冲突'
          : undefined;
  return why && `表的键 ${key} ${why}：换一个名字（如 staff-list）。${RESERVED}`;
}

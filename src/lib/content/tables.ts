/*
 * The ids of a report's tables on its page: the table a YAML path lies in, and the keys an extra
 * table may not take. Which tables a report has, in order: table-entries.ts.
 */

/** The anchor of the report's i-th 项目支出绩效自评表 (from 0): #project-1 …. */
export const projectId = (i: number) => `project-${i + 1}`;

/** Anchor of the table a YAML path lies in (["tables", "projects", 0, …] → "project-1"). */
export function tableAnchorOf(path: readonly (string | number)[]): string | null {
  if (path[0] === 'extraTables') return String(path[1]);
  if (path[0] !== 'tables') return null;
  return path[1] === 'projects' ? projectId(Number(path[2])) : String(path[1]);
}

/*
 * Ids an extra table's key may not take: its key becomes the table's anchor (#key), its title's
 * (#key-h) and its header cells' (#key-1 …), on the same page as the official tables, the page's
 * own sections and the narrative's headings (#s-…) and passages (#p-L…).
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
/** Prefixes of generated ids: charts, glossary terms, narrative headings and passages, years. */
const PAGE_PREFIX_RE = /^(?:chart-|term-|s-|p-|y\d+$)/;
/** Names of a report's data downloads beside its tables' (data/<key>.csv …): the package descriptor. */
const DOWNLOAD_NAMES = ['datapackage'];
/** Suffixes the page appends to a table's key. */
const GENERATED_SUFFIX_RE = /-(?:h|cap|\d+)$/;

const RESERVED = `不能用作表的键的有：正式表格的 ${OFFICIAL_IDS.join('、')}；页面已用的 ${PAGE_IDS.join('、')}；数据下载文件名 ${DOWNLOAD_NAMES.join('、')}；页面生成的 id，即以 chart-、term-、s-、p- 开头或以 -h、-cap、-数字 结尾的键`;

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

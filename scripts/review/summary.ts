/** Words shared by the comment, the HTML report and the terminal: labels and the one-line summary. */
import { FORMS, FINAL_ACCOUNTS_TABLE_IDS } from '../../src/lib/fiscal/forms.ts';
import type { CellChange, ReviewFinding, ReviewResult, Status } from '../../src/lib/review/types.ts';

export const STATUS_LABELS: Record<Status, string> = { added: '新增', removed: '删除', changed: '有变化' };

/** A table id as the report names it: t09 → 公开09表, base-data → 基础数据表, project-2 → 项目支出绩效自评表2. */
export function tableLabel(id: string): string {
  if ((FINAL_ACCOUNTS_TABLE_IDS as readonly string[]).includes(id))
    return FORMS[id as (typeof FINAL_ACCOUNTS_TABLE_IDS)[number]].number;
  if (id === 'base-data') return '基础数据表';
  if (id === 'self-evaluation') return '整体支出绩效自评表';
  const project = /^project-(\d+)$/.exec(id);
  return project ? `项目支出绩效自评表${project[1]}` : id;
}

/** A row as the table prints it: its key, its name when the key is a code, and whether it is new or gone. */
export function rowLabel(cell: CellChange): string {
  const name = cell.rowName ? `${cell.row} ${cell.rowName}` : cell.row;
  return cell.rowStatus ? `${name}（${cell.rowStatus === 'added' ? '新增行' : '删除行'}）` : name;
}

/** A metadata value: absent (null) or as JSON. */
export const metaValue = (value: unknown) =>
  value === null || value === undefined
    ? '（无）'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** Check findings of a report or an office, in the order a reviewer reads them. */
export function findingGroups(findings: { new: ReviewFinding[]; fixed: ReviewFinding[] } | undefined) {
  if (!findings) return [];
  return [
    ...findings.new.filter(isOpenError).map((f) => ({ label: '新增错误', kind: 'open', finding: f })),
    ...findings.fixed.map((f) => ({
      label: isOpenError(f) ? '已消除错误' : '已消除',
      kind: 'fixed',
      finding: f,
    })),
    ...findings.new
      .filter((f) => !isOpenError(f))
      .map((f) => ({ label: f.acknowledged ? '新增（已确认）' : '新增提示', kind: 'note', finding: f })),
  ];
}

/** An error the change brings in that nobody has acknowledged: what a reviewer must look at first. */
const isOpenError = (f: ReviewFinding) => f.severity === 'error' && !f.acknowledged;

/** The display name of a report or office, with its id. */
export function nameOf(result: ReviewResult, id: string): string {
  const name = result.names?.[id];
  return name ? `${name}（${id}）` : id;
}

export const hasDifferences = (r: ReviewResult) =>
  r.reports.length > 0 ||
  r.offices.length > 0 ||
  r.pages.length > 0 ||
  (r.files?.length ?? 0) > 0 ||
  !!r.searchIndexChanged;

const percent = (ratio: number) => `${(ratio * 100).toFixed(ratio > 0 && ratio < 0.001 ? 3 : 2)}%`;

/** The share of pixels that changed, at both widths, or null without screenshots. */
export function changedPixels(page: ReviewResult['pages'][number]): string | null {
  const shots = [page.screenshots, page.mobile].filter((s) => s !== undefined);
  return shots.length ? shots.map((s) => `${s.width} px ${percent(s.changedRatio)}`).join('，') : null;
}

/** One sentence: "3 份报告中 5 个数字有变化，新增 1 个未确认的检查错误，4 个页面有变化". */
export function summaryLine(r: ReviewResult): string {
  const count = <T>(items: T[], pick: (item: T) => number) => items.reduce((n, item) => n + pick(item), 0);
  const parts: string[] = [];
  const withCells = r.reports.filter((x) => x.cells.length);
  if (withCells.length)
    parts.push(`${withCells.length} 份报告中 ${count(withCells, (x) => x.cells.length)} 个数字有变化`);
  for (const status of ['added', 'removed'] as const) {
    const n = r.reports.filter((x) => x.status === status).length;
    if (n) parts.push(`${STATUS_LABELS[status]} ${n} 份报告`);
  }
  const narrative = count(r.reports, (x) => x.narrative.length);
  if (narrative) parts.push(`${narrative} 处正文有改动`);
  const meta = count(r.reports, (x) => x.meta.length);
  if (meta) parts.push(`${meta} 项报告信息有变化`);
  if (r.offices.length) parts.push(`${r.offices.length} 个机构的信息有变化`);
  const findings = [...r.reports.map((x) => x.findings), ...r.offices.map((x) => x.findings)];
  const opened = count(findings, (x) => x?.new.filter(isOpenError).length ?? 0);
  if (opened) parts.push(`新增 ${opened} 个未确认的检查错误`);
  const fixed = count(findings, (x) => x?.fixed.filter(isOpenError).length ?? 0);
  if (fixed) parts.push(`${fixed} 个检查错误已消除`);
  if (r.pages.length) parts.push(`${r.pages.length} 个页面有变化`);
  else if (parts.length) parts.push('页面没有变化');
  if (!parts.length)
    return hasDifferences(r)
      ? '数字、正文和页面都没有变化，只有其他发布文件不同。'
      : '没有差异：数字、正文、检查结果和页面都相同。';
  return `${parts.join('，')}。`;
}

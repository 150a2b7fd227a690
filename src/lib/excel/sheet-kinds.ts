import { FINAL_ACCOUNTS_TABLE_IDS, FORMS, type FinalAccountsTableId } from '../fiscal/forms.ts';
import type { Grid } from './grid.ts';
import { cellTexts } from './frame.ts';

/** Which form a sheet holds, from its name, the number or title printed above it, or what it prints. */
export type SheetKind =
  | { kind: '部门决算'; id: FinalAccountsTableId }
  | { kind: '基础数据表' | '整体支出绩效自评表' | '项目支出绩效自评表' }
  | { kind: '通用表'; key: string };

const TOP_ROWS = 6;
const compact = (text: string) => text.replace(/\s/g, '');

/** 公开01表 … 公开09表 (also written 公开1表) in a sheet name or a printed line. */
function formNumber(text: string): FinalAccountsTableId | null {
  const m = /公开0?([1-9])表/.exec(compact(text));
  return m ? FINAL_ACCOUNTS_TABLE_IDS[Number(m[1]) - 1] : null;
}

/** The 决算 form whose title a line carries; the longest wins (财政拨款收入支出决算总表 over 收入支出决算总表). */
function formByTitle(texts: string[]): FinalAccountsTableId | null {
  const matches = FINAL_ACCOUNTS_TABLE_IDS.filter((id) =>
    texts.some((t) => compact(t).includes(FORMS[id].title)),
  );
  return matches.sort((a, b) => FORMS[b].title.length - FORMS[a].title.length)[0] ?? null;
}

export function sheetKind(grid: Grid, extraKey: string | undefined): SheetKind | null {
  if (extraKey) return { kind: '通用表', key: extraKey };
  const top = grid.rows.slice(0, TOP_ROWS).flatMap(cellTexts);
  const id = formNumber(grid.sheet) ?? top.map(formNumber).find(Boolean) ?? formByTitle(top);
  if (id) return { kind: '部门决算', id };
  const heading = compact([grid.sheet, ...top].join(' '));
  const firstColumn = grid.rows.map((row) => compact(row.find((c) => c.text.trim())?.text ?? ''));
  const anywhere = new Set(grid.rows.flatMap(cellTexts).map(compact));
  if (heading.includes('基础数据表')) return { kind: '基础数据表' };
  if (heading.includes('项目支出绩效自评表') || firstColumn.some((t) => /^项目(支出)?名称[：:]?$/.test(t)))
    return { kind: '项目支出绩效自评表' };
  if (/整体支出绩效自评表|绩效自评表|绩效评分/.test(heading) || anywhere.has('一级指标'))
    return { kind: '整体支出绩效自评表' };
  return null;
}

import { isAmount, PERCENT_RE, toBig } from './numbers.ts';

/** The columns of a funds block a row has cells in (content/schema/performance.ts reads them). */
export type FundsKey = 'initial' | 'fullYear' | 'executed' | 'weight' | 'rate' | 'score' | 'reason';
/** A row of a funds block: its name, then one cell per column. */
export type FundsRow = Record<FundsKey, string | null> & { name: string };

/*
 * The funds block of a 自评表 prints its total first (年度资金总额, 合计) and the sources or parts
 * below it (其中：当年财政拨款, 财政资金 …). A block without such a first row has no total: its rows
 * are sources side by side, and nothing is summed or taken as the block's figure.
 */

const TOTAL_RE = /合计|总计|总额/;

interface FundsSplit {
  /** The total row and its index, or null when the block prints none. */
  total: { row: FundsRow; index: number } | null;
  parts: { row: FundsRow; index: number }[];
}

export function splitFunds(rows: readonly FundsRow[]): FundsSplit {
  const indexed = rows.map((row, index) => ({ row, index }));
  if (rows.length === 1 || TOTAL_RE.test(rows[0]?.name ?? ''))
    return { total: indexed[0] ?? null, parts: indexed.slice(1) };
  return { total: null, parts: indexed };
}

/** The row that carries the block's figures: its total, or its only row. */
export const fundsTotalRow = (rows: readonly FundsRow[]) => splitFunds(rows).total?.row ?? null;

/** A figure of a number or percentage cell (its % dropped), null when it is neither. */
const amountOrPercent = (text: string | null) =>
  typeof text === 'string' && (isAmount(text) || PERCENT_RE.test(text)) ? toBig(text) : null;

/**
 * The funds block's figure for one column: its total row's cell (the block's only row counts as
 * its total). A total printed as 0 over parts that are not 0 does not state the measure (the form
 * left the total unfilled): it is not published, never a zero. A block without a total has none.
 */
export function fundsTotalFigure(rows: readonly FundsRow[], key: Exclude<keyof FundsRow, 'name'>) {
  const { total, parts } = splitFunds(rows);
  const text = total?.row[key] ?? null;
  if (
    amountOrPercent(text)?.eq(0) &&
    parts.some((p) => amountOrPercent(p.row[key]) && !amountOrPercent(p.row[key])!.eq(0))
  )
    return null;
  return text;
}

import Big from 'big.js';

/**
 * Published figures are kept as the text they were printed with ("16.5", "16.50", "84.6%"),
 * so the display keeps the published precision and arithmetic never touches binary floats.
 */
export const AMOUNT_RE = /^-?\d+(?:\.\d+)?$/;
export const PERCENT_RE = /^-?\d+(?:\.\d+)?%$/;
export const INTEGER_RE = /^\d+$/;
/** "Not applicable" as printed in the forms; distinct from a blank cell and from 0.00. */
export const NOT_APPLICABLE = '——';

export const isAmount = (cell: string | null | undefined): cell is string =>
  typeof cell === 'string' && AMOUNT_RE.test(cell);

/** Exact value of a cell that is a published amount, else (blank, "——") null. */
export const big = (t: string | null | undefined) => (isAmount(t) ? toBig(t) : null);

/** Exact value of a published amount or percentage (the % sign is dropped). */
export function toBig(text: string): Big {
  return new Big(text.endsWith('%') ? text.slice(0, -1) : text);
}

/** Number of decimals a figure was published with ("16.50" → 2, "33" → 0, "84.6%" → 1). */
export function precisionOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.replace('%', '').length - dot - 1;
}

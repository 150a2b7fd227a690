import Big from 'big.js';
import { isAmount, precisionOf, toBig } from './numbers.ts';

/*
 * Exact arithmetic on published figures, and the rounding rule of docs/domain.md: published cells are
 * rounded one by one, so a total may differ from the sum of its rounded parts by up to half a
 * unit of each figure involved — 0.005 × (parts + 1) for two-decimal figures — rounded up to the
 * finest published precision.
 */

export const sum = (texts: readonly string[]) => texts.reduce((acc, t) => acc.plus(toBig(t)), new Big(0));

/** The decimals to show a result of these figures with: the finest they were published at, at least 2. */
export const decimalsOf = (figures: readonly string[]) => Math.max(2, ...figures.map(precisionOf));

/**
 * Largest difference that rounding alone explains, for these published figures: rounded up to
 * the finest precision among them (0.01 for two-decimal figures, 0.001 where one has three).
 */
export function tolerance(figures: readonly string[]): Big {
  const half = figures.reduce(
    (acc, t) => acc.plus(new Big(5).times(new Big(10).pow(-precisionOf(t) - 1))),
    new Big(0),
  );
  return half.round(decimalsOf(figures), Big.roundUp);
}

type Agreement = 'equal' | 'rounding' | 'mismatch';

export function agreement(
  published: string,
  expected: Big,
  figures: readonly string[],
): { status: Agreement; difference: Big } {
  const difference = toBig(published).minus(expected);
  if (difference.eq(0)) return { status: 'equal', difference };
  return { status: difference.abs().lte(tolerance(figures)) ? 'rounding' : 'mismatch', difference };
}

/** Figures that take part in sums: published amounts; blank and "——" are left out. */
export const amounts = (cells: readonly (string | null | undefined)[]) => cells.filter(isAmount);

/** A ratio in percent at the precision a published percentage was printed with (half up). */
export function percentAt(numerator: Big, denominator: Big, published: string): Big | null {
  if (denominator.eq(0)) return null;
  return numerator.div(denominator).times(100).round(precisionOf(published), Big.roundHalfUp);
}

/** A share in percent with one decimal ("90.6%"); "—" of a zero whole. */
export const pct = (part: Big, whole: Big) =>
  whole.eq(0) ? '—' : `${part.div(whole).times(100).round(1, Big.roundHalfUp).toFixed(1)}%`;

/** "0.01", "-1.00", "33": a Big printed with at least the given number of decimals. */
export const show = (v: Big, decimals = 2) => v.toFixed(Math.max(decimals, 0));

import type { Report } from './content/load.ts';
import type { StatedFigure } from './content/schema/stated-figures.ts';
import { figureKeys } from './content/figure-keys.ts';
import { statedMeasureByLabel, type StatedMeasure } from './measures.ts';
import { printedBlocks, type PrintedBlock } from './narrative/render.ts';

/**
 * Figures a report publishes only in its text (`statedFigures`), found in the narrative as the
 * page prints it. Whitespace does not count: a line break inside a paragraph of the .md, or a
 * space beside a Chinese character, reads the same as none.
 */
export function readable(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ (?=[^\x20-\x7e])|(?<=[^\x20-\x7e]) /g, '')
    .trim();
}

/** Whether `value` occurs in `text` as a whole number: 74.88 is not in 174.88 nor in 74.889. */
export function hasNumber(text: string, value: string): boolean {
  const escaped = value.replace(/[.\\^$*+?()[\]{}|-]/g, '\\$&');
  return new RegExp(`(?<![\\d.])${escaped}(?!\\.?\\d)`).test(text);
}

interface LocatedStatement {
  figure: StatedFigure;
  /** Its index in `statedFigures`. */
  index: number;
  measure: StatedMeasure;
  /** The narrative block whose text holds the quote, or null when none does. */
  block: PrintedBlock | null;
  /** Whether the value is a whole number of the quote. */
  inQuote: boolean;
}

/** The report's stated figures, each with the narrative block that holds its quote. */
export function locateStatements(r: Report): LocatedStatement[] {
  const figures = r.data.statedFigures ?? [];
  if (!figures.length) return [];
  const keys = figureKeys(r.data);
  const blocks = printedBlocks(r.narrative, (key) => keys.get(key)).map((b) => ({
    block: b,
    text: readable(b.text),
  }));
  return figures.map((figure, index) => {
    const quote = readable(figure.quote);
    return {
      figure,
      index,
      measure: statedMeasureByLabel(figure.measure)!,
      block: quote ? (blocks.find((b) => b.text.includes(quote))?.block ?? null) : null,
      inQuote: hasNumber(quote, figure.value),
    };
  });
}

/** The stated figures the check can show: quote in the narrative, value in the quote. */
export const verifiedStatements = (r: Report) =>
  locateStatements(r).filter(
    (s): s is LocatedStatement & { block: PrintedBlock } => s.block !== null && s.inQuote,
  );

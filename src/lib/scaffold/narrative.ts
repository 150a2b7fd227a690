import { todoParagraph } from './placeholders.ts';

/** "### （一）基本支出情况" → "基本支出情况": what the placeholder under a heading asks for. */
const subject = (heading: string) =>
  heading.replace(/^#+ /, '').replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/, '');

/** A standard heading with a placeholder for the published text under it. */
export const section = (heading: string, what = subject(heading)) => [
  heading,
  todoParagraph(`${what}，照录原文，段与段之间空一行`),
];

/** Blocks separated by blank lines, as the committed narratives are written. */
export const blocks = (items: readonly string[]) => `${items.join('\n\n')}\n`;

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import type { Root } from 'mdast';

/**
 * Narrative Markdown: CommonMark plus one leaf directive that places a table where the source
 * prints it, `::table{ref=t01}` (ref is a key of the report's tables), and `::glossary`.
 */
const parser = unified().use(remarkParse).use(remarkDirective);

export function parseNarrative(markdown: string): Root {
  return parser.runSync(parser.parse(markdown)) as Root;
}

export const DIRECTIVES = ['table', 'glossary'] as const;

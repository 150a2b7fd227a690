import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import type { Root } from 'mdast';
import { proseColons } from '../narrative/text-directives.ts';
import { narrativeLimitProblem } from './narrative-limits.ts';

/**
 * Narrative Markdown: CommonMark plus one leaf directive that places a table where the source
 * prints it, `::table{ref=t01}` (ref is a key of the report's tables), and `::glossary`.
 */
// A colon in prose ("9:30", "公务接待费:10.43万元") is text again, so the checks read what the page prints.
const parser = unified()
  .use(remarkParse)
  .use(remarkDirective)
  .use(() => proseColons);

/**
 * The loader measures each narrative against the limits of content/limits.ts before parsing it;
 * text that skipped that step and would hang or overflow the parser is refused here as well.
 */
export function parseNarrative(markdown: string): Root {
  const problem = narrativeLimitProblem(markdown);
  if (problem) throw new Error(`正文 ${problem.line}:${problem.col} ${problem.message}`);
  return parser.runSync(parser.parse(markdown)) as Root;
}

export const DIRECTIVES = ['table', 'glossary'] as const;

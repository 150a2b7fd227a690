/** Plain-text helpers for showing content text in the comment and the report: length caps and changed spans. */

/** At most `max` characters (code points), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

interface Span {
  before: string;
  removed: string;
  added: string;
  after: string;
}

/**
 * What changed between two texts as one span: the common start and end are cut to `context`
 * characters around it, so a one-word edit in a long paragraph stays one short line.
 */
export function changedSpan(oldText: string, newText: string, context = 20): Span {
  const [a, b] = [[...oldText], [...newText]];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end])
    end++;
  const before = a.slice(0, start).join('');
  const after = a.slice(a.length - end).join('');
  return {
    before: start > context ? `…${[...before].slice(-context).join('')}` : before,
    removed: a.slice(start, a.length - end).join(''),
    added: b.slice(start, b.length - end).join(''),
    after: end > context ? `${[...after].slice(0, context).join('')}…` : after,
  };
}

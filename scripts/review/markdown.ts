/**
 * Content text made inert for a GitHub comment: whatever a report's names, narrative or messages
 * contain, it renders as the same plain text on one line — no HTML, no links or images, no
 * emphasis or code, no table cell break, no @mention or #reference, no fake review marker.
 */

/** Characters with a meaning anywhere in a line (GFM, plus GitHub's $math$). */
const INLINE = /[\\`*_[\]()!|~$#]/g;
/** List markers, which only mean something at the start (a list item may begin with a nested list). */
const LIST_START = /^([-+]|\d{1,9}\.)(?=\s|$)/;
/** A line of only - or =: a thematic break, or a heading underline. */
const RULE = /^[-=\s]+$/;
/** Breaks an autolink, a mention or an issue reference without changing what the reader sees. */
const ZERO_WIDTH_SPACE = '\u200B';

export function escapeMarkdown(text: string): string {
  // Format characters (zero-width, bidirectional overrides) are invisible or reorder what is shown.
  return text
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INLINE, (c) => `\\${c}`)
    .replace(LIST_START, (m) => (m.endsWith('.') ? `${m.slice(0, -1)}\\.` : `\\${m}`))
    .replace(RULE, (m) => m.replace(/[-=]/g, (c) => `\\${c}`))
    .replace(/@(?=\w)/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/www\./gi, (m) => `${m.slice(0, 3)}${ZERO_WIDTH_SPACE}.`);
}

/**
 * How much work one pull request's content may cause. Content is proposed by anyone, so every
 * file is measured against these before it is parsed; docs/limits.md gives each value and why.
 * The committed content (2022) is far below each: the largest report YAML is 19 KB with 346
 * lines and 11 levels of nesting, the largest narrative 21 KB with 234 lines of at most 958
 * characters, 6 markup characters to a paragraph and 190 to a file, the largest source 58 KB.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

/** Byte size of each kind of file, checked on the open file before anything is read. */
export const MAX_BYTES = {
  office: 64 * KiB,
  report: 512 * KiB,
  narrative: 512 * KiB,
  archive: 8 * MiB,
} as const;

export type FileKind = keyof typeof MAX_BYTES;

/** Every byte read from content/ together: a backstop against many files each under its limit. */
export const MAX_TOTAL_BYTES = 256 * MiB;

/** Files and directories under content/, counted while listing (10,000 reports need about 21,000). */
export const MAX_ENTRIES = 30_000;

/** Lines in one YAML or Markdown file. */
export const MAX_LINES = 10_000;

/** Characters (UTF-16 code units) in one line: a published paragraph is one line. */
export const MAX_LINE_LENGTH = 20_000;

/** Nesting of block quotes, list items and container directives in a narrative. */
export const MAX_NARRATIVE_DEPTH = 10;

/**
 * ASCII characters that can start or end inline Markdown (`* _ [ ] ! < & \` \\ : ( ) { }`): the
 * parser's work on them grows with the square of their number in one paragraph.
 */
export const MAX_MARKUP_PER_PARAGRAPH = 1_000;
export const MAX_MARKUP_PER_FILE = 20_000;

/** Headings underlined with === or ---: each one makes the parser copy everything before it. */
export const MAX_UNDERLINED_HEADINGS = 20;

/** Nesting of YAML mappings and lists (flow or block). */
export const MAX_YAML_DEPTH = 32;

/** Problems listed for one file; the rest are counted, not listed. */
export const MAX_ERRORS_PER_FILE = 1000;

import type { Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { LINK_PROTOCOLS } from './urls.ts';

const HEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * What a rendered narrative may contain: the elements CommonMark produces for published prose
 * (paragraphs, headings ## and below, lists, emphasis, links, quotes, line and thematic breaks,
 * inline code), nothing else. Every key is set, so no default schema applies. Headings keep only
 * the generated `s-…` ids, paragraphs, quotes and list items the `p-L…` ones (render.ts); ids are
 * not prefixed (clobber) because the table of contents, the search index and the 数据说明 link to them.
 */
const NARRATIVE_SCHEMA: Schema = {
  tagNames: ['p', ...HEADINGS, 'ul', 'ol', 'li', 'strong', 'em', 'a', 'blockquote', 'br', 'hr', 'code'],
  attributes: {
    a: ['href', 'title'],
    ol: ['start'],
    ...Object.fromEntries(HEADINGS.map((h) => [h, [['id', /^s-/]]])),
    ...Object.fromEntries(['p', 'li', 'blockquote'].map((t) => [t, [['id', /^p-L\d+$/]]])),
  },
  protocols: { href: LINK_PROTOCOLS },
  ancestors: { li: ['ol', 'ul'] },
  // Elements outside tagNames are dropped with their content when listed here, unwrapped otherwise.
  strip: ['script', 'style', 'img', 'iframe', 'object', 'embed', 'svg', 'math'],
  clobber: [],
  clobberPrefix: '',
  required: {},
  allowComments: false,
  allowDoctypes: false,
};

/** Defence in depth: the check has refused what this would remove, so it removes nothing. */
export const sanitizeNarrative = (tree: Root) => sanitize(tree, NARRATIVE_SCHEMA) as Root;

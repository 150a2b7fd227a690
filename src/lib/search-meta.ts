/**
 * Text for Pagefind's filters and metadata (data-pagefind-filter, data-pagefind-meta). Pagefind
 * decodes HTML entities when it reads them (pagefind/src/fossick/mod.rs, normalize_content:
 * html_escape::decode_html_entities), and its default UI inserts filter names and values as HTML
 * (pagefind_ui/default/svelte/filters.svelte: `{@html filter}` in the summary and legend,
 * `{@html value}` in each label; in the 1.6.0 bundle, pagefind-ui.js `t.innerHTML=s`,
 * `r.innerHTML=o` and `new At(!1)`, Svelte's HtmlTag). Escaping for the page is undone before the
 * UI sees the value, so a value must hold no markup characters at all: `< > & " '` become their
 * full-width forms, line breaks and tabs a space, other control and bidirectional-override
 * characters are dropped. Real names contain none of these, so they are unchanged.
 * The build (src/integrations/search-index.ts) refuses a built page whose search fields still hold any.
 */
const FULL_WIDTH: Record<string, string> = { '<': '＜', '>': '＞', '&': '＆', '"': '＂', "'": '＇' };

export const searchLabel = (text: string | number): string =>
  String(text)
    .replace(/[<>&"']/g, (c) => FULL_WIDTH[c])
    .replace(/[\t\n\r\f\v]+/g, ' ')
    // Control and format characters (bidi overrides and isolates, zero-width characters) are dropped.
    .replace(/[\p{Cc}\p{Cf}]/gu, '');

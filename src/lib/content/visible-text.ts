/**
 * Text from content (file names, keys, values) printed to a terminal: control characters would
 * be obeyed there (an escape sequence can recolour, retitle or rewrite what staff see), and
 * format characters such as a right-to-left override reorder the line. Each is shown as its
 * escape instead, e.g. ESC as the six characters \u001b.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** What JSON.stringify leaves raw: it escapes C0 controls and lone surrogates, not DEL, C1 or format characters. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu;

const escape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One printed line: line breaks and tabs are escaped too, so a finding stays on its line. */
export const visibleText = (text: string) => text.replace(UNSAFE, escape);

/** JSON text whose strings may hold anything: the escapes are valid JSON and read back the same. */
export const visibleJson = (json: string) => json.replace(UNSAFE_IN_JSON, escape);

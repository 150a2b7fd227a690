import { parseDocument, isScalar, visit } from 'yaml';
import { raw, scalar, type Raw } from './yaml-text.ts';
import { PLACEHOLDER } from '../content/placeholder.ts';

/**
 * What `npm run new` leaves where staff must fill in. Every placeholder fails `npm run check` at
 * its own line, so nothing is published while one is left; a blank published cell is `~`, which
 * the scaffold therefore never writes for a value still to be filled in.
 */
const TODO = PLACEHOLDER;

/**
 * A figure, code, score, year or path: the bare word fails every number, code and path rule
 * ("应为金额（如 12.34）；空白写 ~，不适用写 ——").
 */
export const todo: Raw = raw(TODO);

/**
 * Text: the schema accepts any non-empty string, so a text placeholder is a one-key map, which
 * it rejects ("应为文字"); the hint says what to copy there.
 */
export const todoText = (hint: string): Raw => raw(`{ ${TODO}: ${scalar(hint)} }`);

/** Narrative: a directive the narrative check rejects at its line (未知的指令 todo). */
export const todoParagraph = (hint: string) => `::todo[${TODO}：${hint}]`;
/** The same inside a heading or a sentence. */
export const todoInline = (hint: string) => `:todo[${TODO}：${hint}]`;

/** Placeholders in a scaffolded YAML file, as staff will meet them in `npm run check`. */
export function countYamlPlaceholders(text: string): number {
  let n = 0;
  visit(parseDocument(text), {
    // A placeholder map's own key is a scalar too: count the map, not its key.
    Scalar: (key, node) => void (key !== 'key' && node.value === TODO && n++),
    Map: (_, node) => void (node.items.some((p) => isScalar(p.key) && p.key.value === TODO) && n++),
  });
  return n;
}

/** Placeholders in a scaffolded narrative. */
export const countNarrativePlaceholders = (text: string) => text.split(`:todo[${TODO}：`).length - 1;

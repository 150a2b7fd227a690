/**
 * Writes YAML by hand, in the style of the committed content (flow rows, block maps, comments),
 * which a YAML library's stringify would not keep.
 */

/** A scalar or a raw YAML fragment that is written as it is (a placeholder map, a flow row). */
export type Item = string | number | null | Raw;

export class Raw {
  constructor(readonly yaml: string) {}
  // So that a placeholder reads right inside a template string too.
  toString() {
    return this.yaml;
  }
}

export const raw = (yaml: string) => new Raw(yaml);

// Plain scalars may not start with these, nor contain ": ", " #" or, inside [ ], any of ,[]{}.
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
const FLOW_UNSAFE = /[,[\]{}]|: |:$| #/;
// Words the core schema would read as something other than a string.
const RESERVED = /^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/** A scalar safe in block and flow context: plain where possible, else double-quoted. */
export function scalar(value: Item): string {
  if (value instanceof Raw) return value.yaml;
  if (value === null) return '~';
  if (typeof value === 'number') return String(value);
  const plain =
    value !== '' &&
    value === value.trim() &&
    !INDICATOR_START.test(value) &&
    !FLOW_UNSAFE.test(value) &&
    !RESERVED.test(value);
  return plain ? value : JSON.stringify(value);
}

/** A flow sequence: [1, 一、一般公共预算财政拨款收入, 待填]. */
export const flow = (items: readonly Item[]) => `[${items.map(scalar).join(', ')}]`;

/** A flow map: { label: 一, term: … }. */
export const flowMap = (entries: Record<string, Item>) =>
  `{ ${Object.entries(entries)
    .map(([k, v]) => `${k}: ${scalar(v)}`)
    .join(', ')} }`;

/** Lines indented by `n` spaces. */
export const indent = (n: number, lines: readonly string[]) => lines.map((l) => (l ? ' '.repeat(n) + l : l));

/** "key: value" with an optional trailing comment. */
export const entry = (key: string, value: Item, comment?: string) =>
  `${key}: ${scalar(value)}${comment ? ` # ${comment}` : ''}`;

import type { z } from 'zod';
import type { ParsedYaml, Position } from './yaml.ts';
import { showHidden } from './schema/characters.ts';
import { PLACEHOLDER } from './placeholder.ts';

/** A problem in a content file, at the node it concerns. */
export interface ContentError extends Position {
  file: string;
  message: string;
}

const formatError = (e: ContentError) => `${e.file}:${e.line}:${e.col} ${e.message}`;

type Key = PropertyKey;

/** The value at `path` in the parsed YAML, or `absent` when the key (or item) is not there at all. */
function valueAt(root: unknown, path: readonly Key[]): { absent: true } | { absent: false; value: unknown } {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return { absent: true };
    node = (node as Record<Key, unknown>)[key];
  }
  return node === undefined ? { absent: true } : { absent: false, value: node };
}

const NUMBER_RE = /^-?\d+(?:\.\d+)?%?$/;
const preview = (s: string) => {
  const chars = [...s];
  return showHidden(chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : s);
};

/** What a YAML value is, in the words staff use ("列表（3 项）", "数字 5", "空白 ~"). */
/** The hint of a scaffold's text placeholder `{ 待填: 提示 }`, or undefined for any other value. */
function placeholderHint(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  return entries.length === 1 && entries[0][0] === PLACEHOLDER ? String(entries[0][1] ?? '') : undefined;
}

function describe(value: unknown): string {
  if (value === null) return '空白 ~';
  if (Array.isArray(value)) return `列表（${value.length} 项）`;
  if (typeof value === 'object') return `映射（键 ${Object.keys(value).map(showHidden).join('、') || '无'}）`;
  if (typeof value === 'boolean') return `布尔值 ${value}（要写文字请加引号）`;
  const text = String(value);
  return NUMBER_RE.test(text) ? `数字 ${text}` : `文字“${preview(text)}”`;
}

/** zod's names for the expected type, where a schema gives no message of its own. */
const EXPECTED: Record<string, string> = {
  string: '文字',
  array: '列表',
  tuple: '列表',
  object: '映射',
  record: '映射',
  number: '数字',
  boolean: '布尔值',
  null: '空白 ~',
};

/** The schema's own "应为…" message, or one built from the expected type for zod's generic text. */
function expectation(issue: z.core.$ZodIssueInvalidType): string {
  return /^(无效输入|Invalid input)/.test(issue.message)
    ? `应为${EXPECTED[issue.expected] ?? issue.expected}`
    : issue.message;
}

/**
 * Turns schema issues into located messages that say what was expected: a key that is not there
 * is 缺少; a value of the wrong kind says what it is instead; an unknown key lists the allowed ones.
 */
export function locateIssues(
  file: string,
  yaml: ParsedYaml,
  issues: readonly z.core.$ZodIssue[],
): ContentError[] {
  const out: ContentError[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const dotted = path.map(String).join('.');
    const where = path.length ? `${dotted}：` : '';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ file, ...yaml.locate(path, { key }), message: issue.message });
      continue;
    }
    if (issue.code === 'invalid_key') {
      // A map key (an extra table's name): reported at the key, with the key's own messages.
      const key = String(path.at(-1));
      const inner = issue.issues.map((i) => i.message).join('；');
      out.push({ file, ...yaml.locate(path.slice(0, -1), { key }), message: `${where}${inner}` });
      continue;
    }
    if (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') {
      const found = valueAt(yaml.value, path);
      const expected = issue.code === 'invalid_type' ? expectation(issue) : issue.message;
      const todo = found.absent ? undefined : placeholderHint(found.value);
      const message = found.absent
        ? `缺少必填项 ${dotted}（${expected}）`
        : todo !== undefined
          ? `${where}${PLACEHOLDER}：请按原文填入${todo}（${expected}）`
          : issue.code === 'invalid_union'
            ? `${where}${expected}`
            : `${where}${expected}，实际是${describe(found.value)}`;
      out.push({ file, ...yaml.locate(path), message });
      continue;
    }
    out.push({ file, ...yaml.locate(path), message: `${where}${issue.message}` });
  }
  return out;
}

export class ContentErrors extends Error {
  constructor(readonly errors: ContentError[]) {
    super(`${errors.length} 处内容错误:\n${errors.map(formatError).join('\n')}`);
  }
}
